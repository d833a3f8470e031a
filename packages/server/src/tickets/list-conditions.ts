import { eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { organisations, tickets } from '../db/schema';
import type { Caller } from '../shared/caller';
import { Conditions } from '../shared/conditions';
import { contains } from '../shared/sql';
import { visibleTickets } from '../shared/tenancy';
import type { TicketQuery } from './queries';

const TENANCY = 'visible';

/** Whether a list asks nothing of the tickets but what the caller may see. */
export const onlyTenancy = (where: Conditions): boolean => where.names.every((name) => name.startsWith(`${TENANCY}:`));

/**
 * What a list asks of the tickets, within what the caller may see: each filter of `query` as
 * a condition taking its value as a placeholder. `subjectText` is a number or words too short
 * for the search index, read in the subject as they are.
 */
export function listConditions(db: Queryable, caller: Caller, query: TicketQuery, subjectText: { text: string; number: number | null } | null): Conditions {
  const where = new Conditions();
  const { param } = where;
  where.add(`${TENANCY}:${caller.role}`, visibleTickets(caller, param));
  if (query.status) where.add('status', eq(tickets.status, param('status', query.status)));
  if (query.priority) where.add('priority', eq(tickets.priority, param('priority', query.priority)));
  if (query.category) where.add('category', eq(tickets.category, param('category', query.category)));
  if (query.orgId !== undefined) where.add('org', eq(tickets.orgId, param('orgId', query.orgId)));
  if (query.planId !== undefined) {
    const onPlan = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.planId, param('planId', query.planId)));
    where.add('plan', inArray(tickets.orgId, onPlan));
  }
  if (query.assignedToMe) where.add('mine', eq(tickets.assigneeId, param('me', caller.userId ?? '')));
  if (query.assigneeId === 'none') where.add('unassigned', isNull(tickets.assigneeId));
  else if (query.assigneeId !== undefined) where.add('assignee', eq(tickets.assigneeId, param('assigneeId', query.assigneeId)));
  if (query.resourceId !== undefined) {
    where.add('resource', sql`EXISTS (SELECT 1 FROM json_each(${tickets.resources}) WHERE json_extract(value, '$.id') = ${param('resourceId', query.resourceId)})`);
  }
  if (subjectText) {
    const inSubject = contains(tickets.subject, subjectText.text, param, 'subjectText');
    if (subjectText.number === null) where.add('subject', inSubject);
    else where.add('numberOrSubject', or(eq(tickets.number, param('number', subjectText.number)), inSubject));
  }
  return where;
}
