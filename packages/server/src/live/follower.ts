import type { DatabaseHandle } from '../db/client';
import type { Logger } from '../logger';
import type { ChangeFeed } from '../shared/deps';
import { latestEventId, readEvents, type FollowedEvent } from './events';

/** One party the follower fans events out to. */
export interface FollowerListener {
  /** New events, in id order; called synchronously, so keep it cheap (filter and queue). */
  onEvents(events: readonly FollowedEvent[]): void;
  /** The follower stopped for good (the server is closing). */
  onClose(): void;
}

export interface Membership {
  /** Every event with a greater id reaches the listener (until it leaves). */
  position: number;
  leave(): void;
}

export interface EventFollower {
  join(listener: FollowerListener): Promise<Membership>;
  readonly listeners: number;
  /** Tells every listener it is over and stops polling; later joins fail. */
  close(): Promise<void>;
}

export interface FollowerOptions {
  database: DatabaseHandle;
  /** Local commits wake the follower, so this process's changes go out at once. */
  changes: ChangeFeed;
  log: Logger;
  /** How often the table is read for other processes' changes while anyone listens. */
  pollMs?: number;
  batchSize?: number;
}

export class FollowerClosedError extends Error {
  override name = 'FollowerClosedError';
}

export const DEFAULT_POLL_MS = 300;
const DEFAULT_BATCH = 500;

/**
 * Follows `ticket_events` by id for this server: one reader, however many subscribers. It
 * reads only while someone listens (every `pollMs`, and at once after a local commit), so
 * changes written by any process on the same database reach this process's subscribers.
 *
 * @example
 * const follower = createEventFollower({ database, changes, log });
 * const { position, leave } = await follower.join({ onEvents: (events) => queue.push(...events), onClose: end });
 */
export function createEventFollower(options: FollowerOptions): EventFollower {
  const { database, changes, log } = options;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const listeners = new Set<FollowerListener>();

  /** The last id handed to listeners; null while idle (nobody listens). */
  let position: number | null = null;
  let starting: Promise<number> | null = null;
  // Bumped on every idle/active switch, so a read begun in an earlier period is dropped.
  let period = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let polling: Promise<void> | null = null;
  let pollAgain = false;
  let stopFeed: (() => void) | null = null;
  let closed = false;

  const schedule = (delay: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void poll();
    }, delay);
    timer.unref?.();
  };

  const poll = (): Promise<void> => {
    if (polling) {
      pollAgain = true;
      return polling;
    }
    const mine = period;
    polling = (async () => {
      try {
        do {
          pollAgain = false;
          if (position === null || mine !== period) return;
          const events = await readEvents(database.db, position, batchSize);
          if (mine !== period) return;
          if (events.length > 0) {
            // The position moves and the batch goes out in one step: a listener joining
            // between two reads is told a position and gets exactly what follows it.
            position = events[events.length - 1]!.id;
            for (const listener of listeners) deliver(listener, events);
          }
          if (events.length === batchSize) pollAgain = true;
        } while (pollAgain);
      } catch (error) {
        log.error('reading ticket events failed; retrying', { error: String(error) });
      } finally {
        polling = null;
        if (position !== null && mine === period && !closed) schedule(pollMs);
      }
    })();
    return polling;
  };

  const deliver = (listener: FollowerListener, events: readonly FollowedEvent[]) => {
    try {
      listener.onEvents(events);
    } catch (error) {
      log.error('a live listener failed', { error: String(error) });
    }
  };

  const wake = () => {
    if (position === null || closed) return;
    if (timer) clearTimeout(timer);
    timer = null;
    void poll();
  };

  const activate = (from: number) => {
    period++;
    position = from;
    stopFeed = changes.subscribe(wake);
    schedule(pollMs);
  };

  const idle = () => {
    period++;
    position = null;
    stopFeed?.();
    stopFeed = null;
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const start = (): Promise<number> => {
    starting ??= latestEventId(database.db).then(
      (latest) => {
        starting = null;
        if (closed) throw new FollowerClosedError('The server is closing.');
        if (position === null) activate(latest);
        return position!;
      },
      (error: unknown) => {
        starting = null;
        throw error;
      },
    );
    return starting;
  };

  return {
    get listeners() {
      return listeners.size;
    },

    async join(listener) {
      if (closed) throw new FollowerClosedError('The server is closing.');
      listeners.add(listener);
      let left = false;
      const leave = () => {
        if (left) return;
        left = true;
        listeners.delete(listener);
        if (listeners.size === 0 && position !== null) idle();
      };
      try {
        return { position: position ?? (await start()), leave };
      } catch (error) {
        leave();
        throw error;
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      idle();
      const ending = [...listeners];
      listeners.clear();
      for (const listener of ending) {
        try {
          listener.onClose();
        } catch (error) {
          log.error('a live listener failed to close', { error: String(error) });
        }
      }
      await polling;
      await starting?.catch(() => undefined);
    },
  };
}
