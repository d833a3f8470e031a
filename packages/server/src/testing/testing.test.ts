// @vitest-environment happy-dom
// The testing entry where widget view tests use it: a DOM-like environment (happy-dom), whose
// Request, Response and fetch are not Node's.
import { describe, expect, it } from 'vitest';
import { apiClient, createTestServer, seedInOneTransaction, TestClock, tempDbFile } from './index';

const customer = { sub: 'c1', role: 'customer', org: 'acme', name: 'Cyrus' } as const;
const agent = { sub: 'a1', role: 'agent', name: 'Azar' } as const;
const NEW_TICKET = { subject: 'VM down', body: 'Since 10:00', category: 'technical' } as const;

describe('createTestServer', () => {
  it('serves the real router over app.fetch, batched or not, on the clock the test moves', async () => {
    expect(typeof document).toBe('object');
    const t = await createTestServer({ start: '2026-05-20T06:00:00Z' });
    try {
      const client = await t.clientFor(customer, { batch: true });
      const ticket = await client.ticket.create.mutate(NEW_TICKET);
      expect(ticket).toMatchObject({ createdAt: '2026-05-20T06:00:00.000Z', actions: ['reply', 'close'] });
      t.clock.advance(60_000);
      const [page, org] = await Promise.all([client.ticket.list.query(), client.org.get.query()]);
      expect(page.items.map((item) => item.id)).toEqual([ticket.id]);
      expect(org).toMatchObject({ id: 'acme', planId: 'developer' });
      await expect(apiClient(t.fetch, null).ticket.list.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
      // A relative URL, as a page on the API's own origin sends it.
      const health = await t.fetch('/health');
      expect(await health.json()).toEqual({ ok: true, database: 'up' });
    } finally {
      await t.close({ removeFile: true });
    }
  });

  it('calls procedures in-process as a person (createCaller), errors and all', async () => {
    const t = await createTestServer();
    try {
      const ticket = await (await t.callerFor(customer)).ticket.create(NEW_TICKET);
      const asAgent = await t.callerFor(agent);
      expect((await asAgent.ticket.get({ id: ticket.id })).actions).toEqual(['accept', 'reply', 'note', 'update', 'assign', 'close']);
      const stranger = await t.callerFor({ sub: 'x', role: 'customer', org: 'other' });
      await expect(stranger.ticket.get({ id: ticket.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await t.close({ removeFile: true });
    }
  });
});

describe('seedInOneTransaction', () => {
  it('writes through the procedures in one transaction, which a server then reads', async () => {
    const dbFile = tempDbFile();
    const clock = new TestClock('2026-05-20T06:00:00Z');
    await seedInOneTransaction(dbFile, clock.now, async (callerFor) => {
      const asCustomer = await callerFor(customer);
      for (let i = 0; i < 3; i++) await asCustomer.ticket.create({ ...NEW_TICKET, subject: `Ticket ${i}` });
    });
    await expect(seedInOneTransaction(dbFile, clock.now, async (callerFor) => {
      await (await callerFor(customer)).ticket.create(NEW_TICKET);
      throw new Error('half way');
    })).rejects.toThrow('half way');
    const t = await createTestServer({ dbFile, clock });
    try {
      const { items } = await (await t.callerFor(agent)).ticket.list({ sort: 'updated' });
      expect(items.map((item) => item.subject)).toEqual(['Ticket 2', 'Ticket 1', 'Ticket 0']);
    } finally {
      await t.close({ removeFile: true });
    }
  });
});
