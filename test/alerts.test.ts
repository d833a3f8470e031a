import { createTestServer, TestClock, type TestServer } from '@support-tickets/server/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { HOUR, NEW_TICKET, PEOPLE } from './helpers/server';
import { startSmtpSink } from './helpers/smtp-sink';
import { startReceiver } from './helpers/webhook-receiver';

// SLA alerts and the auto-close warning (SPEC §6) on an injected clock: each exactly once per
// cycle (or auto-close time), whichever server sweeps, however often, across a restart.

const customer = { ...PEOPLE.customerA, email: 'ava@example.com', locale: 'en' } as const;
const agent = { ...PEOPLE.agent, email: 'sara@support.example', locale: 'en' } as const;
const SECOND = 1000;

const servers: TestServer[] = [];
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const s of servers.splice(0).reverse()) await s.close();
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function setUp() {
  const sink = await startSmtpSink();
  const receiver = await startReceiver();
  closers.push(sink.close, receiver.close);
  const clock = new TestClock('2026-05-20T06:00:00Z');
  const options = { clock, notifications: { webhookAllowPrivate: true, mail: { smtpUrl: sink.url, from: 'support@kubit.example', ticketLink: null } } };
  const t = await createTestServer(options);
  servers.push(t);
  // A second server on the same database: another process, or this one after a restart.
  const other = await createTestServer({ ...options, dbFile: t.dbFile });
  servers.push(other);
  const asAgent = await t.callerFor(agent);
  const asCustomer = await t.callerFor(customer);
  await asCustomer.me.get();
  receiver.useSecret((await asAgent.webhook.create({ url: receiver.url, events: ['sla.at_risk', 'sla.breached', 'ticket.auto_close_warning'] })).secret);
  return { t, other, clock, sink, receiver, asAgent, asCustomer };
}

describe('SLA alerts', () => {
  it('say at risk when a quarter of the target is left and breached at due, each once, to webhooks and the assignee', async () => {
    const { t, other, clock, sink, receiver, asAgent, asCustomer } = await setUp();
    await asAgent.org.setPlan({ orgId: 'org-a', plan: 'enterprise' }); // high: 4 h, around the clock
    const ticket = await asCustomer.ticket.create({ ...NEW_TICKET, priority: 'high' });
    await asAgent.ticket.accept({ id: ticket.id });
    const start = Date.parse(ticket.createdAt);

    clock.set(start + 3 * HOUR - SECOND);
    expect(await t.server.sendDueAlerts()).toBe(0);
    clock.set(start + 3 * HOUR);
    const [a, b] = await Promise.all([t.server.sendDueAlerts(), other.server.sendDueAlerts()]);
    expect(a + b).toBe(1);
    expect(await other.server.sendDueAlerts()).toBe(0);
    clock.set(start + 4 * HOUR);
    expect((await Promise.all([other.server.sendDueAlerts(), t.server.sendDueAlerts()])).reduce((x, y) => x + y)).toBe(1);
    clock.advance(HOUR);
    expect(await t.server.sendDueAlerts()).toBe(0);

    await t.server.deliverNotifications();
    expect(receiver.received.map((w) => [w.payload.type, w.payload.data.ticket.id])).toEqual([
      ['sla.at_risk', ticket.id],
      ['sla.breached', ticket.id],
    ]);
    expect(sink.mails.map((m) => [m.envelopeTo[0], m.subject])).toEqual([
      ['sara@support.example', expect.stringMatching(/The reply to this ticket is due soon$/)],
      ['sara@support.example', expect.stringMatching(/The reply to this ticket is overdue$/)],
    ]);
  });

  it('alert each new cycle once more after a customer reply reopens it', async () => {
    const { t, clock, asAgent, asCustomer } = await setUp();
    await asAgent.org.setPlan({ orgId: 'org-a', plan: 'enterprise' });
    const ticket = await asCustomer.ticket.create({ ...NEW_TICKET, priority: 'urgent' }); // 1 h
    clock.advance(2 * HOUR);
    expect(await t.server.sendDueAlerts()).toBe(1); // found past due: breached only
    await asAgent.ticket.reply({ id: ticket.id, body: 'Looking.' });
    await asCustomer.ticket.reply({ id: ticket.id, body: 'Still down.' });
    clock.advance(45 * 60 * SECOND);
    expect(await t.server.sendDueAlerts()).toBe(1);
    clock.advance(15 * 60 * SECOND);
    expect(await t.server.sendDueAlerts()).toBe(1);
    expect(await t.server.sendDueAlerts()).toBe(0);
  });
});

describe('the auto-close warning', () => {
  it('tells the customer 24 h before closing, on the timeline, by webhook and by mail, once per auto-close time', async () => {
    const { t, other, clock, sink, receiver, asAgent, asCustomer } = await setUp();
    const ticket = await asCustomer.ticket.create(NEW_TICKET);
    const replied = await asAgent.ticket.reply({ id: ticket.id, body: 'Fixed; please confirm.' });
    await t.server.deliverNotifications();
    sink.mails.splice(0);
    const closesAt = Date.parse(replied.autoCloseAt!);

    clock.set(closesAt - 24 * HOUR - SECOND);
    expect(await t.server.sendDueAlerts()).toBe(0);
    clock.set(closesAt - 24 * HOUR);
    expect((await Promise.all([t.server.sendDueAlerts(), other.server.sendDueAlerts()])).reduce((x, y) => x + y)).toBe(1);
    expect(await other.server.sendDueAlerts()).toBe(0);

    const seen = await asCustomer.ticket.get({ id: ticket.id });
    expect(seen.events.at(-1)).toMatchObject({ kind: 'auto_close_warning', actor: 'system', to: replied.autoCloseAt });
    await t.server.deliverNotifications();
    expect(receiver.received.map((w) => w.payload.type)).toEqual(['ticket.auto_close_warning']);
    expect(sink.mails.map((m) => [m.envelopeTo[0], m.subject])).toEqual([['ava@example.com', expect.stringMatching(/will close by itself soon$/)]]);
    expect(sink.mails[0]!.text).toMatch(/It closes at .+\. If you still need help, reply\./);

    // Another agent reply sets a new auto-close time, warned of in its turn.
    await asCustomer.ticket.reply({ id: ticket.id, body: 'Not yet.' });
    const again = await asAgent.ticket.reply({ id: ticket.id, body: 'Now?' });
    clock.set(Date.parse(again.autoCloseAt!) - 24 * HOUR);
    expect(await t.server.sendDueAlerts()).toBe(1);
    expect(await t.server.sendDueAlerts()).toBe(0);
  });
});
