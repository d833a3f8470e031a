import { validateCalendar, type BusinessCalendar } from './calendar';
import { PRIORITIES, type Plan, type PlanId } from './domain';
import { LABELS } from './labels';
import { refusal, timelineEvent, type ActorRef, type PlanProblem, type Refused, type TimelineEvent } from './lifecycle-types';
import { PLANS } from './plans';

/** The longest response target a custom plan may set: a year. */
export const CUSTOM_PLAN_MAX_MINUTES = 365 * 24 * 60;

/**
 * A custom plan as SPEC §4 writes it (`Plan`). Its `id` may be left out; whatever it says, the
 * organisation's plan is stored as `'custom'`: its targets are its own, not the table's.
 */
export type CustomPlan = Omit<Plan, 'id'> & { id?: Plan['id'] };

/**
 * What is wrong with a custom plan's targets, in data (none: it is acceptable). It must offer
 * at least one priority, each offered one with a whole number of minutes above zero, at most
 * `CUSTOM_PLAN_MAX_MINUTES`.
 */
export function checkCustomPlan(plan: Pick<Plan, 'responseMinutes'>): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const offered = PRIORITIES.filter((priority) => plan.responseMinutes[priority] !== undefined);
  if (offered.length === 0) problems.push({ code: 'no_priority' });
  for (const priority of offered) {
    const minutes = plan.responseMinutes[priority]!;
    if (!Number.isInteger(minutes) || minutes <= 0) problems.push({ code: 'target_not_whole_minutes', priority });
    else if (minutes > CUSTOM_PLAN_MAX_MINUTES) problems.push({ code: 'target_too_long', priority, max: CUSTOM_PLAN_MAX_MINUTES });
  }
  return problems;
}

/** A problem of a custom plan in English, for messages meant for developers and logs. */
export function describePlanProblem(problem: PlanProblem): string {
  if (problem.code === 'no_priority') return 'A custom plan must offer at least one priority.';
  const priority = LABELS.en.priority[problem.priority].toLowerCase();
  return problem.code === 'target_too_long'
    ? `The ${priority} target is longer than ${problem.max} minutes.`
    : `The ${priority} target must be a whole number of minutes above zero.`;
}

/** An organisation's plan (of the table, or its own) and its own calendar (null: the server's default). */
export interface OrgPlanState {
  plan: Plan;
  calendar: BusinessCalendar | null;
}

/** Another plan of the table, or custom targets; with `calendar`, also its own calendar (null: back to the default). */
export type PlanChangeRequest =
  | { plan: PlanId; calendar?: BusinessCalendar | null | undefined }
  | { custom: CustomPlan; calendar?: BusinessCalendar | null | undefined };

export type PlanDecision =
  | { ok: true; changed: false; state: OrgPlanState }
  /** `event` goes on the timeline of each of the organisation's open tickets. */
  | { ok: true; changed: true; state: OrgPlanState; event: TimelineEvent };

/**
 * Decides a plan change (SPEC §3.4): only agents change plans; a custom plan and a calendar
 * must be valid. Asking for what the organisation already has changes nothing. The plan
 * applies to response cycles started afterwards: cycles keep the policy they began under.
 */
export function decidePlanChange(
  current: OrgPlanState,
  request: PlanChangeRequest,
  actor: ActorRef,
  now: Date,
): PlanDecision | Refused {
  if (actor.role !== 'agent') return refusal('forbidden', 'Only support agents change plans.');
  let plan: Plan;
  if ('custom' in request) {
    const problems = checkCustomPlan(request.custom);
    if (problems.length > 0) {
      return refusal('invalid', problems.map(describePlanProblem).join(' '), { kind: 'plan_invalid', problems });
    }
    plan = { id: 'custom', responseMinutes: inTableOrder(request.custom.responseMinutes), hours: request.custom.hours };
  } else {
    plan = PLANS[request.plan];
  }
  if (request.calendar) {
    const problems = validateCalendar(request.calendar);
    if (problems.length > 0) return refusal('invalid', `The calendar is invalid: ${problems.join('; ')}.`);
  }
  const state: OrgPlanState = { plan, calendar: request.calendar === undefined ? current.calendar : request.calendar };
  if (samePlan(current.plan, plan) && JSON.stringify(current.calendar) === JSON.stringify(state.calendar)) {
    return { ok: true, changed: false, state: current };
  }
  return { ok: true, changed: true, state, event: timelineEvent('plan_changed', actor, now, { from: current.plan.id, to: plan.id }) };
}

function inTableOrder(minutes: Plan['responseMinutes']): Plan['responseMinutes'] {
  return Object.fromEntries(PRIORITIES.flatMap((p) => (minutes[p] === undefined ? [] : [[p, minutes[p]]])));
}

/** Whether two plans are one (same id, hours and targets): moving an organisation between them changes nothing. */
export function samePlan(a: Plan, b: Plan): boolean {
  return (
    a.id === b.id &&
    a.hours === b.hours &&
    PRIORITIES.every((priority) => a.responseMinutes[priority] === b.responseMinutes[priority])
  );
}
