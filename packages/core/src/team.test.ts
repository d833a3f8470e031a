import { describe, expect, it } from 'vitest';
import { closedTicketActions, followUpRefusal, ratingClosesAt, ratingRefusal, type ClosedTicketFacts } from './after-close';
import { DEFAULT_CALENDAR } from './calendar';
import { changedSince } from './collision';
import { applyAction } from './lifecycle';
import type { ChangedEvent, TicketState } from './lifecycle-types';
import { PLANS } from './plans';
import { pickResources } from './resources';
import { fillPlaceholders, isPresent, PRESENCE_TTL_MS } from './team';

const NOW = new Date('2026-11-23T08:00:00Z');
const DAY = 24 * 60 * 60_000;
const agent = { role: 'agent', userId: 'a1' } as const;
const customer = { role: 'customer', userId: 'c1' } as const;

const ticket: TicketState = {
  status: 'in_progress',
  priority: 'normal',
  category: 'technical',
  createdBy: 'c1',
  assigneeId: 'a1',
  autoCloseAt: null,
  closedAt: null,
  closedBy: null,
  openCycle: null,
};
const ctx = { now: NOW, plan: PLANS.enterprise, calendar: DEFAULT_CALENDAR };

describe('assigning', () => {
  it('assigns to a known agent or to nobody, with an event saying from whom to whom', () => {
    const result = applyAction(ticket, { type: 'assign', assignee: { id: 'a2', known: true } }, agent, ctx);
    expect(result.ok && result.state.assigneeId).toBe('a2');
    expect(result.ok && result.events.map((e) => [e.kind, e.from, e.to])).toEqual([['assigned', 'a1', 'a2']]);
    const none = applyAction(ticket, { type: 'assign', assignee: null }, agent, ctx);
    expect(none.ok && none.state.assigneeId).toBeNull();
  });

  it('refuses an unknown agent, the same assignee again, customers and closed tickets', () => {
    const unknown = applyAction(ticket, { type: 'assign', assignee: { id: 'ghost', known: false } }, agent, ctx);
    expect(!unknown.ok && unknown.error.reason).toEqual({ kind: 'unknown_agent', assigneeId: 'ghost' });
    const same = applyAction(ticket, { type: 'assign', assignee: { id: 'a1', known: true } }, agent, ctx);
    expect(!same.ok && same.error.reason).toEqual({ kind: 'nothing_to_change' });
    expect(applyAction(ticket, { type: 'assign', assignee: null }, customer, ctx).ok).toBe(false);
    const closed = applyAction({ ...ticket, status: 'closed' }, { type: 'assign', assignee: null }, agent, ctx);
    expect(!closed.ok && closed.error.reason).toEqual({ kind: 'ticket_closed' });
  });
});

describe('the collision guard', () => {
  const event = (id: number, kind: ChangedEvent['kind'], internal = false): ChangedEvent => ({
    id,
    kind,
    actor: 'customer',
    actorId: 'c1',
    actorName: 'Sara',
    from: null,
    to: null,
    internal,
    at: NOW.toISOString(),
  });

  it('lets a sender through when nothing public changed after what they saw', () => {
    expect(changedSince([event(3, 'replied'), event(4, 'note_added', true), event(5, 'priority_changed')], 3)).toBeNull();
  });

  it('refuses with the changes when a message or a status change came after it', () => {
    const refused = changedSince([event(4, 'replied'), event(5, 'status_changed'), event(6, 'note_added', true)], 3);
    expect(refused?.error.code).toBe('conflict');
    expect(refused?.error.reason).toEqual({ kind: 'ticket_changed', events: [event(4, 'replied'), event(5, 'status_changed')] });
  });
});

describe('rating and follow-ups', () => {
  const closed: ClosedTicketFacts = { status: 'closed', createdBy: 'c1', closedAt: new Date(NOW.getTime() - DAY), rating: null };

  it('lets the customer rate a closed ticket once, within 7 days', () => {
    expect(ratingRefusal(closed, customer, NOW)).toBeNull();
    expect(ratingRefusal({ ...closed, rating: 'good' }, customer, NOW)?.error.reason).toEqual({ kind: 'already_rated' });
    expect(ratingRefusal(closed, customer, new Date(NOW.getTime() + 7 * DAY))?.error.reason).toEqual({ kind: 'rating_expired', days: 7 });
    expect(ratingRefusal({ ...closed, status: 'in_progress', closedAt: null }, customer, NOW)?.error.reason).toEqual({ kind: 'not_closed' });
    expect(ratingRefusal(closed, agent, NOW)?.error.code).toBe('forbidden');
  });

  it('keeps the rating open until the last moment of the 7 days, and no longer', () => {
    const until = ratingClosesAt(closed.closedAt!);
    expect(until.getTime() - closed.closedAt!.getTime()).toBe(7 * DAY);
    expect(ratingRefusal(closed, customer, until)).toBeNull();
    expect(ratingRefusal(closed, customer, new Date(until.getTime() + 1))?.error.reason).toEqual({ kind: 'rating_expired', days: 7 });
  });

  it('lets only the ticket’s creator follow up a closed ticket, and offers what applies', () => {
    expect(followUpRefusal(closed, customer)).toBeNull();
    expect(followUpRefusal(closed, { role: 'customer', userId: 'c2' })?.error.code).toBe('forbidden');
    expect(followUpRefusal({ ...closed, status: 'awaiting_customer' }, customer)?.error.reason).toEqual({ kind: 'not_closed' });
    expect(closedTicketActions(closed, customer, NOW)).toEqual(['rate', 'follow_up']);
    expect(closedTicketActions(closed, agent, NOW)).toEqual([]);
  });
});

describe('resources, saved replies and presence', () => {
  const vm = { id: 'vm-1', type: 'vm', name: 'web-1', region: 'thr1' };
  it('snapshots the asked resources from the token’s list and names the ones it lacks', () => {
    expect(pickResources([vm], ['vm-1', 'vm-1'])).toEqual({ ok: true, resources: [vm] });
    const refused = pickResources([vm], ['vm-1', 'db-9']);
    expect(!refused.ok && refused.error.reason).toEqual({ kind: 'resource_not_allowed', resourceIds: ['db-9'] });
  });

  it('fills the known placeholders of a saved reply and leaves others as written', () => {
    const values = { 'customer.name': 'Sara', 'agent.name': 'Omid', 'ticket.number': '1042' };
    expect(fillPlaceholders('Hi {{customer.name}}, {{ agent.name }} on #{{ticket.number}} {{other}}', values)).toBe('Hi Sara, Omid on #1042 {{other}}');
  });

  it('shows presence for less than 30 s after the last sign of life', () => {
    expect(isPresent(NOW, new Date(NOW.getTime() + PRESENCE_TTL_MS - 1))).toBe(true);
    expect(isPresent(NOW, new Date(NOW.getTime() + PRESENCE_TTL_MS))).toBe(false);
  });
});
