import {
  addBusinessMinutes,
  businessMinutesBetween,
  DEFAULT_CALENDAR,
  describeWeek,
  formatWallTime,
  workingPeriods,
  type BusinessCalendar,
} from './calendar';
import type { Plan, Priority, Status } from './domain';
import { LABELS } from './labels';
import { responseTargetMinutes } from './plans';
import type { ResponseCycle, SlaPolicy, SlaState } from './sla-types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Below this share of the target left, an open cycle is at risk. */
export const AT_RISK_SHARE = 0.25;

/**
 * When a reply is due for a cycle started at `start`; null where the plan offers no target
 * for the priority. The calendar counts only for plans with business hours.
 */
export function responseDueAt(
  start: Date,
  plan: Plan,
  priority: Priority,
  calendar: BusinessCalendar = DEFAULT_CALENDAR,
): Date | null {
  const policy = slaPolicyFor(plan, priority, calendar);
  return policy ? dueAtFor(start, policy) : null;
}

/** When a ticket waiting on the customer closes by itself: wall-clock hours after the last agent reply. */
export function autoCloseAt(lastAgentReplyAt: Date, hours = 48): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`hours must be a finite number ≥ 0, got ${hours}`);
  return new Date(lastAgentReplyAt.getTime() + hours * HOUR);
}

/** The policy a new cycle is measured under, to store with it; null where there is no target. */
export function slaPolicyFor(
  plan: Plan,
  priority: Priority,
  calendar: BusinessCalendar = DEFAULT_CALENDAR,
): SlaPolicy | null {
  const targetMinutes = responseTargetMinutes(plan, priority);
  if (targetMinutes === null) return null;
  return {
    planId: plan.id,
    priority,
    targetMinutes,
    hours: plan.hours,
    calendar: plan.hours === 'business' ? calendar : null,
  };
}

/** The due time under a stored policy: the same answer today as when the cycle began. */
export function dueAtFor(start: Date, policy: SlaPolicy): Date {
  const calendar = countingCalendar(policy);
  return calendar
    ? addBusinessMinutes(start, policy.targetMinutes, calendar)
    : new Date(start.getTime() + policy.targetMinutes * MINUTE);
}

/** The calendar a policy's clock runs on, or null when it runs around the clock. */
function countingCalendar(policy: SlaPolicy): BusinessCalendar | null {
  if (policy.hours !== 'business') return null;
  // A business-hours policy stored without its calendar falls back to the office calendar.
  return policy.calendar ?? DEFAULT_CALENDAR;
}

export interface SlaInput {
  status: Status;
  cycles: readonly ResponseCycle[];
  closedAt?: Date | null;
}

/**
 * The SLA state of a ticket at `now` (SPEC §4).
 *
 * - Closed: `met` when every cycle with a target was answered by its due time (a cycle
 *   still open at closing counts as missed only if the close came after its due), `missed`
 *   otherwise, `none` when no cycle ever had a target. Without `closedAt`, `now` stands in.
 * - An open cycle with a target: `breached` from its due time on, `at_risk` when less than
 *   a quarter of the target is left (counted in working minutes for business hours),
 *   `on_track` before that; an open cycle without target: `none`.
 * - Waiting on the customer: `paused` (`none` if no cycle ever had a target).
 * - No cycle at all, or none open in another status: `none`.
 *
 * A reply at exactly the due time is in time, while `breached` shows from that same
 * instant: the deadline is inclusive for the one who meets it.
 */
export function slaState(input: SlaInput, now: Date): SlaState {
  const { status, cycles } = input;
  const targeted = cycles.filter((cycle) => cycle.dueAt !== null);
  if (status === 'closed') {
    if (targeted.length === 0) return 'none';
    const closedAt = input.closedAt ?? now;
    return targeted.every((cycle) => answeredInTime(cycle, closedAt)) ? 'met' : 'missed';
  }
  if (status === 'awaiting_customer') return targeted.length > 0 ? 'paused' : 'none';
  const open = openCycle(cycles);
  if (!open?.dueAt) return 'none';
  if (now.getTime() >= open.dueAt.getTime()) return 'breached';
  const left = timeLeftMinutes(open, now) ?? 0;
  return left < AT_RISK_SHARE * targetOf(open, open.dueAt) ? 'at_risk' : 'on_track';
}

