import {
  complianceOver,
  PLAN_IDS,
  satisfactionByPlan,
  type PlanId,
  type PlanSatisfaction,
  openSlaCounts,
  type ComplianceWindow,
  type CycleOfTicket,
  type OpenSlaRow,
  type OpenTicketSla,
} from '@support-tickets/core';
import { and, asc, eq, gt, isNotNull, type SQL } from 'drizzle-orm';
import { organisations, responseCycles, tickets } from '../db/schema';
import { toCycle } from '../shared/cycles';
import type { ServiceDeps } from '../shared/deps';
import { isOpenTicket } from '../shared/sql';

export interface SlaOverviewOutput {
  generatedAt: string;
  /** Open tickets by SLA state, per the organisation's current plan and the ticket's priority. */
  open: OpenSlaRow[];
  /** Response cycles answered in time among those settled in the window. */
  compliance: { last7Days: ComplianceWindow; last30Days: ComplianceWindow };
  /** Customers' ratings of tickets rated in the last 30 days, per the organisation's current plan. */
  satisfaction: Array<PlanSatisfaction<PlanId | 'custom'>>;
}

const DAY = 24 * 60 * 60_000;
const LONGEST_WINDOW_DAYS = 30;

/**
 * The agents' SLA dashboard at the domain clock's now. Rows are loaded here; core judges each
 * cycle and ticket (`openSlaCounts`, `complianceOver`), so the report and the queue agree.
 */
export async function slaOverview(deps: ServiceDeps): Promise<SlaOverviewOutput> {
  const { db } = deps.database;
  const now = deps.now();

  const openRows = await db
    .select({
      ticketId: tickets.id,
      status: tickets.status,
      priority: tickets.priority,
      planId: organisations.planId,
      cycle: responseCycles,
    })
    .from(tickets)
    .innerJoin(organisations, eq(organisations.id, tickets.orgId))
    .leftJoin(responseCycles, eq(responseCycles.ticketId, tickets.id))
    .where(isOpenTicket())
    .orderBy(asc(tickets.id), asc(responseCycles.startedAt), asc(responseCycles.id));
  const open = new Map<string, OpenTicketSla & { cycles: ReturnType<typeof toCycle>[] }>();
  for (const row of openRows) {
    let ticket = open.get(row.ticketId);
    if (!ticket) {
      ticket = { planId: row.planId, priority: row.priority, status: row.status, cycles: [] };
      open.set(row.ticketId, ticket);
    }
    if (row.cycle) ticket.cycles.push(toCycle(row.cycle));
  }

  // Every cycle that can have settled inside the longest window: due, answered or closed in it.
  // A superset on purpose; core decides which ones count where. One indexed range per column
  // (an OR across the two tables could use none), merged by cycle.
  const since = new Date(now.getTime() - LONGEST_WINDOW_DAYS * DAY);
  const cyclesWhere = (recently: SQL) =>
    db
      .select({ cycle: responseCycles, closedAt: tickets.closedAt })
      .from(responseCycles)
      .innerJoin(tickets, eq(tickets.id, responseCycles.ticketId))
      .where(and(isNotNull(responseCycles.dueAt), recently));
  const windows = await Promise.all([
    cyclesWhere(gt(responseCycles.dueAt, since)),
    cyclesWhere(gt(responseCycles.respondedAt, since)),
    cyclesWhere(gt(tickets.closedAt, since)),
  ]);
  const recentById = new Map<string, CycleOfTicket>();
  for (const row of windows.flat()) {
    recentById.set(row.cycle.id, { cycle: toCycle(row.cycle), ticketClosedAt: row.closedAt });
  }
  const recent = [...recentById.values()];

  const rated = await db
    .select({ planId: organisations.planId, rating: tickets.rating })
    .from(tickets)
    .innerJoin(organisations, eq(organisations.id, tickets.orgId))
    .where(gt(tickets.ratedAt, since));
  const ratings = rated.flatMap((row) => (row.rating ? [{ planId: row.planId, rating: row.rating }] : []));

  return {
    generatedAt: now.toISOString(),
    open: openSlaCounts(open.values(), now),
    compliance: { last7Days: complianceOver(recent, now, 7), last30Days: complianceOver(recent, now, LONGEST_WINDOW_DAYS) },
    satisfaction: satisfactionByPlan(ratings, [...PLAN_IDS, 'custom']),
  };
}
