import type { RouterInputs } from '@support-tickets/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, MINUTE, NEW_TICKET, startServer, type Client, type TestServer } from './helpers/server';

// ticket.list: the agent queue order, keyset pagination, filters and subject search.

let t: TestServer;
let agent: Client;

beforeAll(async () => {
  t = await startServer({ start: '2026-05-20T06:00:00Z' });
  agent = await t.as('agent');
});
afterAll(() => t.stop({ removeFile: true }));

async function orgOn(plan: 'enterprise' | 'business' | 'developer', org: string) {
  const client = await t.as({ sub: `${org}-customer`, role: 'customer', org });
  await client.org.get.query();
  await agent.org.setPlan.mutate({ orgId: org, plan });
  return client;
}

async function all(client: Client, input: Parameters<Client['ticket']['list']['query']>[0] = {}) {
  const items = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await client.ticket.list.query({ ...input, ...(cursor ? { cursor } : {}) });
    items.push(...result.items);
    if (!result.nextCursor) return items;
    cursor = result.nextCursor;
  }
  throw new Error('too many pages');
}

describe('the agent queue', () => {
  it('puts breached first, then the earliest due, then tickets without a running clock, closed last', async () => {
    const queue = await startServer({ start: '2026-05-20T06:00:00Z' });
    try {
      const support = await queue.as('agent');
      const ent = await queue.as({ sub: 'q-ent', role: 'customer', org: 'q-ent' });
      const biz = await queue.as({ sub: 'q-biz', role: 'customer', org: 'q-biz' });
      await ent.org.get.query();
      await biz.org.get.query();
      await support.org.setPlan.mutate({ orgId: 'q-ent', plan: 'enterprise' });
      await support.org.setPlan.mutate({ orgId: 'q-biz', plan: 'business' });

      const normal = await ent.ticket.create.mutate({ ...NEW_TICKET, subject: 'normal 12h' }); // due 18:00
      const breached = await ent.ticket.create.mutate({ ...NEW_TICKET, subject: 'critical 30m', priority: 'critical' }); // due 06:30
      const low = await biz.ticket.create.mutate({ ...NEW_TICKET, subject: 'low 48h', priority: 'low' }); // due +48h
      const urgent = await biz.ticket.create.mutate({ ...NEW_TICKET, subject: 'urgent 2h', priority: 'urgent' }); // due 08:00
      const waiting = await ent.ticket.create.mutate({ ...NEW_TICKET, subject: 'waiting' });
      await support.ticket.reply.mutate({ id: waiting.id, body: 'Which region?' });
      const closed = await biz.ticket.create.mutate({ ...NEW_TICKET, subject: 'closed' });
      await biz.ticket.close.mutate({ id: closed.id });

      queue.clock.advance(HOUR); // 07:00: the critical one is 30 min late
      const { items, nextCursor } = await support.ticket.list.query();
      expect(nextCursor).toBeNull();
      expect(items.map((i) => i.subject)).toEqual(['critical 30m', 'urgent 2h', 'normal 12h', 'low 48h', 'waiting', 'closed']);
      expect(items.map((i) => i.sla)).toEqual(['breached', 'on_track', 'on_track', 'on_track', 'paused', 'met']);
      expect(items[0]).toMatchObject({ id: breached.id, timeLeftMinutes: -30, orgPlan: 'enterprise' });
      expect(items.map((i) => i.id)).toEqual([breached.id, urgent.id, normal.id, low.id, waiting.id, closed.id]);

      // The same order, a page at a time.
      const paged = [];
      let cursor: string | undefined;
      do {
        const page = await support.ticket.list.query({ limit: 2, ...(cursor ? { cursor } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(2);
        paged.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(paged).toEqual(items.map((i) => i.id));
    } finally {
      await queue.stop({ removeFile: true });
    }
  });

  it('agents may ask for the most recently updated first instead', async () => {
    const client = await orgOn('enterprise', 'upd-org');
    const first = await client.ticket.create.mutate({ ...NEW_TICKET, subject: 'first' });
    t.clock.advance(MINUTE);
    const second = await client.ticket.create.mutate({ ...NEW_TICKET, subject: 'second' });
    t.clock.advance(MINUTE);
    await client.ticket.reply.mutate({ id: first.id, body: 'bump' });
    const { items } = await agent.ticket.list.query({ orgId: 'upd-org', sort: 'updated' });
    expect(items.map((i) => i.id)).toEqual([first.id, second.id]);
  });
});

describe('pagination', () => {
  it('walks every ticket exactly once, in order, whatever the page size (never OFFSET)', async () => {
    const client = await orgOn('enterprise', 'page-org');
    const created: string[] = [];
    for (let i = 0; i < 31; i++) {
      created.push((await client.ticket.create.mutate({ ...NEW_TICKET, subject: `page ticket ${i}` })).id);
      // Several tickets share a timestamp: the id breaks ties.
      if (i % 3 === 0) t.clock.advance(1000);
    }
    for (const limit of [1, 7, 25, 100]) {
      const items = await all(client, { limit });
      expect(items.map((i) => i.id)).toEqual([...created].reverse());
      const queue = await all(agent, { orgId: 'page-org', limit });
      expect(new Set(queue.map((i) => i.id)).size).toBe(31);
    }
    expect((await client.ticket.list.query()).items).toHaveLength(25); // the default page
  });

  it('does not repeat or skip items when tickets are created between pages', async () => {
    const client = await orgOn('enterprise', 'moving-org');
    const before: string[] = [];
    for (let i = 0; i < 6; i++) {
      before.push((await client.ticket.create.mutate({ ...NEW_TICKET, subject: `m${i}` })).id);
      t.clock.advance(1000);
    }
    const first = await client.ticket.list.query({ limit: 3 });
    await client.ticket.create.mutate({ ...NEW_TICKET, subject: 'late arrival' });
    const second = await client.ticket.list.query({ limit: 3, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual([...before].reverse());
  });
});

describe('filters and search', () => {
  let client: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    client = await orgOn('enterprise', 'filter-org');
    const make = async (key: string, input: Partial<RouterInputs['ticket']['create']>) => {
      ids[key] = (await client.ticket.create.mutate({ ...NEW_TICKET, ...input })).id;
      t.clock.advance(1000);
    };
    await make('percent', { subject: 'Disk 100% full', category: 'technical', priority: 'high' });
    await make('plain', { subject: 'Disk 100 full', category: 'technical' });
    await make('underscore', { subject: 'var_log rotation', category: 'sales', priority: 'low' });
    await make('lookalike', { subject: 'varXlog rotation', category: 'financial', priority: 'urgent' });
    await make('backslash', { subject: 'C:\\temp is read-only', category: 'activation' });
    await agent.ticket.accept.mutate({ id: ids.plain! });
    await agent.ticket.reply.mutate({ id: ids.underscore!, body: 'done?' });
    await (await t.as('agent2')).ticket.accept.mutate({ id: ids.lookalike! });
  });

  const found = async (input: Parameters<Client['ticket']['list']['query']>[0], who: Client = client) =>
    (await who.ticket.list.query({ ...input, ...(who === agent ? { orgId: 'filter-org' } : {}) })).items.map((i) => i.id).sort();

  it('by status, priority and category', async () => {
    expect(await found({ status: 'in_progress' })).toEqual([ids.plain, ids.lookalike].sort());
    expect(await found({ status: 'awaiting_customer' })).toEqual([ids.underscore]);
    expect(await found({ priority: 'high' })).toEqual([ids.percent]);
    expect(await found({ category: 'technical' })).toEqual([ids.percent, ids.plain].sort());
    expect(await found({ category: 'technical', priority: 'normal' })).toEqual([ids.plain]);
    expect(await found({ status: 'closed' })).toEqual([]);
  });

  it('assigned to me', async () => {
    expect(await found({ assignedToMe: true }, agent)).toEqual([ids.plain, ids.underscore].sort());
    expect(await found({ assignedToMe: true }, await t.as('agent2'))).toEqual([ids.lookalike]);
    expect(await found({ assignedToMe: true })).toEqual([]);
  });

  it('searches subjects case-insensitively, with %, _ and \\ matching themselves', async () => {
    expect(await found({ q: 'disk' })).toEqual([ids.percent, ids.plain].sort());
    expect(await found({ q: '100%' })).toEqual([ids.percent]);
    expect(await found({ q: 'var_log' })).toEqual([ids.underscore]);
    expect(await found({ q: 'C:\\temp' })).toEqual([ids.backslash]);
    expect(await found({ q: '%' })).toEqual([ids.percent]);
    expect(await found({ q: '   ' })).toHaveLength(5); // blank search: no filter
    expect(await found({ q: 'nothing like this' })).toEqual([]);
  });
});

describe('a customer’s list in attention order', () => {
  it('puts what waits on them first, then what is open, closed last, newest first within each, every ticket once across pages', async () => {
    const customer = await t.as({ sub: 'att-customer', role: 'customer', org: 'att-org' });
    const admin = await t.as({ sub: 'att-admin', role: 'org_admin', org: 'att-org' });
    const open = async (subject: string) => (await customer.ticket.create.mutate({ ...NEW_TICKET, subject })).id;
    const closedLast = await open('closed, changed last');
    const waitingOld = await open('waiting, older');
    const openOld = await open('open, older');
    const waitingNew = await open('waiting, newer');
    const openNew = await open('open, newer');
    for (const id of [waitingOld, waitingNew]) {
      t.clock.advance(MINUTE);
      await agent.ticket.reply.mutate({ id, body: 'Over to you.' });
    }
    t.clock.advance(MINUTE);
    await customer.ticket.close.mutate({ id: closedLast });
    const expected = [waitingNew, waitingOld, openNew, openOld, closedLast];
    for (const reader of [customer, admin]) {
      expect((await all(reader, { sort: 'attention', limit: 2 })).map((ticket) => ticket.id)).toEqual(expected);
    }
    // A cursor of one order is refused by another.
    const { nextCursor } = await customer.ticket.list.query({ sort: 'attention', limit: 1 });
    await expect(customer.ticket.list.query({ sort: 'updated', cursor: nextCursor! })).rejects.toThrow(/attention/);
  });
});
