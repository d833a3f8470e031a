import { canSeeTicket, type Viewer } from '@support-tickets/core';
import { and, eq, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { tickets } from '../db/schema';
import { literal, type Param } from './conditions';

/** Core's `canSeeTicket` as a WHERE condition for lists (its values taken by `param`); undefined means every ticket. */
export function visibleTickets(viewer: Viewer, param: Param = literal): SQL | undefined {
  switch (viewer.role) {
    case 'agent':
    case 'system':
      return undefined;
    case 'org_admin':
      return eq(tickets.orgId, param('viewerOrg', viewer.orgId ?? ''));
    case 'customer':
      return and(eq(tickets.orgId, param('viewerOrg', viewer.orgId ?? '')), eq(tickets.createdBy, param('viewerUser', viewer.userId ?? '')));
  }
}

/** Whether the ticket exists and the viewer may see it (core's `canSeeTicket`), by its id. */
export async function canSeeTicketById(db: Queryable, viewer: Viewer, id: string): Promise<boolean> {
  const row = await db.select({ orgId: tickets.orgId, createdBy: tickets.createdBy }).from(tickets).where(eq(tickets.id, id)).get();
  return row !== undefined && canSeeTicket(viewer, row);
}
