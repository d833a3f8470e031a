import type { PlanId } from '@support-tickets/core';
import type { RouterInputs } from '@support-tickets/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCode, HOUR, MINUTE, NEW_TICKET, startServer, type Client, type TestServer } from './helpers/server';

// SPEC §3 end to end: over HTTP, through tRPC, on a real database file, with a clock we move.

let t: TestServer;
let agent: Client;
let agent2: Client;
let orgCount = 0;

beforeAll(async () => {
  t = await startServer();
  agent = await t.as('agent');
  agent2 = await t.as('agent2');
});
afterAll(() => t.stop({ removeFile: true }));

/** A customer of a fresh organisation on `plan` (created by its first request, then moved). */
async function customerOn(
  plan: PlanId | null,
  calendar?: RouterInputs['org']['setPlan']['calendar'],
): Promise<{ client: Client; orgId: string; sub: string }> {
  const orgId = `life-org-${++orgCount}`;
  const sub = `life-customer-${orgCount}`;
  const client = await t.as({ sub, role: 'customer', org: orgId, name: `Customer ${orgCount}` });
  await client.org.get.query();
  if (plan) await agent.org.setPlan.mutate({ orgId, plan, ...(calendar !== undefined ? { calendar } : {}) });
  return { client, orgId, sub };
}

