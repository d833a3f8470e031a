import { BODY_MAX_LENGTH, CUSTOM_PLAN_MAX_MINUTES } from '@support-tickets/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCode, MINUTE, NEW_TICKET, startServer, type Client, type TestServer } from './helpers/server';

// What a user interface shows without deciding it: the actions each person may take, the time
// left in working minutes, and refusals explained in data. The server sends what core decides.

let t: TestServer;
let customer: Client;
let admin: Client;
let agent: Client;
let agent2: Client;

beforeAll(async () => {
  t = await startServer({ start: '2026-05-20T06:00:00Z' }); // Wednesday 09:30 in Tehran
  customer = await t.as('customerA');
  admin = await t.as('adminA');
  agent = await t.as('agent');
  agent2 = await t.as('agent2');
});
afterAll(() => t.stop({ removeFile: true }));

describe('actions', () => {
  it('are what each person may do, on the ticket and in lists, as the ticket moves', async () => {
    const created = await customer.ticket.create.mutate(NEW_TICKET);
    expect(created.actions).toEqual(['reply', 'close']);
    expect((await admin.ticket.get.query({ id: created.id })).actions).toEqual(['reply', 'close']);
    expect((await agent.ticket.get.query({ id: created.id })).actions).toEqual(['accept', 'reply', 'note', 'update', 'assign', 'close']);

    const accepted = await agent.ticket.accept.mutate({ id: created.id });
    expect(accepted.actions).toEqual(['reply', 'note', 'update', 'assign', 'close']); // already working on it
    expect((await agent2.ticket.get.query({ id: created.id })).actions).toContain('accept'); // may take it over
    const queued = (await agent.ticket.list.query({ sort: 'updated' })).items.find((item) => item.id === created.id);
    expect(queued?.actions).toEqual(accepted.actions);

    const closed = await customer.ticket.close.mutate({ id: created.id });
    // Its creator may still rate it and follow it up; nobody may change it.
    expect(closed.actions).toEqual(['rate', 'follow_up']);
    expect((await admin.ticket.get.query({ id: created.id })).actions).toEqual(['rate']);
    expect((await agent.ticket.list.query({ status: 'closed' })).items.map((item) => item.actions)).toEqual([[]]);
  });
});

describe('time left', () => {
  it('counts working minutes, stands still outside them, and goes negative once overdue', async () => {
    // Developer plan, normal: 24 working hours (Saturday–Wednesday 09:00–17:00 in Tehran).
    t.clock.set('2026-05-20T06:00:00Z'); // Wednesday 09:30
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    expect(ticket.timeLeftMinutes).toBe(24 * 60);
    t.clock.set('2026-05-20T13:30:00Z'); // Wednesday 17:00: 7.5 working hours later
    expect((await customer.ticket.get.query({ id: ticket.id })).timeLeftMinutes).toBe(24 * 60 - 450);
    t.clock.set('2026-05-22T06:00:00Z'); // Friday: closed, the clock stood still
    expect((await customer.ticket.get.query({ id: ticket.id })).timeLeftMinutes).toBe(24 * 60 - 450);
    t.clock.set(new Date(Date.parse(ticket.dueAt!) + 90 * MINUTE));
    expect((await customer.ticket.list.query()).items.find((item) => item.id === ticket.id)).toMatchObject({ sla: 'breached', timeLeftMinutes: -90 });
    // Waiting on the customer, no cycle is open: nothing to count.
    const answered = await agent.ticket.reply.mutate({ id: ticket.id, body: 'Fixed.' });
    expect(answered.timeLeftMinutes).toBeNull();
  });
});

describe('refusals in data', () => {
  it('name what is wrong with a subject or body, field by field', async () => {
    const error = await expectCode(customer.ticket.create.mutate({ ...NEW_TICKET, subject: '  ', body: 'b'.repeat(BODY_MAX_LENGTH + 1) }), 'BAD_REQUEST');
    expect(error.data?.issues).toEqual([
      { path: 'subject', message: 'The subject is empty.', textProblem: { code: 'empty', max: 200 } },
      { path: 'body', message: `The message is longer than ${BODY_MAX_LENGTH} characters.`, textProblem: { code: 'too_long', max: BODY_MAX_LENGTH } },
    ]);
  });

  it('name what is wrong with a custom plan, and change nothing', async () => {
    const before = await t.counts();
    const error = await expectCode(
      agent.org.setPlan.mutate({ orgId: 'org-a', custom: { responseMinutes: { urgent: 1.5, low: CUSTOM_PLAN_MAX_MINUTES + 1 }, hours: '24/7' } }),
      'BAD_REQUEST',
    );
    expect(error.data?.reason).toEqual({
      kind: 'plan_invalid',
      problems: [
        { code: 'target_not_whole_minutes', priority: 'urgent' },
        { code: 'target_too_long', priority: 'low', max: CUSTOM_PLAN_MAX_MINUTES },
      ],
    });
    expect(await t.counts()).toEqual(before);
  });
});

describe('org.setPlan', () => {
  it('takes a custom plan in the shape of SPEC §4 (with an id), stored as the organisation’s own', async () => {
    const customerB = await t.as('customerB');
    await customerB.org.get.query(); // the organisation exists from its first request
    const org = await agent.org.setPlan.mutate({
      orgId: 'org-b',
      custom: { id: 'enterprise', responseMinutes: { urgent: 45, normal: 300 }, hours: 'business' },
    });
    expect(org).toMatchObject({
      planId: 'custom',
      plan: { id: 'custom', responseMinutes: { urgent: 45, normal: 300 }, hours: 'business', availablePriorities: ['urgent', 'normal'] },
    });
    expect((await customerB.org.get.query()).plan.id).toBe('custom');
  });
});
