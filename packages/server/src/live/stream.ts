import type { Queryable } from '../db/client';
import { ServiceFailure } from '../shared/result';
import { canSeeEvent, readEvents, toChangeOutput, type ChangeFilter, type FollowedEvent, type TicketChangeOutput } from './events';
import { FollowerClosedError, type EventFollower } from './follower';

export interface ChangeStreamOptions {
  db: Queryable;
  follower: EventFollower;
  filter: ChangeFilter;
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
/** setTimeout's longest delay (about 24.8 days); a later expiry is waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const restarting = () =>
  new ServiceFailure({ code: 'unavailable', message: 'The server is restarting; the stream will resume.' });
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
export async function openChangeStream(options: ChangeStreamOptions): Promise<AsyncGenerator<TicketChangeOutput, void, unknown>> {
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
    });
  } catch (error) {
    if (error instanceof FollowerClosedError) throw restarting();
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
    expiryTimer = setTimeout(armExpiry, Math.min(left, MAX_TIMER_MS));
    expiryTimer.unref?.();
  };
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  if (!ended) armExpiry();

  async function* changes(): AsyncGenerator<TicketChangeOutput, void, unknown> {
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
              yield toChangeOutput(event);
            }
            if (events.length < replayBatch || ended) break;
          }
          continue;
        }
        const event = queue.shift();
        if (event) {
          if (event.id <= cursor) continue;
          cursor = event.id;
          yield toChangeOutput(event);
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

/** A `tracked` id from the client, as an event id; anything else starts from now. */
export function parseLastEventId(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,15}$/.test(value)) return null;
  return Number(value);
}
