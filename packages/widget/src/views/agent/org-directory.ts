import type { SupportApi } from '../../api/client';
import type { OrgSummary } from '../../api/types';

type Known = Pick<OrgSummary, 'id' | 'name'> & Partial<Pick<OrgSummary, 'planId'>>;

/**
 * Organisation names for the agent's screens: rows carry only an organisation's id. Names
 * come from `org.list` answers as they pass by; an id not seen yet is asked with `org.get`,
 * and the ids asked together travel in one batched request.
 */
export class OrgDirectory {
  private readonly known = new Map<string, Known>();
  private readonly asked = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private queue: string[] = [];

  constructor(readonly api: SupportApi) {}

  /** The organisation's name, or null while it is being asked for. */
  name(id: string): string | null {
    const org = this.known.get(id);
    if (org) return org.name;
    this.ask(id);
    return null;
  }

  remember(orgs: readonly Known[]) {
    let changed = false;
    for (const org of orgs) {
      const before = this.known.get(org.id);
      if (before?.name === org.name && before.planId === org.planId) continue;
      this.known.set(org.id, { id: org.id, name: org.name, planId: org.planId ?? before?.planId });
      changed = true;
    }
    if (changed) for (const listener of [...this.listeners]) listener();
  }

  /** Calls `listener` whenever names arrive; returns the way to stop. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private ask(id: string) {
    if (this.asked.has(id)) return;
    this.asked.add(id);
    this.queue.push(id);
    if (this.queue.length > 1) return;
    // Everything asked during this render goes out together.
    queueMicrotask(() => {
      const ids = this.queue;
      this.queue = [];
      for (const orgId of ids) {
        this.api.getOrg(undefined, orgId).then(
          (org) => this.remember([{ id: org.id, name: org.name, planId: org.planId ?? org.plan.id }]),
          () => this.asked.delete(orgId),
        );
      }
    });
  }
}
