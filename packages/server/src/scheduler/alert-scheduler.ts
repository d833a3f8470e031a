import { nextAlertAt, sendDueAlerts, type AlertDeps } from './alerts';
import { createDueTimer, type Scheduler } from './due-timer';

/**
 * Records SLA alerts and auto-close warnings when they fall due, re-armed after every change
 * of this process but the warnings' own. The sweep records each alert once.
 */
export function createAlertScheduler(deps: AlertDeps): Scheduler {
  return createDueTimer({
    name: 'alert',
    sweep: () => sendDueAlerts(deps),
    nextDueAt: () => nextAlertAt(deps),
    moves: (change) => !change.kinds.every((kind) => kind === 'auto_close_warning'),
    // Alerts are not punctual to the millisecond: a burst of changes is swept once.
    minDelayMs: 20,
    did: (sent) => `recorded ${sent} SLA alert${sent === 1 ? '' : 's'} and auto-close warning${sent === 1 ? '' : 's'}`,
    now: () => deps.now(),
    changes: deps.changes,
    log: deps.log,
  });
}
