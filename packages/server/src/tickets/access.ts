import type { Actor, ActorRef } from '@support-tickets/core';
import { and, eq, type SQL } from 'drizzle-orm';
import { tickets } from '../db/schema';

/** Whoever acts on tickets: a signed-in user, or the scheduler. */
export interface Caller {
  /** The token's `sub`; null for the system. */
  id: string | null;
  role: Actor;
  orgId: string | null;
  name: string;
}

export const SYSTEM_CALLER: Caller = { id: null, role: 'system', orgId: null, name: 'System' };

/**
 * SPEC §3.7: a customer sees the tickets they created, an org admin their organisation's,
 * an agent (and the system) every ticket. Anything else answers "not found".
 */
export function canSee(caller: Caller, ticket: { orgId: string; createdBy: string }): boolean {
  switch (caller.role) {
    case 'agent':
    case 'system':
      return true;
    case 'org_admin':
      return ticket.orgId === caller.orgId;
    case 'customer':
      return ticket.orgId === caller.orgId && ticket.createdBy === caller.id;
  }
}

/** The same rule as a WHERE condition for lists; undefined means every ticket. */
export function visibleTickets(caller: Caller): SQL | undefined {
  switch (caller.role) {
    case 'agent':
    case 'system':
      return undefined;
    case 'org_admin':
      return eq(tickets.orgId, caller.orgId ?? '');
    case 'customer':
      return and(eq(tickets.orgId, caller.orgId ?? ''), eq(tickets.createdBy, caller.id ?? ''));
  }
}

/** Whether the caller may see internal notes and internal events. */
export const seesInternal = (caller: Caller) => caller.role === 'agent';

export const actorOf = (caller: Caller): ActorRef => ({ role: caller.role, userId: caller.id });
