import type { ServiceDeps } from '../shared/deps';
import { timerDelay } from '../shared/timers';
import { closeDueTickets, nextAutoCloseAt } from './close-due';

/** The longest a timer is armed for: a bounded setTimeout never overflows nor drifts far, and doubles as the safety sweep. */
export const MAX_TIMER_MS = 60_000;
/** A ticket that was due when a sweep began and is still open is tried again after this, doubling up to the cap. */
const RETRY_FIRST_MS = 50;
const RETRY_CAP_MS = 1_000;

export interface Scheduler {
  start(): void;
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
}

/**
 * Closes tickets when their auto-close time comes: a sweep at start (tickets that fell due
 * while the server was down close at once), then a timer armed for the earliest pending
 * auto-close time (at most a minute ahead), re-armed whenever a change sets or clears one.
 * A ticket that fell due while a sweep ran is swept for at once; one a sweep could not close
 * (another process held the write lock, a writer got there first) is tried again within
 * moments. Everything is derived from stored times, so restarts and several processes are safe.
 */
export function createScheduler(deps: ServiceDeps): Scheduler {
  let running = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let sweeping: Promise<Date> | null = null;
  let unsubscribe: (() => void) | null = null;
  let generation = 0;
  let retryMs = RETRY_FIRST_MS;

  /** Sweeps once; resolves with the instant the sweep began (what it could close was due by then). */
  const sweep = (): Promise<Date> => {
    const began = deps.now();
    sweeping ??= closeDueTickets(deps)
      .then((closed) => {
        if (closed > 0) deps.log.info(`auto-closed ${closed} ticket${closed === 1 ? '' : 's'}`);
      })
      .catch((error: unknown) => deps.log.error('auto-close sweep failed', { error: String(error) }))
      .then(() => began)
      .finally(() => {
        sweeping = null;
      });
    return sweeping;
  };

  /** Arms the timer for the next due ticket; `swept` is when the sweep just done began, if any. */
  const arm = async (swept: Date | null): Promise<void> => {
    const mine = ++generation;
    let delay = MAX_TIMER_MS;
    try {
      const next = await nextAutoCloseAt(deps);
      if (next) {
        delay = timerDelay(next.getTime() - deps.now().getTime(), MAX_TIMER_MS);
        if (delay === 0 && swept && next <= swept) {
          // Due before the sweep began, yet still pending: the sweep could not close it now.
          delay = retryMs;
          retryMs = Math.min(retryMs * 2, RETRY_CAP_MS);
        } else {
          retryMs = RETRY_FIRST_MS;
        }
      }
    } catch (error) {
      deps.log.error('could not read the next auto-close time', { error: String(error) });
    }
    // A later arm() superseded this one, or the scheduler stopped meanwhile.
    if (!running || mine !== generation) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void sweep().then((began) => (running ? arm(began) : undefined));
    }, delay);
    timer.unref?.();
  };

  return {
    start() {
      if (running) return;
      running = true;
      unsubscribe = deps.changes.subscribe((change) => {
        if (change.autoCloseChanged && running) void arm(null);
      });
      void sweep().then((began) => (running ? arm(began) : undefined));
    },
    async stop() {
      running = false;
      generation++;
      unsubscribe?.();
      unsubscribe = null;
      if (timer) clearTimeout(timer);
      timer = null;
      await sweeping;
    },
  };
}
