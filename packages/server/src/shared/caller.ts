import type { Actor, ActorRef, Viewer } from '@support-tickets/core';

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
  /** The token's `exp`: what it allows ends then, open streams included. Null for the system. */
  expiresAt: Date | null;
}

export const SYSTEM_CALLER: Caller = { userId: null, role: 'system', orgId: null, name: 'System', orgName: null, expiresAt: null };
