import { personKey, type Caller } from '../shared/caller';
import type { ServiceDeps } from '../shared/deps';
import { ok, ServiceFailure, ticketNotFound, type Result } from '../shared/result';
import { canSeeTicketById } from '../shared/tenancy';
import type { EventIdSeal } from './event-ids';
import { toChangeOutput, type FollowedEvent, type TicketChangeOutput } from './events';
import type { EventFollower } from './follower';
import { openChangeStream } from './stream';

export interface ChangeSubscription {
  /** One ticket's changes; every ticket the caller may see when absent. */
  id?: string | undefined;
  /** Set by tRPC from `Last-Event-ID` (or the client's last tracked id) when it reconnects. */
  lastEventId?: string | null | undefined;
}

/** What a subscription runs on: the service's dependencies, this server's follower and its id seal. */
export type LiveDeps = ServiceDeps & { follower: EventFollower; eventIds: EventIdSeal };

/**
 * `ticket.onChange`: the caller's stream of changes, under the tenancy of the queries, until
 * the caller's token expires. A ticket the caller cannot see is "not found", as everywhere else.
 * A `lastEventId` that is not one of this server's opaque ids starts the stream from now.
 */
export async function subscribeToChanges(
  deps: LiveDeps,
  caller: Caller,
  input: ChangeSubscription | undefined,
  signal: AbortSignal | undefined,
): Promise<Result<AsyncGenerator<TicketChangeOutput, void, unknown>>> {
  const ticketId = input?.id ?? null;
  if (ticketId !== null) {
    if (!(await canSeeTicketById(deps.database.db, caller, ticketId))) return ticketNotFound();
  }
  try {
    const stream = await openChangeStream({
      db: deps.database.db,
      follower: deps.follower,
      filter: { caller, ticketId },
      owner: personKey(caller),
      lastEventId: input?.lastEventId ? deps.eventIds.open(input.lastEventId) : null,
      signal,
      expiresAt: caller.expiresAt,
    });
    return ok(sealed(stream, deps.eventIds));
  } catch (error) {
    if (error instanceof ServiceFailure) return { ok: false, error: error.error };
    throw error;
  }
}

/** The stream as clients see it: ids sealed. Ending it ends the stream inside. */
async function* sealed(stream: AsyncGenerator<FollowedEvent, void, unknown>, eventIds: EventIdSeal) {
  for await (const event of stream) yield toChangeOutput(event, eventIds.seal);
}