describe('a new ticket', () => {
  it('starts awaiting a response, with the due time of the plan and priority (developer: business hours, Tehran)', async () => {
    // Wednesday 13 May 2026, 16:00 in Tehran (UTC+3:30). Normal on developer is 24 working hours:
    // Wed 16–17 (1 h), Sat 8 h, Sun 8 h, Mon 09–16 (7 h) → the 4th working day, Monday 16:00.
    t.clock.set('2026-05-13T12:30:00Z');
    const { client, sub } = await customerOn(null);
    const ticket = await client.ticket.create.mutate(NEW_TICKET);
    expect(ticket).toMatchObject({
      status: 'awaiting_response',
      priority: 'normal',
      category: 'technical',
      createdBy: sub,
      assigneeId: null,
      createdAt: '2026-05-13T12:30:00.000Z',
      dueAt: '2026-05-18T12:30:00.000Z',
      sla: 'on_track',
      timeLeftMinutes: 24 * 60,
      autoCloseAt: null,
      closedAt: null,
      closedBy: null,
    });
    expect(ticket.messages).toMatchObject([{ body: NEW_TICKET.body, authorId: sub, visibility: 'public' }]);
    expect(ticket.events.map((e) => e.kind)).toEqual(['created']);
    expect(ticket.cycles).toHaveLength(1);
    expect(ticket.cycles[0]?.policy).toMatchObject({ planId: 'developer', priority: 'normal', targetMinutes: 1440, hours: 'business' });
  });

  it('is due at closing time when the target ends exactly then (developer low, 48 working hours)', async () => {
    // Thursday 14 May, 10:00 Tehran: closed until Saturday 09:00; six 8-hour days → Saturday 23 May 17:00.
    t.clock.set('2026-05-14T06:30:00Z');
    const { client } = await customerOn(null);
    const ticket = await client.ticket.create.mutate({ ...NEW_TICKET, priority: 'low' });
    expect(ticket.dueAt).toBe('2026-05-23T13:30:00.000Z');
    // Outside working hours the clock stands still: still the whole target left.
    expect(ticket.timeLeftMinutes).toBe(48 * 60);
  });

  it('skips the holidays of the calendar (Nowruz)', async () => {
    // Wednesday 18 March 2026, 09:00 Tehran: 8 h that day; 20–24 March are holidays (and Thu/Fri
    // off), then Wed 25 (8 h) and Sat 28 (8 h) → Saturday 28 March 17:00.
    t.clock.set('2026-03-18T05:30:00Z');
    const { client } = await customerOn(null);
    const ticket = await client.ticket.create.mutate(NEW_TICKET);
    expect(ticket.dueAt).toBe('2026-03-28T13:30:00.000Z');
  });

  it('counts wall-clock hours across a DST change (an organisation calendar in Europe/Berlin)', async () => {
    const berlin = {
      timeZone: 'Europe/Berlin',
      week: { 1: [['09:00', '17:00']], 2: [['09:00', '17:00']], 3: [['09:00', '17:00']], 4: [['09:00', '17:00']], 5: [['09:00', '17:00']] },
      holidays: [],
    } as unknown as RouterInputs['org']['setPlan']['calendar'];
    // Friday 27 March 2026 16:00 CET (UTC+1): 1 h; clocks go forward on Sunday 29; Mon 8 h,
    // Tue 8 h, Wed 09:00–16:00 CEST (UTC+2) → 14:00 UTC on 1 April.
    t.clock.set('2026-03-27T15:00:00Z');
    const { client } = await customerOn('developer', berlin);
    const ticket = await client.ticket.create.mutate(NEW_TICKET);
    expect(ticket.dueAt).toBe('2026-04-01T14:00:00.000Z');
    expect(ticket.explanation?.timeZone).toBe('Europe/Berlin');
  });

  it.each([
    ['enterprise', 'critical', 30],
    ['enterprise', 'urgent', 60],
    ['sme', 'urgent', 120],
    ['business', 'high', 8 * 60],
    ['business', 'low', 48 * 60],
  ] as const)('on %s, %s is due %i minutes later, around the clock', async (plan, priority, minutes) => {
    // Thursday night in Tehran: outside business hours, but 24/7 plans do not care.
    t.clock.set('2026-05-14T22:10:00Z');
    const { client } = await customerOn(plan);
    const ticket = await client.ticket.create.mutate({ ...NEW_TICKET, priority });
    expect(ticket.dueAt).toBe(new Date(Date.parse('2026-05-14T22:10:00Z') + minutes * MINUTE).toISOString());
    expect(ticket.cycles[0]?.policy).toMatchObject({ planId: plan, targetMinutes: minutes, hours: '24/7', calendar: null });
  });

  it('is refused for a priority the plan does not offer, naming the plan and what it offers', async () => {
    const developer = await customerOn(null);
    const error = await expectCode(developer.client.ticket.create.mutate({ ...NEW_TICKET, priority: 'high' }), 'BAD_REQUEST');
    expect(error.message).toBe('The Developer plan does not offer high priority; it offers normal, low.');
    // The same refusal in data, for a client to word in its own language.
    expect(error.data?.reason).toEqual({ kind: 'priority_unavailable', plan: 'developer', priority: 'high', offered: ['normal', 'low'] });
    const business = await customerOn('business');
    const refused = await expectCode(business.client.ticket.create.mutate({ ...NEW_TICKET, priority: 'critical' }), 'BAD_REQUEST');
    expect(refused.message).toContain('Business plan does not offer critical priority; it offers urgent, high, normal, low');
  });

  it('explains its due time consistently with the due time', async () => {
    t.clock.set('2026-05-13T12:30:00Z');
    const { client } = await customerOn(null);
    const ticket = await client.ticket.create.mutate(NEW_TICKET);
    const explanation = ticket.explanation!;
    expect(explanation.dueAt).toBe(ticket.dueAt);
    expect(explanation.startedAt).toBe(ticket.createdAt);
    expect(explanation.policy).toMatchObject({ planId: 'developer', targetMinutes: 1440 });
    expect(explanation.periods.reduce((sum, p) => sum + p.minutes, 0)).toBe(1440);
    expect(explanation.periods.map((p) => [p.start, p.end])).toEqual([
      ['2026-05-13T12:30:00.000Z', '2026-05-13T13:30:00.000Z'],
      ['2026-05-16T05:30:00.000Z', '2026-05-16T13:30:00.000Z'],
      ['2026-05-17T05:30:00.000Z', '2026-05-17T13:30:00.000Z'],
      ['2026-05-18T05:30:00.000Z', '2026-05-18T12:30:00.000Z'],
    ]);
    expect(explanation.summary).toMatch(/Developer plan, normal priority: 24 h of business hours \(Asia\/Tehran/);
  });
});

describe('the reply cycle', () => {
  it('accepting assigns and starts work but is not a reply', async () => {
    t.clock.set('2026-05-20T06:00:00Z');
    const { client } = await customerOn('enterprise');
    const created = await client.ticket.create.mutate(NEW_TICKET);
    t.clock.advance(10 * MINUTE);
    const accepted = await agent.ticket.accept.mutate({ id: created.id });
    expect(accepted).toMatchObject({ status: 'in_progress', assigneeId: 'agent-1', dueAt: created.dueAt, sla: 'on_track' });
    expect(accepted.cycles[0]?.respondedAt).toBeNull();
    expect(accepted.events.map((e) => [e.kind, e.actor, e.from, e.to])).toEqual([
      ['created', 'customer', null, 'awaiting_response'],
      ['accepted', 'agent', null, 'agent-1'],
      ['status_changed', 'agent', 'awaiting_response', 'in_progress'],
    ]);
    // Accepting twice is a conflict; another agent may take it over.
    await expectCode(agent.ticket.accept.mutate({ id: created.id }), 'CONFLICT');
    const taken = await agent2.ticket.accept.mutate({ id: created.id });
    expect(taken.assigneeId).toBe('agent-2');
  });

  it('an agent reply ends the cycle, assigns an unassigned ticket and waits on the customer for 48 h', async () => {
    t.clock.set('2026-05-20T06:00:00Z');
    const { client } = await customerOn('enterprise');
    const created = await client.ticket.create.mutate(NEW_TICKET);
    t.clock.advance(30 * MINUTE);
    const replied = await agent.ticket.reply.mutate({ id: created.id, body: 'Which region?' });
    expect(replied).toMatchObject({
      status: 'awaiting_customer',
      assigneeId: 'agent-1',
      dueAt: null,
      sla: 'paused',
      timeLeftMinutes: null,
      autoCloseAt: '2026-05-22T06:30:00.000Z',
      explanation: null,
    });
    expect(replied.cycles[0]?.respondedAt).toBe('2026-05-20T06:30:00.000Z');
    expect(replied.events.slice(1).map((e) => e.kind)).toEqual(['assigned', 'replied', 'status_changed']);
    expect(replied.messages.map((m) => [m.authorRole, m.body])).toEqual([
      ['customer', NEW_TICKET.body],
      ['agent', 'Which region?'],
    ]);
  });

  it("a customer message while support owes a reply moves neither the due time nor the status", async () => {
    t.clock.set('2026-05-20T06:00:00Z');
    const { client } = await customerOn('enterprise');
    const created = await client.ticket.create.mutate(NEW_TICKET);
    t.clock.advance(2 * HOUR);
    const nudged = await client.ticket.reply.mutate({ id: created.id, body: 'Any news?' });
    expect(nudged).toMatchObject({ status: 'awaiting_response', dueAt: created.dueAt });
    expect(nudged.cycles).toHaveLength(1);
    expect(nudged.messages).toHaveLength(2);
    expect(nudged.events.map((e) => e.kind)).toEqual(['created', 'replied']);
  });

  it('a customer reply to a ticket waiting on them opens a new cycle under the plan', async () => {
    t.clock.set('2026-05-20T06:00:00Z');
    const { client } = await customerOn('enterprise');
    const created = await client.ticket.create.mutate(NEW_TICKET);
    t.clock.advance(HOUR);
    await agent.ticket.reply.mutate({ id: created.id, body: 'Which region?' });
    t.clock.advance(5 * HOUR);
    const answered = await client.ticket.reply.mutate({ id: created.id, body: 'Tehran-1' });
    expect(answered).toMatchObject({
      status: 'awaiting_response',
      autoCloseAt: null,
      dueAt: '2026-05-21T00:00:00.000Z', // 12:00 reply + 12 h (enterprise normal)
      sla: 'on_track',
    });
    expect(answered.cycles.map((c) => [c.startedAt, c.respondedAt])).toEqual([
      ['2026-05-20T06:00:00.000Z', '2026-05-20T07:00:00.000Z'],
      ['2026-05-20T12:00:00.000Z', null],
    ]);
    expect(answered.explanation?.startedAt).toBe('2026-05-20T12:00:00.000Z');
  });

  it('shows at risk, then breached with negative time left, as the due time nears and passes', async () => {
    t.clock.set('2026-05-20T06:00:00Z');
    const { client } = await customerOn('enterprise');
    const created = await client.ticket.create.mutate({ ...NEW_TICKET, priority: 'high' }); // 4 h
    t.clock.advance(3 * HOUR + 30 * MINUTE);
    expect(await client.ticket.get.query({ id: created.id })).toMatchObject({ sla: 'at_risk', timeLeftMinutes: 30 });
    t.clock.advance(HOUR);
    expect(await client.ticket.get.query({ id: created.id })).toMatchObject({ sla: 'breached', timeLeftMinutes: -30 });
    await agent.ticket.reply.mutate({ id: created.id, body: 'Sorry for the wait.' });
    const closed = await client.ticket.close.mutate({ id: created.id });
    expect(closed.sla).toBe('missed');
  });
});

describe('closing', () => {
  it('by the customer, by an org admin and by an agent, each recorded with who', async () => {
    t.clock.set('2026-05-20T06:00:00Z');
    const { client, orgId } = await customerOn('enterprise');
    const admin = await t.as({ sub: 'admin-of-' + orgId, role: 'org_admin', org: orgId });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => client.ticket.create.mutate(NEW_TICKET)));
    await agent.ticket.reply.mutate({ id: a!.id, body: 'Fixed.' });
    t.clock.advance(MINUTE);
    const byCustomer = await client.ticket.close.mutate({ id: a!.id });
    expect(byCustomer).toMatchObject({ status: 'closed', closedBy: 'customer', closedAt: '2026-05-20T06:01:00.000Z', sla: 'met', dueAt: null, autoCloseAt: null });
    expect(byCustomer.events.at(-1)).toMatchObject({ kind: 'closed', actor: 'customer', actorId: expect.stringContaining('life-customer'), from: 'awaiting_customer', to: 'customer' });
    const byAdmin = await admin.ticket.close.mutate({ id: b!.id });
    expect(byAdmin).toMatchObject({ closedBy: 'customer', sla: 'met' });
    expect(byAdmin.events.at(-1)).toMatchObject({ actor: 'org_admin' });
    const byAgent = await agent.ticket.close.mutate({ id: c!.id });
    expect(byAgent).toMatchObject({ closedBy: 'agent', status: 'closed' });
  });

  it('is final: replying, changing, accepting, noting or closing again is a conflict', async () => {
    t.clock.set('2026-05-20T06:00:00Z');
    const { client } = await customerOn('enterprise');
    const ticket = await client.ticket.create.mutate(NEW_TICKET);
    await client.ticket.close.mutate({ id: ticket.id });
    const before = await t.counts();
    const refusal = await expectCode(client.ticket.reply.mutate({ id: ticket.id, body: 'one more thing' }), 'CONFLICT');
    expect(refusal.message).toMatch(/closed.*new ticket/i);
    expect(refusal.data?.reason).toEqual({ kind: 'ticket_closed' });
    await expectCode(agent.ticket.reply.mutate({ id: ticket.id, body: 'hello?' }), 'CONFLICT');
    await expectCode(agent.ticket.update.mutate({ id: ticket.id, priority: 'urgent' }), 'CONFLICT');
    await expectCode(agent.ticket.accept.mutate({ id: ticket.id }), 'CONFLICT');
    await expectCode(agent.ticket.note.mutate({ id: ticket.id, body: 'note' }), 'CONFLICT');
    await expectCode(client.ticket.close.mutate({ id: ticket.id }), 'CONFLICT');
    await expectCode(agent.ticket.close.mutate({ id: ticket.id }), 'CONFLICT');
    expect(await t.counts()).toEqual(before);
  });
});

