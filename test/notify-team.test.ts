import { createTestServer, type TestServer } from '@support-tickets/server/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { NEW_TICKET, PEOPLE } from './helpers/server';
import { startSmtpSink } from './helpers/smtp-sink';
import { startReceiver } from './helpers/webhook-receiver';

// Notifications of a team (SPEC §6, §8): `ticket.assigned` reaches webhooks and mails the
// agent it now belongs to (never the one who took it themself); webhooks carry the ticket's
// resources as the customer picked them.

const sara = { ...PEOPLE.agent, email: 'sara@support.example', locale: 'en' } as const;
const omid = { ...PEOPLE.agent2, email: 'omid@support.example' } as const; // Persian by default
const customer = { ...PEOPLE.customerA, resources: [{ id: 'vm-web-1', type: 'vm', name: 'web-1', region: 'thr1' }] };

let t: TestServer;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await t?.close({ removeFile: true });
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function setUp() {
  const sink = await startSmtpSink();
  const receiver = await startReceiver();
  closers.push(() => sink.close(), () => receiver.close());
  t = await createTestServer({ notifications: { webhookAllowPrivate: true, mail: { smtpUrl: sink.url, from: 'Support <support@kubit.example>', ticketLink: null } } });
  const [asSara, asOmid, asCustomer] = [await t.callerFor(sara), await t.callerFor(omid), await t.callerFor(customer)];
  await asOmid.agent.list(); // Omid is a known agent
  receiver.useSecret((await asSara.webhook.create({ url: receiver.url, events: ['ticket.created', 'ticket.assigned'] })).secret);
  return { sink, receiver, asSara, asOmid, asCustomer };
}

describe('team notifications', () => {
  it('tells the new assignee by mail in their language and every endpoint by webhook, with the resources', async () => {
    const { sink, receiver, asSara, asCustomer } = await setUp();
    const ticket = await asCustomer.ticket.create({ ...NEW_TICKET, resourceIds: ['vm-web-1'] });
    // Each payload is built when the dispatcher first takes the notification: here before the assignment.
    await t.server.deliverNotifications();
    await asSara.ticket.assign({ id: ticket.id, assigneeId: 'agent-2' });
    await t.server.deliverNotifications();

    expect(sink.mails.map((m) => [m.envelopeTo[0], m.subject])).toEqual([['omid@support.example', `[#${ticket.number}] ${NEW_TICKET.subject} — این درخواست به شما سپرده شد`]]);
    expect(sink.mails[0]!.html).toContain('dir="rtl"');
    expect(receiver.received.map((w) => [w.payload.type, w.payload.data.ticket.assigneeId])).toEqual([
      ['ticket.created', null],
      ['ticket.assigned', 'agent-2'],
    ]);
    for (const webhook of receiver.received) {
      expect(webhook.payload.data.ticket.resources).toEqual([{ id: 'vm-web-1', type: 'vm', name: 'web-1', region: 'thr1' }]);
    }
  });

  it('mails nobody who takes a ticket themself or when it goes to nobody; a bulk assignment mails once a ticket', async () => {
    const { sink, receiver, asSara, asOmid, asCustomer } = await setUp();
    const first = await asCustomer.ticket.create(NEW_TICKET);
    await asOmid.ticket.assign({ id: first.id, assigneeId: 'agent-2' });
    await t.server.deliverNotifications();
    await asOmid.ticket.assign({ id: first.id, assigneeId: null });
    await t.server.deliverNotifications();
    expect(sink.mails).toEqual([]);

    const second = await asCustomer.ticket.create({ ...NEW_TICKET, subject: 'Second' });
    const results = await asSara.ticket.bulk({ ids: [first.id, second.id], action: { type: 'assign', assigneeId: 'agent-2' } });
    expect(results.results.every((r) => r.ok)).toBe(true);
    await t.server.deliverNotifications();
    expect(sink.mails.map((m) => m.subject).sort()).toEqual(
      [`[#${first.number}] ${NEW_TICKET.subject} — این درخواست به شما سپرده شد`, `[#${second.number}] Second — این درخواست به شما سپرده شد`].sort(),
    );
    expect(receiver.received.filter((w) => w.payload.type === 'ticket.assigned').map((w) => [w.payload.data.ticket.id, w.payload.data.ticket.assigneeId])).toEqual([
      [first.id, 'agent-2'],
      [first.id, null],
      [first.id, 'agent-2'],
      [second.id, 'agent-2'],
    ]);
  });
});
