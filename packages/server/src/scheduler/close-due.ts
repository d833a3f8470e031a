import { and, asc, eq, lte, min, sql } from 'drizzle-orm';
import { tickets } from '../db/schema';
import { SYSTEM_CALLER } from '../tickets/access';
import type { ServiceDeps } from '../tickets/deps';
import { actOnTicket } from '../tickets/service';

const BATCH = 100;

/**
 * Closes every ticket whose auto-close time has come, each through core's `autoClose` and a
 * conditional write, so a sweep is idempotent and sweeps of several processes at once close
 * each ticket once. Returns how many this call closed.
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
        and(
          lte(tickets.autoCloseAt, cutoff),
          eq(tickets.status, 'awaiting_customer'),
          after ? sql`(${tickets.autoCloseAt}, ${tickets.id}) > (${after.at.getTime()}, ${after.id})` : undefined,
        ),
      )
      .orderBy(asc(tickets.autoCloseAt), asc(tickets.id))
      .limit(BATCH);
    for (const ticket of batch) {
      const result = await actOnTicket(deps, SYSTEM_CALLER, ticket.id, { type: 'autoClose' });
      // A refusal means someone got there first (another sweep closed it, the customer replied).
      if (result.ok) closed++;
    }
    const last = batch[batch.length - 1];
    if (batch.length < BATCH || !last?.autoCloseAt) return closed;
    after = { at: last.autoCloseAt, id: last.id };
  }
}

/** The earliest pending auto-close time, if any. */
export async function nextAutoCloseAt(deps: ServiceDeps): Promise<Date | null> {
  const row = await deps.database.db
    .select({ at: min(tickets.autoCloseAt) })
    .from(tickets)
    .where(eq(tickets.status, 'awaiting_customer'))
    .get();
  // drizzle maps min() with the column decoder (a Date); accept raw milliseconds too.
  const at = row?.at as unknown;
  if (at === null || at === undefined) return null;
  return at instanceof Date ? at : new Date(Number(at));
}
