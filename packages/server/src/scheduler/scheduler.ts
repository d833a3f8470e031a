import type { ServiceDeps } from '../shared/deps';
import { closeDueTickets, nextAutoCloseAt } from './close-due';

/** The longest a timer is armed for: a bounded setTimeout never overflows nor drifts far, and doubles as the safety sweep. */
export const MAX_TIMER_MS = 60_000;
/** When a due ticket would not close, wait this long before trying again rather than spin. */
const STUCK_RETRY_MS = 5_000;

export interface Scheduler {
  start(): void;
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
}

/**
 * Closes tickets when their auto-close time comes: a sweep at start (tickets that fell due
 * while the server was down close at once), then a timer armed for the earliest pending
 * auto-close time (at most a minute ahead), re-armed whenever a change sets or clears one.
 * Everything is derived from stored times, so restarts and several processes are safe.
 */
export function createScheduler(deps: ServiceDeps): Scheduler {
  let running = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let sweeping: Promise<void> | null = null;
  let unsubscribe: (() => void) | null = null;
  let generation = 0;

  const sweep = (): Promise<void> => {
    sweeping ??= closeDueTickets(deps)
      .then((closed) => {
        if (closed > 0) deps.log.info(`auto-closed ${closed} ticket${closed === 1 ? '' : 's'}`);
      })
      .catch((error: unknown) => deps.log.error('auto-close sweep failed', { error: String(error) }))
      .finally(() => {
        sweeping = null;
      });
    return sweeping;
  };

  const arm = async (justSwept: boolean): Promise<void> => {
    const mine = ++generation;
    let delay = MAX_TIMER_MS;
    try {
      const next = await nextAutoCloseAt(deps);
      if (next) {
        const wait = next.getTime() - deps.now().getTime();
        delay = Math.min(MAX_TIMER_MS, Math.max(0, wait));
        if (wait <= 0 && justSwept) delay = STUCK_RETRY_MS;
      }
    } catch (error) {
      deps.log.error('could not read the next auto-close time', { error: String(error) });
    }
    // A later arm() superseded this one, or the scheduler stopped meanwhile.
    if (!running || mine !== generation) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void sweep().then(() => (running ? arm(true) : undefined));
    }, delay);
    timer.unref?.();
  };

  return {
    start() {
      if (running) return;
      running = true;
      unsubscribe = deps.changes.subscribe((change) => {
        if (change.autoCloseChanged && running) void arm(false);
      });
      void sweep().then(() => (running ? arm(true) : undefined));
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
