import type { PlanId } from '@support-tickets/core';
import type { SupportApi } from '../../api/client';
import { createContext } from '../../base/context';
import type { ListInput, Org, OrgListInput } from '../../api/types';
import { WorkspaceChangeEvent, WorkspaceStore } from '../../workspace/store';

/** Provided by the agent's workspace beside the shared store: the same object, as an `AgentStore`. */
export const agentStoreContext = createContext<AgentStore>('support-tickets-agent-workspace');

interface OrgEntry {
  id: string;
  name: string;
  planId?: PlanId | 'custom' | undefined;
}

/**
 * The agent workspace's store: the shared one, and the directory of organisations (names and
 * plans) for the places that hold only an id. The directory learns from the reads that name
 * organisations, here and nowhere else: views read through these methods.
 */
export class AgentStore extends WorkspaceStore {
  private readonly orgs = new Map<string, OrgEntry>();

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
    const page = await api.listOrgs(input, signal);
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
    if (changed) this.dispatchEvent(new WorkspaceChangeEvent('directory'));
  }
}

/** An organisation changed (a new plan): the API's answer (internal, not composed). */
export class OrgUpdatedEvent extends Event {
  static readonly type = 'st-org-updated';
  constructor(readonly org: Org) {
    super(OrgUpdatedEvent.type, { bubbles: true });
  }
}