/** The cycle still waiting for a reply (the latest one), if any. */
export function openCycle(cycles: readonly ResponseCycle[]): ResponseCycle | null {
  for (let i = cycles.length - 1; i >= 0; i--) {
    const cycle = cycles[i];
    if (cycle && cycle.respondedAt === null) return cycle;
  }
  return null;
}

function answeredInTime(cycle: ResponseCycle, closedAt: Date): boolean {
  if (!cycle.dueAt) return true;
  const endedAt = cycle.respondedAt ?? closedAt;
  return endedAt.getTime() <= cycle.dueAt.getTime();
}

/** The cycle's target in minutes: its policy's, or the real time from start to due without one. */
function targetOf(cycle: ResponseCycle, dueAt: Date): number {
  return cycle.policy?.targetMinutes ?? (dueAt.getTime() - cycle.startedAt.getTime()) / MINUTE;
}

/**
 * Minutes left until an open cycle is due: working minutes under a business-hours policy
 * (the clock stands still outside them), real minutes otherwise; negative once overdue, in
 * real minutes past due. Null without a due time or once the cycle was answered.
 */
export function timeLeftMinutes(cycle: ResponseCycle, now: Date): number | null {
  if (!cycle.dueAt || cycle.respondedAt) return null;
  const dueAt = cycle.dueAt;
  if (now.getTime() >= dueAt.getTime()) return (dueAt.getTime() - now.getTime()) / MINUTE;
  const calendar = cycle.policy ? countingCalendar(cycle.policy) : null;
  return calendar ? businessMinutesBetween(now, dueAt, calendar) : (dueAt.getTime() - now.getTime()) / MINUTE;
}

export interface SlaExplanationPeriod {
  start: Date;
  end: Date;
  minutes: number;
}

/** Why a cycle is due when it is: the working periods counted, which sum to the target. */
export interface SlaExplanation {
  policy: SlaPolicy;
  startedAt: Date;
  dueAt: Date;
  timeZone: string;
  periods: SlaExplanationPeriod[];
  summary: string;
}

export function explainResponseDue(start: Date, policy: SlaPolicy): SlaExplanation {
  const dueAt = dueAtFor(start, policy);
  const calendar = countingCalendar(policy);
  const timeZone = calendar?.timeZone ?? 'UTC';
  const periods = calendar
    ? workingPeriods(start, dueAt, calendar).map(({ start: from, end }) => ({
        start: from,
        end,
        minutes: (end.getTime() - from.getTime()) / MINUTE,
      }))
    : [{ start: new Date(start), end: dueAt, minutes: policy.targetMinutes }];
  const plan = `${LABELS.en.plan[policy.planId]} plan, ${LABELS.en.priority[policy.priority].toLowerCase()} priority`;
  const clock = calendar
    ? `of business hours (${timeZone}, ${describeWeek(calendar)}${calendar.holidays.length > 0 ? ', except holidays' : ''})`
    : 'around the clock';
  const zone = calendar ? '' : ' UTC';
  const span = `from ${formatWallTime(start, timeZone)}${zone} to ${formatWallTime(dueAt, timeZone)}${zone}`;
  const counted = calendar ? `, counted over ${periods.length} working period${periods.length === 1 ? '' : 's'}` : '';
  return {
    policy,
    startedAt: new Date(start),
    dueAt,
    timeZone,
    periods,
    summary: `${plan}: ${formatMinutes(policy.targetMinutes)} ${clock} ${span}${counted}`,
  };
}

/** "30 min", "12 h", "1 h 30 min": a duration as the plan table writes it (whole minutes). */
export function formatMinutes(minutes: number): string {
  const whole = Math.round(Math.abs(minutes));
  const sign = minutes < 0 && whole > 0 ? '-' : '';
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${sign}${rest} min`;
  return rest === 0 ? `${sign}${hours} h` : `${sign}${hours} h ${rest} min`;
}
