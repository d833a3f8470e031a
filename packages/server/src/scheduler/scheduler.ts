import type { ServiceDeps } from '../shared/deps';
import { closeDueTickets, nextAutoCloseAt } from './close-due';
import { createDueTimer, type Scheduler } from './due-timer';

/** Closes tickets when their auto-close time comes, re-armed whenever a change sets or clears one. */
export function createScheduler(deps: ServiceDeps): Scheduler {
  return createDueTimer({
    name: 'auto-close',
    sweep: () => closeDueTickets(deps),
    nextDueAt: () => nextAutoCloseAt(deps),
    moves: (change) => change.autoCloseChanged,
    did: (closed) => `auto-closed ${closed} ticket${closed === 1 ? '' : 's'}`,
    now: () => deps.now(),
    changes: deps.changes,
    log: deps.log,
  });
}
