import type { Category, PlanId, Priority, Status } from '@support-tickets/core';
import type { ListInput } from '../../api/types';

/** What the agent narrowed the queue to; kept by the workspace across views. */
export interface QueueFilters {
  status: Status | '';
  priority: Priority | '';
  category: Category | '';
  planId: PlanId | 'custom' | '';
  orgId: string;
  mine: boolean;
  q: string;
}

export const NO_FILTERS: QueueFilters = { status: '', priority: '', category: '', planId: '', orgId: '', mine: false, q: '' };

/** The filters changed (internal; `detail` is the new filters). */
export const QUEUE_FILTERS_EVENT = 'st-queue-filters';

/** The filters as `ticket.list` takes them, in the queue's order (what needs an answer first). */
export function toQuery(filters: QueueFilters): ListInput {
  return {
    sort: 'due',
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.priority ? { priority: filters.priority } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.planId ? { planId: filters.planId } : {}),
    ...(filters.orgId ? { orgId: filters.orgId } : {}),
    ...(filters.mine ? { assignedToMe: true } : {}),
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
  };
}
