import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN_CALENDAR, DEFAULT_CALENDAR } from './calendar';
import type { Actor, Plan } from './domain';
import { applyAction } from './lifecycle';
import type { ActorRef, LifecycleAction, PolicyContext, TicketState, Transition, TransitionResult } from './lifecycle-types';
import { BODY_MAX_LENGTH, SUBJECT_MAX_LENGTH } from './text';
import { PLANS } from './plans';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const t0 = new Date('2026-11-23T08:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

const customer: ActorRef = { role: 'customer', userId: 'cust-1' };
const admin: ActorRef = { role: 'org_admin', userId: 'admin-1' };
const agent: ActorRef = { role: 'agent', userId: 'agent-1' };
const otherAgent: ActorRef = { role: 'agent', userId: 'agent-2' };
const system: ActorRef = { role: 'system', userId: null };
const everyone: ActorRef[] = [customer, admin, agent, system];

const ctx = (now: Date, plan: Plan = PLANS.enterprise): PolicyContext => ({
  now,
  plan,
  calendar: DEFAULT_CALENDAR,
  autoCloseHours: 48,
});

function ok(result: TransitionResult): Transition {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result;
}

function refused(result: TransitionResult, code: 'forbidden' | 'conflict' | 'invalid'): string {
  if (result.ok) throw new Error(`expected ${code}, the action succeeded`);
  expect(result.error.code).toBe(code);
  expect(result.error.message.length).toBeGreaterThan(10);
  return result.error.message;
}

/** The refusal's reason in data, which a user interface words in its own language. */
function reasonOf(result: TransitionResult) {
  if (result.ok) throw new Error('expected a refusal, the action succeeded');
  return result.error.reason;
}

function created(plan: Plan = PLANS.enterprise, priority: LifecycleAction & { type: 'create' } = newTicket()) {
  return ok(applyAction(null, priority, customer, ctx(t0, plan))).state;
}

function newTicket(priority?: 'critical' | 'urgent' | 'high' | 'normal' | 'low'): LifecycleAction & { type: 'create' } {
  return { type: 'create', subject: 'VM does not boot', body: 'Since this morning', category: 'technical', priority };
}

/** Drives a ticket through actions, failing loudly on the first refusal. */
function run(state: TicketState, steps: Array<[LifecycleAction, ActorRef, Date]>, plan: Plan = PLANS.enterprise) {
  return steps.reduce((s, [action, actor, now]) => ok(applyAction(s, action, actor, ctx(now, plan))).state, state);
}

describe('create', () => {
  it('opens a ticket awaiting response with a cycle due by the plan target', () => {
    const result = ok(applyAction(null, newTicket('urgent'), customer, ctx(t0)));
    expect(result.state).toMatchObject({
      status: 'awaiting_response',
      priority: 'urgent',
      createdBy: 'cust-1',
      assigneeId: null,
      autoCloseAt: null,
    });
    expect(result.state.openCycle?.dueAt).toEqual(at(1 * HOUR));
    expect(result.cycles).toEqual([{ type: 'open', cycle: result.state.openCycle }]);
    expect(result.events.map((e) => e.kind)).toEqual(['created']);
    expect(result.message).toEqual({ visibility: 'public', body: 'Since this morning' });
  });

  it('uses normal priority by default', () => {
    const state = ok(applyAction(null, newTicket(), admin, ctx(t0))).state;
    expect(state.priority).toBe('normal');
    expect(state.openCycle?.dueAt).toEqual(at(12 * HOUR));
  });

  it('counts business hours for a business-hours plan', () => {
    // Monday 2026-11-23 08:00 UTC is 11:30 in Tehran. Mon 11:30–17:00 (5.5 h), Tue 8 h, Wed 8 h
    // make 21.5 h; Thursday and Friday are closed; Saturday 09:00 + 2.5 h = 11:30 (08:00 UTC).
    const state = ok(applyAction(null, newTicket('normal'), customer, ctx(t0, PLANS.developer))).state;
    expect(state.openCycle?.dueAt).toEqual(new Date('2026-11-28T08:00:00Z'));
    expect(state.openCycle?.policy).toMatchObject({ planId: 'developer', priority: 'normal', hours: 'business' });
  });

  it('refuses a priority the plan does not offer, naming the plan and what it offers', () => {
    const message = refused(applyAction(null, newTicket('urgent'), customer, ctx(t0, PLANS.developer)), 'invalid');
    expect(message).toContain('Developer');
    expect(message).toContain('normal, low');
    expect(reasonOf(applyAction(null, newTicket('urgent'), customer, ctx(t0, PLANS.developer)))).toEqual({
      kind: 'priority_unavailable',
      plan: 'developer',
      priority: 'urgent',
      offered: ['normal', 'low'],
    });
  });

  it.each([
    ['an empty subject', { subject: '   ' }],
    ['a subject that is too long', { subject: 'x'.repeat(SUBJECT_MAX_LENGTH + 1) }],
    ['an empty body', { body: '' }],
    ['a body that is too long', { body: 'x'.repeat(BODY_MAX_LENGTH + 1) }],
    ['an unknown category', { category: 'billing' as never }],
    ['an unknown priority', { priority: 'asap' as never }],
  ])('refuses %s', (_name, change) => {
    refused(applyAction(null, { ...newTicket(), ...change }, customer, ctx(t0)), 'invalid');
  });

  it('says what is wrong with a text in data, for wording it in another language', () => {
    expect(reasonOf(applyAction(null, { ...newTicket(), subject: ' ' }, customer, ctx(t0)))).toEqual({
      kind: 'text_invalid',
      field: 'subject',
      code: 'empty',
      max: SUBJECT_MAX_LENGTH,
    });
    expect(reasonOf(applyAction(created(), { type: 'reply', body: 'x'.repeat(BODY_MAX_LENGTH + 1) }, agent, ctx(t0)))).toEqual({
      kind: 'text_invalid',
      field: 'body',
      code: 'too_long',
      max: BODY_MAX_LENGTH,
    });
  });

  it('accepts subjects and bodies at exactly the limits', () => {
    const action = { ...newTicket(), subject: 's'.repeat(SUBJECT_MAX_LENGTH), body: 'b'.repeat(BODY_MAX_LENGTH) };
    expect(applyAction(null, action, customer, ctx(t0)).ok).toBe(true);
  });

  it.each([agent, system])('is refused to $role', (actor) => {
    refused(applyAction(null, newTicket(), actor, ctx(t0)), 'forbidden');
  });

  it('cannot create over an existing ticket', () => {
    refused(applyAction(created(), newTicket(), customer, ctx(t0)), 'conflict');
  });
});

describe('accept', () => {
  it('moves a new ticket to in progress, assigned to the agent, without answering the cycle', () => {
    const result = ok(applyAction(created(), { type: 'accept' }, agent, ctx(at(MINUTE))));
    expect(result.state.status).toBe('in_progress');
    expect(result.state.assigneeId).toBe('agent-1');
    expect(result.state.openCycle?.respondedAt).toBeNull();
    expect(result.cycles).toEqual([]);
    expect(result.events.map((e) => [e.kind, e.from, e.to])).toEqual([
      ['accepted', null, 'agent-1'],
      ['status_changed', 'awaiting_response', 'in_progress'],
    ]);
  });

  it('lets another agent take over an accepted ticket', () => {
    const accepted = run(created(), [[{ type: 'accept' }, agent, at(MINUTE)]]);
    const result = ok(applyAction(accepted, { type: 'accept' }, otherAgent, ctx(at(2 * MINUTE))));
    expect(result.state.assigneeId).toBe('agent-2');
    expect(result.events.map((e) => e.kind)).toEqual(['accepted']);
  });

  it('refuses to accept twice by the same agent', () => {
    const accepted = run(created(), [[{ type: 'accept' }, agent, at(MINUTE)]]);
    refused(applyAction(accepted, { type: 'accept' }, agent, ctx(at(2 * MINUTE))), 'conflict');
    expect(reasonOf(applyAction(accepted, { type: 'accept' }, agent, ctx(at(2 * MINUTE))))).toEqual({ kind: 'already_accepted' });
  });

  it.each([customer, admin, system])('is refused to $role', (actor) => {
    refused(applyAction(created(), { type: 'accept' }, actor, ctx(at(MINUTE))), 'forbidden');
  });
});

describe('reply', () => {
  it('by an agent answers the cycle, assigns, waits on the customer and schedules the auto-close', () => {
    const result = ok(applyAction(created(), { type: 'reply', body: 'Rebooted it' }, agent, ctx(at(10 * MINUTE))));
    expect(result.state).toMatchObject({
      status: 'awaiting_customer',
      assigneeId: 'agent-1',
      openCycle: null,
      autoCloseAt: at(10 * MINUTE + 48 * HOUR),
    });
    expect(result.cycles).toEqual([{ type: 'respond', respondedAt: at(10 * MINUTE) }]);
    expect(result.events.map((e) => e.kind)).toEqual(['assigned', 'replied', 'status_changed']);
    expect(result.message).toEqual({ visibility: 'public', body: 'Rebooted it' });
  });

  it('by an agent keeps an existing assignee', () => {
    const accepted = run(created(), [[{ type: 'accept' }, agent, at(MINUTE)]]);
    const result = ok(applyAction(accepted, { type: 'reply', body: 'On it' }, otherAgent, ctx(at(2 * MINUTE))));
    expect(result.state.assigneeId).toBe('agent-1');
    expect(result.events.map((e) => e.kind)).not.toContain('assigned');
  });

  it('a second agent reply moves the auto-close to 48 h after it', () => {
    const waiting = run(created(), [[{ type: 'reply', body: 'Question?' }, agent, at(HOUR)]]);
    const result = ok(applyAction(waiting, { type: 'reply', body: 'Also…' }, agent, ctx(at(5 * HOUR))));
    expect(result.state.autoCloseAt).toEqual(at(53 * HOUR));
    expect(result.cycles).toEqual([]);
    expect(result.events.map((e) => e.kind)).toEqual(['replied']);
  });

  it('by the customer to a ticket waiting on them reopens a cycle under the current plan', () => {
    const waiting = run(created(), [[{ type: 'reply', body: 'Which region?' }, agent, at(HOUR)]]);
    const result = ok(applyAction(waiting, { type: 'reply', body: 'Frankfurt' }, customer, ctx(at(2 * HOUR), PLANS.sme)));
    expect(result.state.status).toBe('awaiting_response');
    expect(result.state.autoCloseAt).toBeNull();
    expect(result.state.openCycle).toMatchObject({ startedAt: at(2 * HOUR), dueAt: at(2 * HOUR + 12 * HOUR) });
    expect(result.state.openCycle?.policy?.planId).toBe('sme');
    expect(result.cycles.map((c) => c.type)).toEqual(['open']);
  });

  it('by the customer while support owes a reply moves neither the status nor the due time', () => {
    const accepted = run(created(), [[{ type: 'accept' }, agent, at(MINUTE)]]);
    const result = ok(applyAction(accepted, { type: 'reply', body: 'Any news?' }, customer, ctx(at(HOUR))));
    expect(result.state).toEqual(accepted);
    expect(result.cycles).toEqual([]);
    expect(result.events.map((e) => e.kind)).toEqual(['replied']);
  });

  it('refuses an empty body and the system', () => {
    refused(applyAction(created(), { type: 'reply', body: ' \n ' }, agent, ctx(t0)), 'invalid');
    refused(applyAction(created(), { type: 'reply', body: 'hi' }, system, ctx(t0)), 'forbidden');
  });
});

describe('note', () => {
  it('adds an internal message and an internal event, changing nothing else', () => {
    const ticket = created();
    const result = ok(applyAction(ticket, { type: 'note', body: 'Check host 12' }, agent, ctx(at(MINUTE))));
    expect(result.state).toEqual(ticket);
    expect(result.message).toEqual({ visibility: 'internal', body: 'Check host 12' });
    expect(result.events).toMatchObject([{ kind: 'note_added', internal: true }]);
  });

  it.each([customer, admin, system])('is refused to $role', (actor) => {
    refused(applyAction(created(), { type: 'note', body: 'x' }, actor, ctx(t0)), 'forbidden');
  });
});

describe('update', () => {
  it('recomputes the open cycle from its start when the priority changes', () => {
    const ticket = created();
    const result = ok(applyAction(ticket, { type: 'update', priority: 'urgent' }, agent, ctx(at(30 * MINUTE))));
    expect(result.state.openCycle).toMatchObject({ startedAt: t0, dueAt: at(HOUR) });
    expect(result.cycles).toEqual([
      { type: 'reschedule', dueAt: at(HOUR), policy: expect.objectContaining({ priority: 'urgent', targetMinutes: 60 }) },
    ]);
    expect(result.events).toMatchObject([{ kind: 'priority_changed', from: 'normal', to: 'urgent' }]);
  });

  it('changes the category with an event', () => {
    const result = ok(applyAction(created(), { type: 'update', category: 'financial' }, agent, ctx(t0)));
    expect(result.state.category).toBe('financial');
    expect(result.events).toMatchObject([{ kind: 'category_changed', from: 'technical', to: 'financial' }]);
  });

  it('changes the priority of a ticket waiting on the customer without opening a cycle', () => {
    const waiting = run(created(), [[{ type: 'reply', body: 'Done?' }, agent, at(HOUR)]]);
    const result = ok(applyAction(waiting, { type: 'update', priority: 'low' }, agent, ctx(at(2 * HOUR))));
    expect(result.state.openCycle).toBeNull();
    expect(result.cycles).toEqual([]);
  });

  it('refuses a priority the plan does not offer', () => {
    const ticket = created(PLANS.developer);
    const message = refused(
      applyAction(ticket, { type: 'update', priority: 'critical' }, agent, ctx(t0, PLANS.developer)),
      'invalid',
    );
    expect(message).toContain('Developer');
    expect(reasonOf(applyAction(ticket, { type: 'update', priority: 'critical' }, agent, ctx(t0, PLANS.developer)))).toMatchObject({
      kind: 'priority_unavailable',
      priority: 'critical',
    });
  });

  it('refuses an update that changes nothing', () => {
    refused(applyAction(created(), { type: 'update' }, agent, ctx(t0)), 'invalid');
    const unchanged = applyAction(created(), { type: 'update', priority: 'normal', category: 'technical' }, agent, ctx(t0));
    refused(unchanged, 'invalid');
    expect(reasonOf(unchanged)).toEqual({ kind: 'nothing_to_change' });
  });

  it.each([customer, admin, system])('is refused to $role', (actor) => {
    refused(applyAction(created(), { type: 'update', priority: 'high' }, actor, ctx(t0)), 'forbidden');
  });
});

describe('close', () => {
  it.each<[ActorRef, string]>([
    [customer, 'customer'],
    [admin, 'customer'],
    [agent, 'agent'],
  ])('by $role is recorded with who closed it', (actor, closedBy) => {
    const result = ok(applyAction(created(), { type: 'close' }, actor, ctx(at(HOUR))));
    expect(result.state).toMatchObject({ status: 'closed', closedAt: at(HOUR), closedBy, autoCloseAt: null });
    expect(result.events).toMatchObject([{ kind: 'closed', actor: actor.role, to: closedBy }]);
  });

  it('is refused to the system outside the auto-close', () => {
    refused(applyAction(created(), { type: 'close' }, system, ctx(t0)), 'forbidden');
  });
});

describe('autoClose', () => {
  const waiting = () => run(created(), [[{ type: 'reply', body: 'Fixed?' }, agent, at(HOUR)]]);

  it('closes a ticket waiting on the customer exactly 48 h after the agent reply', () => {
    const result = ok(applyAction(waiting(), { type: 'autoClose' }, system, ctx(at(49 * HOUR))));
    expect(result.state).toMatchObject({ status: 'closed', closedBy: 'system', closedAt: at(49 * HOUR) });
    expect(result.events).toMatchObject([{ kind: 'closed', actor: 'system', to: 'system' }]);
  });

  it('does not close a second early', () => {
    refused(applyAction(waiting(), { type: 'autoClose' }, system, ctx(at(49 * HOUR - 1000))), 'conflict');
  });

  it('does not close a ticket the customer answered', () => {
    const answered = run(waiting(), [[{ type: 'reply', body: 'Not yet' }, customer, at(2 * HOUR)]]);
    refused(applyAction(answered, { type: 'autoClose' }, system, ctx(at(60 * HOUR))), 'conflict');
  });

  it.each([customer, admin, agent])('is refused to $role', (actor) => {
    refused(applyAction(waiting(), { type: 'autoClose' }, actor, ctx(at(60 * HOUR))), 'forbidden');
  });
});

describe('a closed ticket', () => {
  const closedTicket = () => run(created(), [[{ type: 'close' }, customer, at(HOUR)]]);
  const actions: LifecycleAction[] = [
    { type: 'accept' },
    { type: 'reply', body: 'again' },
    { type: 'note', body: 'note' },
    { type: 'update', priority: 'high' },
    { type: 'close' },
    { type: 'autoClose' },
  ];

  it.each(actions.flatMap((action) => everyone.map((actor) => [action.type, actor.role, action, actor] as const)))(
    'refuses %s by %s as final',
    (_type, _role: Actor, action, actor) => {
      const result = applyAction(closedTicket(), action, actor, ctx(at(2 * HOUR)));
      refused(result, 'conflict');
      expect(reasonOf(result)).toEqual({ kind: 'ticket_closed' });
    },
  );
});

describe('24/7 plans', () => {
  it('ignore the business calendar', () => {
    const state = ok(
      applyAction(null, newTicket('low'), customer, { ...ctx(t0, PLANS.business), calendar: ALWAYS_OPEN_CALENDAR }),
    ).state;
    expect(state.openCycle?.dueAt).toEqual(at(48 * HOUR));
    expect(state.openCycle?.policy?.calendar).toBeNull();
  });
});
