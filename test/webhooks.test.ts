import { createTestServer, type TestServer } from '@support-tickets/server/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { PEOPLE, NEW_TICKET } from './helpers/server';
import { startReceiver } from './helpers/webhook-receiver';

// Webhooks end to end (SPEC §6): real receivers verify every signature with the Standard
// Webhooks library; `deliverNotifications()` runs the dispatcher's pass and waits for it.

let t: TestServer;
const receivers: Array<Awaited<ReturnType<typeof startReceiver>>> = [];
afterEach(async () => {
  await t?.close({ removeFile: true });
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function setUp(allowPrivate = true) {
  t = await createTestServer({ notifications: { webhookAllowPrivate: allowPrivate } });
  return { agent: await t.callerFor(PEOPLE.agent), customer: await t.callerFor(PEOPLE.customerA) };
}

async function endpoint(agent: Awaited<ReturnType<typeof setUp>>['agent'], options: { orgId?: string; events?: any[] } = {}, answer?: Parameters<typeof startReceiver>[0]) {
  const receiver = await startReceiver(answer);
  receivers.push(receiver);
  const created = await agent.webhook.create({ url: receiver.url, ...options });
  receiver.useSecret(created.secret);
  return { receiver, created };
}

const types = (r: { received: Array<{ payload: any }> }) => r.received.map((w) => w.payload.type);

describe('webhooks', () => {
  it('send each change to the endpoints that take it, signed; an organisation’s endpoint never sees a note', async () => {
    const { agent, customer } = await setUp();
    await customer.me.get(); // org-a exists
    const all = await endpoint(agent);
    const orgA = await endpoint(agent, { orgId: 'org-a' });
    await (await t.callerFor(PEOPLE.customerB)).me.get(); // org-b exists
    const orgB = await endpoint(agent, { orgId: 'org-b' });
    const closes = await endpoint(agent, { events: ['ticket.closed'] });
    expect(all.created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);

    const ticket = await customer.ticket.create(NEW_TICKET);
    await agent.ticket.note({ id: ticket.id, body: 'internal: check the hypervisor' });
    await agent.ticket.update({ id: ticket.id, priority: 'low' });
    await agent.ticket.reply({ id: ticket.id, body: 'Rebooted; fine now?' });
    await customer.ticket.close({ id: ticket.id });
    await t.server.deliverNotifications();

    const sequence = ['ticket.created', 'ticket.note_added', 'ticket.priority_changed', 'ticket.assigned', 'ticket.replied', 'ticket.status_changed', 'ticket.closed'];
    expect(types(all.receiver)).toEqual(sequence);
    expect(types(orgA.receiver)).toEqual(sequence.filter((type) => type !== 'ticket.note_added'));
    expect(orgB.receiver.received).toEqual([]);
    expect(types(closes.receiver)).toEqual(['ticket.closed']);
    for (const r of [all, orgA, closes]) expect(r.receiver.rejected).toEqual([]);

    const note = all.receiver.received[1]!.payload;
    expect(note).toMatchObject({ type: 'ticket.note_added', data: { orgId: 'org-a', message: { visibility: 'internal', body: 'internal: check the hypervisor' } } });
    const reply = orgA.receiver.received.find((w) => w.payload.type === 'ticket.replied')!.payload;
    expect(reply).toEqual({
      type: 'ticket.replied',
      timestamp: expect.any(String),
      data: { orgId: 'org-a', ticket: expect.objectContaining({ id: ticket.id, subject: NEW_TICKET.subject }), message: expect.objectContaining({ body: 'Rebooted; fine now?', authorRole: 'agent' }) },
    });
    expect(reply.data.ticket).not.toHaveProperty('messages');
    expect(orgA.receiver.received.at(-1)!.payload.data.ticket).toMatchObject({ status: 'closed', closedBy: 'customer' });
    // One notification, one webhook-id, whichever endpoint receives it.
    expect(all.receiver.received[0]!.id).toBe(orgA.receiver.received[0]!.id);
  });

  it('retries a 500 with the same webhook-id within 10 s, and logs each attempt', async () => {
    const { agent, customer } = await setUp();
    const { receiver, created } = await endpoint(agent, {}, (n) => ({ status: n === 1 ? 500 : 200 }));
    await customer.ticket.create(NEW_TICKET);
    await t.server.deliverNotifications();
    const [log] = (await agent.webhook.deliveries({ id: created.id })).items;
    expect(log).toMatchObject({ event: 'ticket.created', status: 'pending', attempts: [{ attempt: 1, statusCode: 500, error: 'HTTP 500' }] });
    const retryIn = Date.parse(log!.nextAttemptAt!) - t.clock.ms;
    expect(retryIn).toBeGreaterThan(0);
    expect(retryIn).toBeLessThanOrEqual(10_000);

    await t.server.deliverNotifications(); // not due yet: nothing sent
    expect(receiver.received).toHaveLength(1);
    t.clock.advance(retryIn);
    await t.server.deliverNotifications();
    expect(receiver.received.map((w) => [w.status, w.id])).toEqual([
      [500, log!.webhookId],
      [200, log!.webhookId],
    ]);
    const [after] = (await agent.webhook.deliveries({ id: created.id })).items;
    expect(after).toMatchObject({ status: 'delivered', nextAttemptAt: null });
    expect(after!.attempts.map((a) => [a.attempt, a.statusCode, a.error])).toEqual([
      [2, 200, null],
      [1, 500, 'HTTP 500'],
    ]);
  });

  it('disables an endpoint that answers 410; a test ping enables it again', async () => {
    const { agent, customer } = await setUp();
    const { receiver, created } = await endpoint(agent, {}, (n) => ({ status: n === 1 ? 410 : 204 }));
    const ticket = await customer.ticket.create(NEW_TICKET);
    await t.server.deliverNotifications();
    expect((await agent.webhook.list())[0]).toMatchObject({ id: created.id, disabledReason: 'The receiver answered 410 Gone.' });
    await customer.ticket.reply({ id: ticket.id, body: 'Any news?' });
    await t.server.deliverNotifications();
    expect(receiver.received).toHaveLength(1);

    await agent.webhook.test({ id: created.id });
    await t.server.deliverNotifications();
    expect(types(receiver)).toEqual(['ticket.created', 'ping']);
    expect(receiver.received[1]!.payload.data).toEqual({ orgId: null, ticket: null });
    expect((await agent.webhook.list())[0]).toMatchObject({ disabledAt: null });
  });

  it('redelivers a delivery with the same id and body', async () => {
    const { agent, customer } = await setUp();
    const { receiver, created } = await endpoint(agent);
    await customer.ticket.create(NEW_TICKET);
    await t.server.deliverNotifications();
    const [delivery] = (await agent.webhook.deliveries({ id: created.id })).items;
    await agent.webhook.redeliver({ deliveryId: delivery!.id });
    await t.server.deliverNotifications();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.id).toBe(receiver.received[0]!.id);
    expect(receiver.received[1]!.payload).toEqual(receiver.received[0]!.payload);
  });

  it('refuses URLs that resolve to loopback or private addresses, and other bad endpoints, clearly', async () => {
    const { agent, customer } = await setUp(false);
    for (const url of ['http://127.0.0.1:9/hook', 'http://localhost/hook', 'http://[::1]/hook', 'http://10.1.2.3/hook', 'http://169.254.169.254/latest', 'http://[::ffff:192.168.0.1]/']) {
      await expect(agent.webhook.create({ url }), url).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/non-public address/) });
    }
    await expect(agent.webhook.create({ url: 'ftp://example.com/x' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/https:\/\//) });
    await expect(agent.webhook.create({ url: 'not a url' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(agent.webhook.create({ url: 'https://user:pw@example.com/' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // @ts-expect-error not a notification type
    await expect(agent.webhook.create({ url: 'https://example.com/', events: ['ticket.exploded'] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(agent.webhook.create({ url: 'https://example.com/', orgId: 'no-such-org' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(customer.webhook.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(agent.webhook.deliveries({ id: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await agent.webhook.list()).toEqual([]);
  });

  it('never delays the others for a slow endpoint', async () => {
    t = await createTestServer({ notifications: { webhookAllowPrivate: true, webhookTimeoutMs: 5_000, pollMs: 50 } });
    const agent = await t.callerFor(PEOPLE.agent);
    const slow = await endpoint(agent, {}, () => ({ status: 204, delayMs: 4_000 }));
    const fast = await endpoint(agent);
    t.server.startScheduler();
    const customer = await t.callerFor(PEOPLE.customerA);
    for (let i = 0; i < 6; i++) await customer.ticket.create({ ...NEW_TICKET, subject: `Outage ${i}` });
    await fast.receiver.until(() => fast.receiver.received.length === 6);
    // The slow receiver has answered none of its six yet: the fast one never waited on it.
    expect(slow.receiver.received).toHaveLength(0);
  });
});
