import type { Category, PlanId, Priority, Status } from '@support-tickets/core';
import type { SupportApi } from '../../api/client';
import type { ListInput, Org, OrgListInput } from '../../api/types';
import { createContext } from '../../base/context';
import { WorkspaceStore, type ComposeMode } from '../../workspace/store';

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

export const NO_QUEUE_FILTERS: QueueFilters = { status: '', priority: '', category: '', planId: '', orgId: '', mine: false, q: '' };

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

/** Provided by the agent's workspace beside the shared store: the same object, as an `AgentStore`. */
export const agentStoreContext = createContext<AgentStore>('support-tickets-agent-workspace');

interface OrgEntry {
  id: string;
  name: string;
  planId?: PlanId | 'custom' | null | undefined;
}

/**
 * The agent workspace's store: the shared one, the queue's filters, the organisation search,
 * the composer's mode per ticket, and the directory of organisations (names and plans) for the
 * places that hold only an id. The directory learns from the reads that name organisations,
 * here and nowhere else: views read through these methods.
 */
export class AgentStore extends WorkspaceStore {
  queueFilters = NO_QUEUE_FILTERS;
  orgQuery = '';
  private readonly modes = new Map<string, ComposeMode>();
  private readonly orgs = new Map<string, OrgEntry>();

  /** Changes some queue filters, on top of the latest ones (or all of them). */
  filterQueue(change: Partial<QueueFilters>) {
    this.queueFilters = { ...this.queueFilters, ...change };
    this.changed();
  }

  searchOrgs(q: string) {
    this.orgQuery = q;
    this.changed();
  }

  /** The mode a ticket's composer was last in. */
  mode(ticketId: string): ComposeMode {
    return this.modes.get(ticketId) ?? 'reply';
  }

  setMode(ticketId: string, mode: ComposeMode) {
    this.modes.set(ticketId, mode);
  }

  /** The organisation's name as last read, or null. */
  orgName(id: string): string | null {
    return this.orgs.get(id)?.name ?? null;
  }

  async tickets(api: SupportApi, input: ListInput, signal?: AbortSignal) {
    const page = await api.listTickets(input, signal);
    this.learn(page.items.flatMap((row) => (row.orgName ? [{ id: row.orgId, name: row.orgName, planId: row.orgPlan }] : [])));
    return page;
  }

  async orgList(api: SupportApi, input: OrgListInput, signal?: AbortSignal) {
    const page = await api.call('org.list', (client) => client.org.list.query(input, { signal }), signal);
    this.learn(page.items);
    return page;
  }

  async org(api: SupportApi, id: string, signal?: AbortSignal) {
    const org = await api.getOrg(signal, id);
    this.learn([org]);
    return org;
  }

  private learn(orgs: readonly OrgEntry[]) {
    let changed = false;
    for (const { id, name, planId } of orgs) {
      const known = this.orgs.get(id);
      if (known?.name === name && known.planId === planId) continue;
      this.orgs.set(id, { id, name, planId });
      changed = true;
    }
    if (changed) this.changed();
  }
}

/** An organisation changed (a new plan): the API's answer (internal, not composed). */
export class OrgUpdatedEvent extends Event {
  static readonly type = 'st-org-updated';
  constructor(readonly org: Org) {
    super(OrgUpdatedEvent.type, { bubbles: true });
  }
}
