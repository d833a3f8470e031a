import type { Actor, ActorRef, CloudResource, Locale, Viewer } from '@support-tickets/core';

/**
 * Whoever calls the services: a signed-in person, as their verified token says (made once, at
 * the edge, by `verifyToken`), or the scheduler. It is core's `ActorRef` and `Viewer` as is, so
 * it goes to core's decisions unconverted.
 */
export interface Caller extends ActorRef, Viewer {
  role: Actor;
  /** The token's `sub`; null for the system. */
  userId: string | null;
  /** Null for agents, who serve every organisation, and for the system. */
  orgId: string | null;
  name: string;
  /** The organisation's display name from the token, for an organisation it creates. */
  orgName: string | null;
  /** The token's `email`, if it carries one. */
  email: string | null;
  /** The token's `locale`; null when it says none (the stored one, else Persian, applies). */
  locale: Locale | null;
  /** The token's `exp`: what it allows ends then, open streams included. Null for the system. */
  expiresAt: Date | null;
  /** The token's `resources` claim: what a ticket this person opens may refer to. */
  resources?: readonly CloudResource[];
}

export const SYSTEM_CALLER: Caller = { userId: null, role: 'system', orgId: null, name: 'System', orgName: null, email: null, locale: null, expiresAt: null };

/** One person, as limits count them: their token's sub within their organisation (hosts name users on their own). */
export const personKey = (caller: Pick<Caller, 'orgId' | 'userId' | 'role'>): string => JSON.stringify([caller.orgId, caller.userId ?? caller.role]);
