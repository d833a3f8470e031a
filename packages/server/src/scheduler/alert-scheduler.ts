import { timerDelay } from '../shared/timers';
import { nextAlertAt, sendDueAlerts, type AlertDeps } from './alerts';
import { MAX_TIMER_MS, type Scheduler } from './scheduler';

/**
 * Sends SLA alerts and auto-close warnings when they fall due: a sweep at start (what fell due
 * while the server was down goes at once), then a timer for the next due one (at most a minute
 * ahead), re-armed after every change of this process. Times come from the database, so
 * restarts and several processes are safe; the sweep records each alert once.
 */
export function createAlertScheduler(deps: AlertDeps): Scheduler {
  let running = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let sweeping: Promise<void> | null = null;
  let unsubscribe: (() => void) | null = null;

  const sweep = (): Promise<void> => {
    sweeping ??= sendDueAlerts(deps)
      .then((sent) => {
        if (sent > 0) deps.log.info(`recorded ${sent} SLA alert${sent === 1 ? '' : 's'} and auto-close warning${sent === 1 ? '' : 's'}`);
      })
      .catch((error: unknown) => deps.log.error('alert sweep failed', { error: String(error) }))
      .finally(() => {
        sweeping = null;
      });
    return sweeping;
  };

  const arm = async (): Promise<void> => {
    let delay = MAX_TIMER_MS;
    try {
      const next = await nextAlertAt(deps);
      if (next) delay = timerDelay(next.getTime() - deps.now().getTime(), MAX_TIMER_MS);
    } catch (error) {
      deps.log.error('could not read the next alert time', { error: String(error) });
    }
    if (!running) return;
    if (timer) clearTimeout(timer);
    // Due now: a short breath, so a stream of changes does not turn into a stream of sweeps.
    timer = setTimeout(() => void sweep().then(() => (running ? arm() : undefined)), Math.max(delay, 20));
    timer.unref?.();
  };

  return {
    start() {
      if (running) return;
      running = true;
      unsubscribe = deps.changes.subscribe((change) => {
        if (running && !change.kinds.every((kind) => kind === 'auto_close_warning')) void arm();
      });
      void sweep().then(() => (running ? arm() : undefined));
    },
    async stop() {
      running = false;
      unsubscribe?.();
      if (timer) clearTimeout(timer);
      timer = null;
      await sweeping;
    },
  };
}
