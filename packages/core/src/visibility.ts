import type { Actor } from './domain';

/** Who looks at tickets: the role, the person (null for the system) and their organisation (null for agents). */
export interface Viewer {
  role: Actor;
  userId: string | null;
  orgId: string | null;
}

/**
 * SPEC §3.7: a customer sees the tickets they created, an org admin their organisation's, an
 * agent (and the system) every ticket. Anything else is "not found" to them.
 */
export function canSeeTicket(viewer: Viewer, ticket: { orgId: string; createdBy: string }): boolean {
  switch (viewer.role) {
    case 'agent':
    case 'system':
      return true;
    case 'org_admin':
      return ticket.orgId === viewer.orgId;
    case 'customer':
      return ticket.orgId === viewer.orgId && ticket.createdBy === viewer.userId;
  }
}

/** Whether the viewer sees internal notes and internal timeline events. */
export const seesInternal = (viewer: Pick<Viewer, 'role'>): boolean => viewer.role === 'agent';
