import { DEFAULT_PLAN_ID, PLANS, type BusinessCalendar, type Plan } from '@support-tickets/core';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { organisations, type OrganisationRow } from '../db/schema';

/** The plan and calendar an organisation's new response cycles are measured under. */
export interface OrgPolicy {
  plan: Plan;
  calendar: BusinessCalendar;
}

export function policyOf(org: OrganisationRow, defaultCalendar: BusinessCalendar): OrgPolicy {
  let plan: Plan;
  if (org.planId !== 'custom') plan = PLANS[org.planId];
  else if (org.customPlan) plan = { ...org.customPlan, id: 'custom' };
  else plan = PLANS[DEFAULT_PLAN_ID]; // a custom plan row without its targets: never written, but be safe
  return { plan, calendar: org.calendar ?? defaultCalendar };
}

export async function loadOrganisation(db: Queryable, id: string): Promise<OrganisationRow | undefined> {
  return db.select().from(organisations).where(eq(organisations.id, id)).get();
}
