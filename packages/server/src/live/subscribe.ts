import { canSeeTicket } from '@support-tickets/core';
import { eq } from 'drizzle-orm';
import { tickets } from '../db/schema';
import type { Caller } from '../shared/caller';
import type { ServiceDeps } from '../shared/deps';
import { ok, ServiceFailure, ticketNotFound, type Result } from '../shared/result';
import type { EventFollower } from './follower';
import { openChangeStream, parseLastEventId } from './stream';

export interface ChangeSubscription {
  /** One ticket's changes; every ticket the caller may see when absent. */
  id?: string | undefined;
  /** Set by tRPC from `Last-Event-ID` (or the client's last tracked id) when it reconnects. */
  lastEventId?: string | null | undefined;
}

/**
 * `ticket.onChange`: the caller's stream of changes, under the tenancy of the queries, until
 * the caller's token expires. A ticket the caller cannot see is "not found", as everywhere else.
 */
export async function subscribeToChanges(
  deps: ServiceDeps & { follower: EventFollower },
  caller: Caller,
  input: ChangeSubscription | undefined,
  signal: AbortSignal | undefined,
): Promise<Result<Awaited<ReturnType<typeof openChangeStream>>>> {
  const ticketId = input?.id ?? null;
  if (ticketId !== null) {
    const row = await deps.database.db
      .select({ orgId: tickets.orgId, createdBy: tickets.createdBy })
      .from(tickets)
      .where(eq(tickets.id, ticketId))
      .get();
    if (!row || !canSeeTicket(caller, row)) return ticketNotFound();
  }
  try {
    return ok(
      await openChangeStream({
        db: deps.database.db,
        follower: deps.follower,
        filter: { caller, ticketId },
        lastEventId: parseLastEventId(input?.lastEventId),
        signal,
        expiresAt: caller.expiresAt,
      }),
    );
  } catch (error) {
    if (error instanceof ServiceFailure) return { ok: false, error: error.error };
    throw error;
  }
}
