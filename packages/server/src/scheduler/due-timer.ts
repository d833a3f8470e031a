import type { Logger } from '../logger';
import type { ChangeFeed, TicketChange } from '../shared/deps';
import { timerDelay } from '../shared/timers';

/** The longest a timer is armed for: a bounded setTimeout never drifts far, and doubles as the safety sweep. */
export const SAFETY_SWEEP_MS = 60_000;
/** Something due when a sweep began and still pending after it is tried again after this, doubling up to the cap. */
const RETRY_FIRST_MS = 50;
const RETRY_CAP_MS = 1_000;

export interface Scheduler {
  start(): void;
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
}

export interface DueTimerOptions {
  /** What is done when it falls due, for the log ("auto-close", "alert"). */
  name: string;
  /** Does everything due now; resolves with how many it did. */
  sweep(): Promise<number>;
  /** When the next thing falls due, or null when nothing is pending. */
  nextDueAt(): Promise<Date | null>;
  /** Whether a change may have moved the next due time. */
  moves(change: TicketChange): boolean;
  /** Waited at least, even when something is due now: a stream of changes is not a stream of sweeps. */
  minDelayMs?: number;
  now(): Date;
  changes: ChangeFeed;
  log: Logger;
  /** Said after a sweep that did something. */
  did(count: number): string;
}

/**
 * Does what falls due when it falls due: a sweep at start (what fell due while the server was
 * down goes at once), then a timer armed for the next due time (at most a minute ahead),
 * re-armed after every change that may move it. Something due before a sweep began that the
 * sweep could not do (another process held the write lock, a writer got there first) is tried
 * again within moments. Everything is derived from stored times, so restarts and several
 * processes are safe.
 */
export function createDueTimer(options: DueTimerOptions): Scheduler {
  const { name, log } = options;
  let running = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let sweeping: Promise<Date> | null = null;
  let unsubscribe: (() => void) | null = null;
  // Each arm() reads the next due time: only the latest may set the timer, so a slower read
  // started before a change cannot replace the timer armed after it.
  let generation = 0;
  let retryMs = RETRY_FIRST_MS;

  /** Sweeps once; resolves with the instant the sweep began (what it could do was due by then). */
  const sweep = (): Promise<Date> => {
    const began = options.now();
    sweeping ??= options
      .sweep()
      .then((count) => {
        if (count > 0) log.info(options.did(count));
      })
      .catch((error: unknown) => log.error(`${name} sweep failed`, { error: String(error) }))
      .then(() => began)
      .finally(() => {
        sweeping = null;
      });
    return sweeping;
  };

  /** Arms the timer for the next due time; `swept` is when the sweep just done began, if any. */
  const arm = async (swept: Date | null): Promise<void> => {
    const mine = ++generation;
    let delay = SAFETY_SWEEP_MS;
    try {
      const next = await options.nextDueAt();
      if (next) {
        delay = timerDelay(next.getTime() - options.now().getTime(), SAFETY_SWEEP_MS);
        if (delay === 0 && swept && next <= swept) {
          // Due before the sweep began, yet still pending: the sweep could not do it now.
          delay = retryMs;
          retryMs = Math.min(retryMs * 2, RETRY_CAP_MS);
        } else {
          retryMs = RETRY_FIRST_MS;
        }
      }
    } catch (error) {
      log.error(`could not read the next ${name} time`, { error: String(error) });
    }
    // A later arm() superseded this one, or the timer stopped meanwhile.
    if (!running || mine !== generation) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(
      () => {
        timer = null;
        void sweep().then((began) => (running ? arm(began) : undefined));
      },
      Math.max(delay, options.minDelayMs ?? 0),
    );
    timer.unref?.();
  };

  return {
    start() {
      if (running) return;
      running = true;
      unsubscribe = options.changes.subscribe((change) => {
        if (running && options.moves(change)) void arm(null);
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
