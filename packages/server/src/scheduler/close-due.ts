import { and, asc, isNotNull, lte, sql } from 'drizzle-orm';
import { tickets } from '../db/schema';
import { SYSTEM_CALLER } from '../shared/caller';
import type { ServiceDeps } from '../shared/deps';
import { actOnEach } from '../tickets/service';

const BATCH = 100;
/** Tickets closed in one write transaction: one disk sync for all, the write lock held briefly. */
const PER_TRANSACTION = 25;

/**
 * Closes every ticket whose auto-close time has come, each through core's `autoClose` on its
 * state as a write transaction reads it (several tickets to a transaction, one disk sync for
 * all), so a sweep is idempotent and sweeps of several processes at once close each ticket
 * once. Returns how many this call closed.
 */
export async function closeDueTickets(deps: ServiceDeps): Promise<number> {
  const cutoff = deps.now();
  let closed = 0;
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    // Walk forward by (auto_close_at, id): a ticket that cannot close is passed, not retried forever.
    const batch: Array<{ id: string; autoCloseAt: Date | null }> = await deps.database.db
      .select({ id: tickets.id, autoCloseAt: tickets.autoCloseAt })
      .from(tickets)
      .where(
        // Only a ticket waiting on its customer has an auto-close time (core clears it on every
        // other move), so the time alone finds them, in index order; core re-checks each one.
        and(
          lte(tickets.autoCloseAt, cutoff),
          after ? sql`(${tickets.autoCloseAt}, ${tickets.id}) > (${after.at.getTime()}, ${after.id})` : undefined,
        ),
      )
      .orderBy(asc(tickets.autoCloseAt), asc(tickets.id))
      .limit(BATCH);
    for (let i = 0; i < batch.length; i += PER_TRANSACTION) {
      const ids = batch.slice(i, i + PER_TRANSACTION).map((ticket) => ticket.id);
      // A refusal means someone got there first (another sweep closed it, the customer replied).
      for (const result of await actOnEach(deps, SYSTEM_CALLER, ids, { type: 'autoClose' })) if (result.ok) closed++;
    }
    const last = batch[batch.length - 1];
    if (batch.length < BATCH || !last?.autoCloseAt) return closed;
    after = { at: last.autoCloseAt, id: last.id };
  }
}

/** The earliest pending auto-close time, if any. */
export async function nextAutoCloseAt(deps: ServiceDeps): Promise<Date | null> {
  // The first entry of the auto-close index (set only while waiting on the customer).
  const row = await deps.database.db
    .select({ at: tickets.autoCloseAt })
    .from(tickets)
    .where(isNotNull(tickets.autoCloseAt))
    .orderBy(asc(tickets.autoCloseAt))
    .limit(1)
    .get();
  return row?.at ?? null;
}