describe('changes by support', () => {
  it('a priority change re-measures the open cycle from its start with the new target', async () => {
    t.clock.set('2026-05-20T06:00:00Z');
    const { client } = await customerOn('enterprise');
    const ticket = await client.ticket.create.mutate(NEW_TICKET); // normal: 12 h
    expect(ticket.dueAt).toBe('2026-05-20T18:00:00.000Z');
    t.clock.advance(HOUR);
    const raised = await agent.ticket.update.mutate({ id: ticket.id, priority: 'high' }); // 4 h from the start
    expect(raised).toMatchObject({ priority: 'high', dueAt: '2026-05-20T10:00:00.000Z' });
    expect(raised.cycles[0]).toMatchObject({ startedAt: '2026-05-20T06:00:00.000Z', dueAt: '2026-05-20T10:00:00.000Z' });
    expect(raised.cycles[0]?.policy).toMatchObject({ priority: 'high', targetMinutes: 240 });
    expect(raised.events.at(-1)).toMatchObject({ kind: 'priority_changed', from: 'normal', to: 'high', actorId: 'agent-1' });
    expect(raised.explanation?.dueAt).toBe('2026-05-20T10:00:00.000Z');

    const recategorised = await agent.ticket.update.mutate({ id: ticket.id, category: 'financial' });
    expect(recategorised).toMatchObject({ category: 'financial', dueAt: '2026-05-20T10:00:00.000Z' });
    expect(recategorised.events.at(-1)).toMatchObject({ kind: 'category_changed', from: 'technical', to: 'financial' });
  });

  it('refuses raising to a priority the plan does not offer, or a change that changes nothing', async () => {
    const { client } = await customerOn(null);
    const ticket = await client.ticket.create.mutate(NEW_TICKET);
    const error = await expectCode(agent.ticket.update.mutate({ id: ticket.id, priority: 'urgent' }), 'BAD_REQUEST');
    expect(error.message).toContain('Developer plan does not offer urgent');
    await expectCode(agent.ticket.update.mutate({ id: ticket.id }), 'BAD_REQUEST');
    await expectCode(agent.ticket.update.mutate({ id: ticket.id, priority: 'normal' }), 'BAD_REQUEST');
  });

  it('a plan change leaves open cycles alone and applies to cycles started after it', async () => {
    t.clock.set('2026-05-13T12:30:00Z'); // Wednesday 16:00 Tehran
    const { client, orgId } = await customerOn(null);
    const ticket = await client.ticket.create.mutate(NEW_TICKET);
    expect(ticket.dueAt).toBe('2026-05-18T12:30:00.000Z');

    t.clock.advance(HOUR);
    const org = await agent.org.setPlan.mutate({ orgId, plan: 'enterprise' });
    expect(org).toMatchObject({ planId: 'enterprise', availablePriorities: ['critical', 'urgent', 'high', 'normal', 'low'], openTickets: 1 });
    const after = await client.ticket.get.query({ id: ticket.id });
    expect(after.dueAt).toBe('2026-05-18T12:30:00.000Z');
    expect(after.cycles[0]?.policy?.planId).toBe('developer');
    expect(after.events.at(-1)).toMatchObject({ kind: 'plan_changed', from: 'developer', to: 'enterprise', actor: 'agent' });

    // The next cycle is measured under the new plan: enterprise normal, 12 h around the clock.
    await agent.ticket.reply.mutate({ id: ticket.id, body: 'Please check again.' });
    t.clock.advance(HOUR);
    const reopened = await client.ticket.reply.mutate({ id: ticket.id, body: 'Still down.' });
    expect(reopened.dueAt).toBe('2026-05-14T02:30:00.000Z');
    expect(reopened.cycles[1]?.policy).toMatchObject({ planId: 'enterprise', hours: '24/7', calendar: null });
    // And a new ticket may now be urgent.
    const urgent = await client.ticket.create.mutate({ ...NEW_TICKET, priority: 'urgent' });
    expect(urgent.dueAt).toBe('2026-05-13T15:30:00.000Z');
  });

  it('a custom plan takes any targets and hours', async () => {
    t.clock.set('2026-05-20T06:00:00Z');
    const { client, orgId } = await customerOn(null);
    const org = await agent.org.setPlan.mutate({ orgId, custom: { responseMinutes: { critical: 10, low: 600 }, hours: '24/7' } });
    expect(org).toMatchObject({ planId: 'custom', plan: { id: 'custom', responseMinutes: { critical: 10, low: 600 }, hours: '24/7' }, availablePriorities: ['critical', 'low'] });
    const ticket = await client.ticket.create.mutate({ ...NEW_TICKET, priority: 'critical' });
    expect(ticket.dueAt).toBe('2026-05-20T06:10:00.000Z');
    const error = await expectCode(client.ticket.create.mutate(NEW_TICKET), 'BAD_REQUEST');
    expect(error.message).toBe('The Custom plan does not offer normal priority; it offers critical, low.');
  });
});

