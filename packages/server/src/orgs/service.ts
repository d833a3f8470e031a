import {
  ARCHITECTURE_GUIDANCE,
  type Wording,
  availablePriorities,
  decidePlanChange,
  DEFAULT_PLAN_ID,
  PLANS,
  showsToCustomers,
  type BusinessCalendar,
  type Plan,
  type PlanChangeRequest,
  type PlanId,
  type Priority,
  type SupportHours,
} from '@support-tickets/core';
import { and, count, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { organisations, ticketEvents, tickets, type OrganisationRow } from '../db/schema';
import type { Caller } from '../shared/caller';
import type { ServiceDeps } from '../shared/deps';
import { fail, ok, type Result } from '../shared/result';
import { isOpenTicket } from '../shared/sql';
import { loadOrganisation, policyOf } from './policy';

/**
 * The first token seen for an unknown organisation creates it on the default plan. Racing
 * requests (or processes) insert at most one row: the insert does nothing on conflict.
 */
export async function ensureOrganisation(deps: ServiceDeps, user: Caller): Promise<void> {
  const id = user.orgId;
  if (!id || deps.knownOrgs.has(id)) return;
  const existing = await deps.database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, id))
    .get();
  if (!existing) {
    const now = deps.now();
    await deps.database.write((tx) =>
      tx
        .insert(organisations)
        .values({ id, name: user.orgName ?? id, planId: DEFAULT_PLAN_ID, createdAt: now, updatedAt: now })
        .onConflictDoNothing(),
    );
  }
  deps.knownOrgs.add(id);
}

export interface PlanOutput {
  id: PlanId | 'custom';
  responseMinutes: Partial<Record<Priority, number>>;
  hours: SupportHours;
  /** The priorities the plan offers, most urgent first. */
  availablePriorities: Priority[];
  /** The plan table's architecture guidance, in fa and en; null for a custom plan. */
  architectureGuidance: Wording | null;
}

export interface OrganisationOutput {
  id: string;
  name: string;
  planId: PlanId | 'custom';
  plan: PlanOutput;
  /** The calendar business-hours plans count in: the organisation's own or the default. */
  calendar: BusinessCalendar;
  calendarIsDefault: boolean;
  availablePriorities: Priority[];
  openTickets: number;
  createdAt: string;
  updatedAt: string;
}

export function toPlanOutput(plan: Plan): PlanOutput {
  return {
    id: plan.id,
    responseMinutes: { ...plan.responseMinutes },
    hours: plan.hours,
    availablePriorities: availablePriorities(plan),
    architectureGuidance: plan.id === 'custom' ? null : ARCHITECTURE_GUIDANCE[plan.id],
  };
}

/** The plan table of SPEC §2, in its order. */
export function listPlans(): PlanOutput[] {
  return Object.values(PLANS).map(toPlanOutput);
}

async function toOrganisationOutput(deps: ServiceDeps, org: OrganisationRow): Promise<OrganisationOutput> {
  const { plan, calendar } = policyOf(org, deps.defaultCalendar);
  const open = await deps.database.db
    .select({ n: count() })
    .from(tickets)
    .where(and(eq(tickets.orgId, org.id), isOpenTicket()))
    .get();
  return {
    id: org.id,
    name: org.name,
    planId: org.planId,
    plan: toPlanOutput(plan),
    calendar,
    calendarIsDefault: org.calendar === null,
    availablePriorities: availablePriorities(plan),
    openTickets: open?.n ?? 0,
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
  };
}

const orgNotFound = () => fail('not_found', 'No such organisation.');

/** An agent names the organisation; everyone else sees only their own. */
export async function getOrganisation(
  deps: ServiceDeps,
  user: Caller,
  orgId: string | undefined,
): Promise<Result<OrganisationOutput>> {
  let id: string;
  if (user.role === 'agent') {
    if (!orgId) return fail('invalid', 'Agents must say which organisation: give orgId.');
    id = orgId;
  } else {
    if (orgId !== undefined && orgId !== user.orgId) return orgNotFound();
    id = user.orgId!;
  }
  const org = await loadOrganisation(deps.database.db, id);
  return org ? ok(await toOrganisationOutput(deps, org)) : orgNotFound();
}

export type PlanChange = PlanChangeRequest & { orgId: string };

const EVENT_ROWS_PER_INSERT = 500;

/**
 * Moves an organisation to a plan of the table or a custom plan (and optionally its own
 * calendar; null returns to the default), as core decides it. Cycles keep the policy they
 * started under, so only cycles started afterwards feel it; each open ticket's timeline
 * records the change.
 */
export async function setPlan(deps: ServiceDeps, agent: Caller, change: PlanChange): Promise<Result<OrganisationOutput>> {
  const outcome = await deps.database.write(async (tx) => {
    const org = await loadOrganisation(tx, change.orgId);
    if (!org) return orgNotFound();
    const now = deps.now();
    const decision = decidePlanChange({ plan: policyOf(org, deps.defaultCalendar).plan, calendar: org.calendar }, change, agent, now);
    if (!decision.ok) return decision;
    if (!decision.changed) return ok({ org, touched: [], at: now });
    const { plan, calendar } = decision.state;
    await tx
      .update(organisations)
      .set({ planId: plan.id, customPlan: plan.id === 'custom' ? plan : null, calendar, updatedAt: now })
      .where(eq(organisations.id, org.id));
    const open = await tx
      .select({ id: tickets.id, createdBy: tickets.createdBy })
      .from(tickets)
      .where(and(eq(tickets.orgId, org.id), isOpenTicket()));
    if (open.length > 0) {
      const rows = open.map((ticket) => ({
        ...decision.event,
        ticketId: ticket.id,
        // One event per ticket: numbered after the ticket's latest.
        seq: sql<number>`(SELECT coalesce(max(e.seq), 0) + 1 FROM ticket_events e WHERE e.ticket_id = ${ticket.id})`,
        orgId: org.id,
        actorName: agent.name,
      }));
      // In slices: one statement may bind only so many values.
      for (let i = 0; i < rows.length; i += EVENT_ROWS_PER_INSERT) {
        await tx.insert(ticketEvents).values(rows.slice(i, i + EVENT_ROWS_PER_INSERT));
      }
      // Writers that read a ticket before the change must re-read it under the new plan.
      await tx
        .update(tickets)
        .set({
          updatedAt: now,
          ...(showsToCustomers({ events: [decision.event] }) ? { publicUpdatedAt: now } : {}),
          version: sql`${tickets.version} + 1`,
        })
        .where(and(eq(tickets.orgId, org.id), isOpenTicket()));
    }
    return ok({ org: (await loadOrganisation(tx, org.id))!, touched: open, at: now });
  });
  if (!outcome.ok) return outcome;
  const { org, touched, at } = outcome.value;
  for (const ticket of touched) {
    deps.changes.publish({ ticketId: ticket.id, orgId: org.id, createdBy: ticket.createdBy, kinds: ['plan_changed'], at, autoCloseChanged: false });
  }
  return ok(await toOrganisationOutput(deps, org));
}
