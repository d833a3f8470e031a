import type { Category, LifecycleAction, Priority } from '@support-tickets/core';
import type { Caller } from '../shared/caller';
import type { ServiceDeps } from '../shared/deps';
import type { ServiceError } from '../shared/result';
import { assigneeOf } from './assignees';
import type { TicketListItem } from './output';
import { pageOfIds } from './list-page';
import { listItems } from './queries';
import { actOnEach } from './service';

// Bulk actions (SPEC §8): an outage answered once. Each ticket is decided by core on its own,
// in one write transaction for all; a refusal leaves that ticket as it was.

export type BulkAction =
  | { type: 'reply'; body: string }
  | { type: 'close' }
  | { type: 'assign'; assigneeId: string | null }
  | { type: 'update'; priority?: Priority | undefined; category?: Category | undefined };

export type BulkResult = { id: string; ok: true; ticket: TicketListItem } | { id: string; ok: false; error: ServiceError };

export async function bulkAct(deps: ServiceDeps, caller: Caller, ids: readonly string[], action: BulkAction): Promise<BulkResult[]> {
  const unique = [...new Set(ids)];
  const lifecycle: Exclude<LifecycleAction, { type: 'create' }> =
    action.type === 'assign' ? { type: 'assign', assignee: await assigneeOf(deps.database.db, action.assigneeId) } : action;
  const outcomes = await actOnEach(deps, caller, unique, lifecycle);
  const done = unique.filter((_, i) => outcomes[i]?.ok);
  const now = deps.now();
  const { rows, parts } = await pageOfIds(deps.database.db, caller, done, now);
  const items = new Map(listItems(caller, rows, now, parts).map((item) => [item.id, item]));
  return unique.map((id, i): BulkResult => {
    const outcome = outcomes[i]!;
    if (!outcome.ok) return { id, ok: false, error: outcome.error };
    return { id, ok: true, ticket: items.get(id)! };
  });
}
