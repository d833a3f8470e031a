import { canSeeTicket, ratingRefusal, type Rating } from '@support-tickets/core';
import { and, eq, isNull } from 'drizzle-orm';
import { tickets } from '../db/schema';
import type { Caller } from '../shared/caller';
import type { ServiceDeps } from '../shared/deps';
import { fail, ok, ticketNotFound, type Result } from '../shared/result';

/**
 * The customer's rating of a closed ticket (SPEC §8): once, within core's window after closing.
 * Conditional on no rating yet, so two racing ratings leave one.
 */
export async function rateTicket(
  deps: ServiceDeps,
  caller: Caller,
  id: string,
  input: { rating: Rating; comment?: string | undefined },
): Promise<Result<string>> {
  return deps.database.write(async (tx) => {
    const row = await tx.select().from(tickets).where(eq(tickets.id, id)).get();
    if (!row || !canSeeTicket(caller, row)) return ticketNotFound();
    const now = deps.now();
    const refused = ratingRefusal(row, caller, now);
    if (refused) return refused;
    const comment = input.comment?.trim() || null;
    const updated = await tx
      .update(tickets)
      .set({ rating: input.rating, ratingComment: comment, ratedAt: now })
      .where(and(eq(tickets.id, id), isNull(tickets.rating)));
    if (updated.rowsAffected !== 1) return fail('conflict', 'This ticket has been rated already.', { kind: 'already_rated' });
    return ok(id);
  });
}