describe('what customers see', () => {
  it('internal notes reach agents only', async () => {
    t.clock.set('2026-05-20T06:00:00Z');
    const { client, sub } = await customerOn('enterprise');
    const ticket = await client.ticket.create.mutate(NEW_TICKET);
    const noted = await agent.ticket.note.mutate({ id: ticket.id, body: 'SECRET: customer is on the old hypervisor' });
    expect(noted.messages.at(-1)).toMatchObject({ visibility: 'internal' });
    expect(noted.events.at(-1)).toMatchObject({ kind: 'note_added', internal: true });
    expect(noted.status).toBe('awaiting_response'); // a note is not a reply

    const seen = await client.ticket.get.query({ id: ticket.id });
    expect(seen.messages.map((m) => m.visibility)).toEqual(['public']);
    expect(seen.events.map((e) => e.kind)).toEqual(['created']);
    const raw = await t.raw('/trpc/ticket.get', { method: 'GET', token: await t.token({ sub, role: 'customer', org: seen.orgId }), input: { id: ticket.id } });
    expect(raw.status).toBe(200);
    expect(raw.text).not.toContain('SECRET');
    expect(raw.text).not.toContain('"visibility":"internal"');
    expect(raw.text).not.toContain('"internal":true');
    expect(raw.text).not.toContain('note_added');
  });

  it('the plan table, in order', async () => {
    const plans = await agent.plan.list.query();
    expect(plans.map((p) => p.id)).toEqual(['enterprise', 'sme', 'business', 'developer']);
    expect(plans[3]).toEqual({
      id: 'developer',
      responseMinutes: { normal: 1440, low: 2880 },
      hours: 'business',
      availablePriorities: ['normal', 'low'],
      architectureGuidance: { fa: 'عمومی', en: 'General' },
    });
  });
});
