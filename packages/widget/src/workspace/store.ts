import type { Category, PlanId, Priority, Status } from '@support-tickets/core';
import type { ListInput } from '../api/types';

/** The customer's list: a status and a subject search. */
export interface ListFilters {
  status: Status | '';
  q: string;
}

/** What the agent narrowed the queue to. */
export interface QueueFilters {
  status: Status | '';
  priority: Priority | '';
  category: Category | '';
  planId: PlanId | 'custom' | '';
  orgId: string;
  mine: boolean;
  q: string;
}

export const NO_LIST_FILTERS: ListFilters = { status: '', q: '' };
export const NO_QUEUE_FILTERS: QueueFilters = { status: '', priority: '', category: '', planId: '', orgId: '', mine: false, q: '' };

/** The new-ticket form as typed so far. */
export interface TicketDraft {
  subject: string;
  body: string;
  category: string;
  priority: string;
}
export const emptyTicketDraft = (): TicketDraft => ({ subject: '', body: '', category: '', priority: '' });

/** What a composer writes: a reply to the customer, or (agents) an internal note. */
export type ComposeMode = 'reply' | 'note';

/** What the store holds that views show: a change to one of these re-renders them. */
interface Shown {
  listFilters: ListFilters;
  queueFilters: QueueFilters;
  orgQuery: string;
}

/** One of the store's shown values changed (internal; views re-render). */
export class WorkspaceChangeEvent extends Event {
  static readonly type = 'st-workspace-change';
  constructor(readonly key: keyof Shown | 'directory') {
    super(WorkspaceChangeEvent.type);
  }
}

/**
 * What a workspace keeps while its views come and go: the filters and every draft (per ticket
 * and mode, so nothing typed is lost on navigation or a token refresh); the agent's adds the
 * directory of organisations (`AgentStore`). The workspace creates it and provides it to its
 * views; they read and change it here instead of passing values up and down.
 */
export class WorkspaceStore extends EventTarget implements Shown {
  listFilters = NO_LIST_FILTERS;
  queueFilters = NO_QUEUE_FILTERS;
  orgQuery = '';

  ticketDraft: TicketDraft = emptyTicketDraft();
  private readonly texts = new Map<string, string>();
  private readonly modes = new Map<string, ComposeMode>();

  set<K extends keyof Shown>(key: K, value: Shown[K]) {
    const shown: Shown = this;
    if (shown[key] === value) return;
    shown[key] = value;
    this.dispatchEvent(new WorkspaceChangeEvent(key));
  }

  /** Changes some queue filters, on top of the latest ones. */
  filterQueue(change: Partial<QueueFilters>) {
    this.set('queueFilters', { ...this.queueFilters, ...change });
  }

  /** What is typed on a ticket in one mode. */
  draft(ticketId: string, mode: ComposeMode = 'reply'): string {
    return this.texts.get(`${mode}:${ticketId}`) ?? '';
  }

  setDraft(ticketId: string, mode: ComposeMode, text: string) {
    if (text) this.texts.set(`${mode}:${ticketId}`, text);
    else this.texts.delete(`${mode}:${ticketId}`);
  }

  /** The mode a ticket's composer was last in. */
  mode(ticketId: string): ComposeMode {
    return this.modes.get(ticketId) ?? 'reply';
  }

  setMode(ticketId: string, mode: ComposeMode) {
    this.modes.set(ticketId, mode);
  }

  clearTicketDraft() {
    this.ticketDraft = emptyTicketDraft();
  }
}

/** The queue filters as `ticket.list` takes them, in the queue's order (what needs an answer first). */
export function queueQuery(filters: QueueFilters): ListInput {
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
