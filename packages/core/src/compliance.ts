import { PLAN_IDS, PRIORITIES, type PlanId, type Priority, type Status } from './domain';
import { availablePriorities, PLANS } from './plans';
import { slaState } from './sla';
import type { ResponseCycle, SlaState } from './sla-types';

// The SLA report of the agents' dashboard: where the open tickets stand now, and how many
// response cycles were answered in time lately. Pure: the server loads rows, this decides.

const DAY = 24 * 60 * 60_000;

/** How a response cycle ended, once that is known. */
export interface CycleOutcome {
  met: boolean;
  /** When the outcome became known: the in-time answer (or close), or the due time passing. */
  settledAt: Date;
}

/**
 * The outcome of one cycle at `now`, by the rule `slaState` applies to a closed ticket: a
 * cycle is met when it ended (the support reply, or the ticket's close while still waiting)
 * at or before its due time; it is missed once its due time passed without that. Null for a
 * cycle without a target, and for one still open and not yet due.
 */
export function cycleOutcome(cycle: ResponseCycle, ticketClosedAt: Date | null, now: Date): CycleOutcome | null {
  const due = cycle.dueAt;
  if (!due) return null;
  const endedAt = cycle.respondedAt ?? ticketClosedAt;
  if (endedAt && endedAt.getTime() <= due.getTime()) return { met: true, settledAt: endedAt };
  // A late answer and no answer at all are both known to be missed from the due time on.
  if (due.getTime() <= now.getTime()) return { met: false, settledAt: due };
  return null;
}

/** At or above this share of cycles answered in time, compliance is good. */
export const COMPLIANCE_GOOD_SHARE = 0.95;
/** At or above this share (and below good) it is fair, wants attention; below it, poor. */
export const COMPLIANCE_FAIR_SHARE = 0.8;

export const COMPLIANCE_LEVELS = ['good', 'fair', 'poor', 'none'] as const;
/** How a compliance share reads: `none` when no cycle settled. */
export type ComplianceLevel = (typeof COMPLIANCE_LEVELS)[number];

export function complianceLevel(share: number | null): ComplianceLevel {
  if (share === null) return 'none';
  return share >= COMPLIANCE_GOOD_SHARE ? 'good' : share >= COMPLIANCE_FAIR_SHARE ? 'fair' : 'poor';
}

export interface ComplianceWindow {
  met: number;
  missed: number;
  total: number;
  /** met / total, or null when no cycle settled in the window. */
  share: number | null;
  level: ComplianceLevel;
}

/** A cycle with the close time of its ticket (null while open), as the report reads it. */
export interface CycleOfTicket {
  cycle: ResponseCycle;
  ticketClosedAt: Date | null;
}

/**
 * Met and missed response cycles among those settled in the last `days` days up to `now`
 * (answered in time, or their due time passed unanswered, within the window).
 */
export function complianceOver(cycles: Iterable<CycleOfTicket>, now: Date, days: number): ComplianceWindow {
  const from = now.getTime() - days * DAY;
  let met = 0;
  let missed = 0;
  for (const { cycle, ticketClosedAt } of cycles) {
    const outcome = cycleOutcome(cycle, ticketClosedAt, now);
    if (!outcome) continue;
    const at = outcome.settledAt.getTime();
    if (at <= from || at > now.getTime()) continue;
    if (outcome.met) met++;
    else missed++;
  }
  const total = met + missed;
  const share = total === 0 ? null : met / total;
  return { met, missed, total, share, level: complianceLevel(share) };
}

export interface OpenTicketSla {
  planId: PlanId | 'custom';
  priority: Priority;
  status: Status;
  cycles: readonly ResponseCycle[];
}

export interface OpenSlaRow {
  planId: PlanId | 'custom';
  priority: Priority;
  breached: number;
  atRisk: number;
  onTrack: number;
  /** Waiting on the customer: the clock stands still. */
  paused: number;
  /** No target for the priority (e.g. after a move to a plan that does not offer it). */
  none: number;
  /** Every open ticket of the row: the five counts above add up to it. */
  total: number;
}

const PLAN_ORDER: ReadonlyArray<PlanId | 'custom'> = [...PLAN_IDS, 'custom'];

/**
 * Open tickets counted by SLA state per plan and priority, each judged by `slaState` at
 * `now`. Every priority a plan of the table offers has a row (zeros included), so the grid
 * keeps its shape; other pairs (custom plans, priorities a plan stopped offering) appear when
 * a ticket has them. Rows run in plan-table order, most urgent priority first.
 */
export function openSlaCounts(tickets: Iterable<OpenTicketSla>, now: Date): OpenSlaRow[] {
  const rows = new Map<string, OpenSlaRow>();
  const row = (planId: PlanId | 'custom', priority: Priority): OpenSlaRow => {
    const key = `${planId}/${priority}`;
    let found = rows.get(key);
    if (!found) {
      found = { planId, priority, breached: 0, atRisk: 0, onTrack: 0, paused: 0, none: 0, total: 0 };
      rows.set(key, found);
    }
    return found;
  };
  for (const planId of PLAN_IDS) for (const priority of availablePriorities(PLANS[planId])) row(planId, priority);

  for (const ticket of tickets) {
    if (ticket.status === 'closed') continue;
    const counts = row(ticket.planId, ticket.priority);
    counts[COUNTER[slaState({ status: ticket.status, cycles: ticket.cycles }, now)]]++;
    counts.total++;
  }
  return [...rows.values()].sort(
    (a, b) =>
      PLAN_ORDER.indexOf(a.planId) - PLAN_ORDER.indexOf(b.planId) ||
      PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority),
  );
}

// Open tickets are never met or missed; were they, they would count as having no clock.
const COUNTER: Record<SlaState, 'breached' | 'atRisk' | 'onTrack' | 'paused' | 'none'> = {
  breached: 'breached',
  at_risk: 'atRisk',
  on_track: 'onTrack',
  paused: 'paused',
  none: 'none',
  met: 'none',
  missed: 'none',
};
