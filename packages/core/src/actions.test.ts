import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedActions, TICKET_ACTIONS, type TicketActionName } from './actions';
import { DEFAULT_CALENDAR } from './calendar';
import { CATEGORIES, PRIORITIES, ROLES, STATUSES, type Actor } from './domain';
import { applyAction } from './lifecycle';
import type { ActorRef, LifecycleAction, TicketState } from './lifecycle-types';
import { PLANS } from './plans';

const NOW = new Date('2026-11-23T08:00:00Z');
const USERS = ['u1', 'u2', 'u3'] as const;

const actorArb: fc.Arbitrary<ActorRef> = fc.oneof(
  fc.record({ role: fc.constantFrom<Actor>(...ROLES), userId: fc.constantFrom<string | null>(...USERS) }),
  fc.constant<ActorRef>({ role: 'system', userId: null }),
);

const stateArb: fc.Arbitrary<TicketState> = fc.record({
  status: fc.constantFrom(...STATUSES),
  priority: fc.constantFrom(...PRIORITIES),
  category: fc.constantFrom(...CATEGORIES),
  createdBy: fc.constantFrom(...USERS),
  assigneeId: fc.constantFrom<string | null>(null, ...USERS),
  autoCloseAt: fc.constant(null),
  closedAt: fc.constant(null),
  closedBy: fc.constant(null),
  openCycle: fc.constant(null),
});

/** An action with acceptable input, so only who acts and the ticket's state can refuse it. */
function validAction(name: TicketActionName, state: TicketState): LifecycleAction {
  switch (name) {
    case 'accept':
    case 'close':
      return { type: name };
    case 'reply':
    case 'note':
      return { type: name, body: 'A message' };
    case 'update':
      return { type: 'update', category: CATEGORIES.find((c) => c !== state.category)! };
    case 'assign':
      return { type: 'assign', assignee: { id: USERS.find((u) => u !== state.assigneeId)!, known: true } };
  }
}

describe('allowedActions', () => {
  it('lists exactly the actions applyAction accepts, for any ticket and actor', () => {
    fc.assert(
      fc.property(stateArb, actorArb, (state, actor) => {
        const allowed = allowedActions(state, actor);
        for (const name of TICKET_ACTIONS) {
          const result = applyAction(state, validAction(name, state), actor, { now: NOW, plan: PLANS.enterprise, calendar: DEFAULT_CALENDAR });
          expect(allowed.includes(name), `${name} by ${actor.role} on ${state.status}`).toBe(result.ok);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('offers an agent everything on a new ticket, and a customer replying and closing', () => {
    const fresh = { status: 'awaiting_response', assigneeId: null } as const;
    expect(allowedActions(fresh, { role: 'agent', userId: 'a1' })).toEqual(['accept', 'reply', 'note', 'update', 'assign', 'close']);
    expect(allowedActions(fresh, { role: 'customer', userId: 'c1' })).toEqual(['reply', 'close']);
    expect(allowedActions(fresh, { role: 'org_admin', userId: 'o1' })).toEqual(['reply', 'close']);
    expect(allowedActions(fresh, { role: 'system', userId: null })).toEqual([]);
  });

  it('does not offer accepting a ticket the agent is already working, but does taking over a colleague’s', () => {
    const agent = { role: 'agent', userId: 'a1' } as const;
    expect(allowedActions({ status: 'in_progress', assigneeId: 'a1' }, agent)).not.toContain('accept');
    expect(allowedActions({ status: 'awaiting_customer', assigneeId: 'a1' }, agent)).not.toContain('accept');
    expect(allowedActions({ status: 'in_progress', assigneeId: 'a2' }, agent)).toContain('accept');
  });

  it('offers nothing on a closed ticket', () => {
    for (const role of ROLES) expect(allowedActions({ status: 'closed', assigneeId: 'u1' }, { role, userId: 'u1' })).toEqual([]);
  });
});
