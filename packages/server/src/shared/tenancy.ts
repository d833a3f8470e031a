import type { Viewer } from '@support-tickets/core';
import { and, eq, type SQL } from 'drizzle-orm';
import { tickets } from '../db/schema';

/** Core's `canSeeTicket` as a WHERE condition for lists; undefined means every ticket. */
export function visibleTickets(viewer: Viewer): SQL | undefined {
  switch (viewer.role) {
    case 'agent':
    case 'system':
      return undefined;
    case 'org_admin':
      return eq(tickets.orgId, viewer.orgId ?? '');
    case 'customer':
      return and(eq(tickets.orgId, viewer.orgId ?? ''), eq(tickets.createdBy, viewer.userId ?? ''));
  }
}
