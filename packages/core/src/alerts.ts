import { addBusinessMinutes, DEFAULT_CALENDAR } from './calendar';
import type { NotificationType } from './notifications';
import { AT_RISK_SHARE } from './sla';
import type { ResponseCycle } from './sla-types';

// SPEC §6: when SLA alerts and the auto-close warning are due, from stored times only, so a
// sweep after a restart (or in another process) decides exactly what one before it would have.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The default lead of the auto-close warning (`AUTO_CLOSE_WARNING_HOURS`). */
export const DEFAULT_AUTO_CLOSE_WARNING_HOURS = 24;

/**
 * The instant a cycle turns `at_risk`: a quarter of its target left (working minutes on business
 * hours, as `slaState` counts them). Null without a due time.
 */
export function atRiskAt(cycle: Pick<ResponseCycle, 'startedAt' | 'dueAt' | 'policy'>): Date | null {
  if (!cycle.dueAt) return null;
  const policy = cycle.policy;
  if (policy?.hours === 'business') {
    return addBusinessMinutes(cycle.startedAt, policy.targetMinutes * (1 - AT_RISK_SHARE), policy.calendar ?? DEFAULT_CALENDAR);
  }
  const target = policy?.targetMinutes ?? (cycle.dueAt.getTime() - cycle.startedAt.getTime()) / MINUTE;
  return new Date(cycle.dueAt.getTime() - AT_RISK_SHARE * target * MINUTE);
}

/** An open cycle's alert times, and which alerts it has had. */
export interface CycleAlerts {
  atRiskAt: Date | null;
  dueAt: Date | null;
  atRiskSent: boolean;
  breachSent: boolean;
}

/**
 * The SLA alerts due for an open cycle at `now`, each once per cycle: `sla.breached` from the
 * due time on; `sla.at_risk` from `atRiskAt` until then. A cycle found already past due (the
 * server was down) gets only `sla.breached`, and its at-risk moment counts as passed.
 */
export function dueSlaAlerts(cycle: CycleAlerts, now: Date): { send: NotificationType[]; markAtRisk: boolean; markBreach: boolean } {
  const breached = cycle.dueAt !== null && now.getTime() >= cycle.dueAt.getTime();
  const atRisk = cycle.atRiskAt !== null && now.getTime() >= cycle.atRiskAt.getTime();
  const send: NotificationType[] = [];
  if (breached && !cycle.breachSent) send.push('sla.breached');
  else if (atRisk && !breached && !cycle.atRiskSent) send.push('sla.at_risk');
  return { send, markAtRisk: (atRisk || breached) && !cycle.atRiskSent, markBreach: breached && !cycle.breachSent };
}

/**
 * When a ticket waiting on its customer is warned that it closes by itself: `warningHours`
 * before, but never in the first half of the wait (a short auto-close delay warns halfway).
 */
export function autoCloseWarningAt(autoCloseAt: Date, warningHours: number, autoCloseHours: number): Date {
  return new Date(autoCloseAt.getTime() - autoCloseWarningLeadHours(warningHours, autoCloseHours) * HOUR);
}

/** How long before closing the warning goes out (see `autoCloseWarningAt`). */
export const autoCloseWarningLeadHours = (warningHours: number, autoCloseHours: number): number => Math.min(warningHours, autoCloseHours / 2);
