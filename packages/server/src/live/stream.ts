import type { Queryable } from '../db/client';
import { ServiceFailure } from '../shared/result';
import { timerDelay } from '../shared/timers';
import { canSeeEvent, readEvents, type ChangeFilter, type FollowedEvent } from './events';
import { FollowerClosedError, TooManyListenersError, type EventFollower } from './follower';

export interface ChangeStreamOptions {
  db: Queryable;
  follower: EventFollower;
  filter: ChangeFilter;
  /** Who holds the stream, for the follower's cap of streams per person. */
  owner?: string;
  /** The last event the client saw (`tracked` id); its later events are replayed from the table. */
  lastEventId: number | null;
  signal: AbortSignal | undefined;
  /** When the caller's token expires: the stream fails as unauthorized then (null: never). */
  expiresAt: Date | null;
  /** Past this many unsent events a slow subscriber drops its queue and reads the table instead. */
  maxQueue?: number;
  replayBatch?: number;
}

const DEFAULT_MAX_QUEUE = 1_000;
const DEFAULT_REPLAY_BATCH = 200;

const restarting = () =>
  new ServiceFailure({ code: 'unavailable', message: 'The server is restarting; the stream will resume.' });
const tooMany = (limit: number) =>
  new ServiceFailure({
    code: 'rate_limited',
    message: `You already have ${limit} live update streams open (other tabs or windows); close one and try again.`,
    reason: { kind: 'too_many_streams', limit },
  });
const expired = () => new ServiceFailure({ code: 'unauthorized', message: 'The token has expired; reconnect with a new one.' });

/**
 * One subscriber's stream of the changes it may see. Joining the follower happens before this
 * resolves, so the stream misses nothing committed after the subscription was acknowledged;
 * with `lastEventId`, what the client missed is read back from the table first. Ends when the
 * client goes away (`signal`), fails as `unavailable` when the server closes (the edge makes
 * it a retryable SERVICE_UNAVAILABLE, which tells the client to reconnect and resume from its
 * last event), and as `unauthorized` when the token expires: the token was checked only when
 * the stream connected. Each change carries its event id, which a client resumes from.
 */
export async function openChangeStream(options: ChangeStreamOptions): Promise<AsyncGenerator<FollowedEvent, void, unknown>> {
  const { db, follower, filter, signal, expiresAt } = options;
  const maxQueue = options.maxQueue ?? DEFAULT_MAX_QUEUE;
  const replayBatch = options.replayBatch ?? DEFAULT_REPLAY_BATCH;

  let queue: FollowedEvent[] = [];
  // Read the table from `cursor` before taking from the queue (a resume, or after an overflow).
  let replay = options.lastEventId !== null;
  let ended: 'aborted' | 'closed' | 'expired' | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };

  let membership;
  try {
    membership = await follower.join({
      onEvents(events) {
        if (replay) return; // the table has them
        for (const event of events) if (canSeeEvent(filter, event)) queue.push(event);
        if (queue.length > maxQueue) {
          queue = [];
          replay = true;
        }
        notify();
      },
      onClose() {
        ended ??= 'closed';
        notify();
      },
    }, options.owner);
  } catch (error) {
    if (error instanceof FollowerClosedError) throw restarting();
    if (error instanceof TooManyListenersError) throw tooMany(error.limit);
    throw error;
  }
  const { leave } = membership;
  let cursor = options.lastEventId ?? membership.position;

  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  // Releases what the stream holds at once, even while nobody reads it.
  const end = (reason: 'aborted' | 'expired') => {
    ended ??= reason;
    clearTimeout(expiryTimer);
    queue = [];
    leave();
    notify();
  };
  const onAbort = () => end('aborted');
  // On the real clock, as the token was verified (see api/context.ts); a far expiry is
  // measured again on the way, since setTimeout cannot wait that long.
  const armExpiry = () => {
    if (!expiresAt) return;
    const left = expiresAt.getTime() - Date.now();
    if (left <= 0) return end('expired');
    expiryTimer = setTimeout(armExpiry, timerDelay(left));
    expiryTimer.unref?.();
  };
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  if (!ended) armExpiry();

  async function* changes(): AsyncGenerator<FollowedEvent, void, unknown> {
    try {
      for (;;) {
        if (ended === 'aborted') return;
        if (ended === 'closed') throw restarting();
        if (ended === 'expired') throw expired();
        if (replay) {
          // Cleared first: events arriving meanwhile queue up and are skipped below if read here.
          replay = false;
          for (;;) {
            const events = await readEvents(db, cursor, replayBatch, filter);
            for (const event of events) {
              cursor = event.id;
              yield event;
            }
            if (events.length < replayBatch || ended) break;
          }
          continue;
        }
        const event = queue.shift();
        if (event) {
          if (event.id <= cursor) continue;
          cursor = event.id;
          yield event;
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      clearTimeout(expiryTimer);
      leave();
    }
  }
  return changes();
}
