import type { RouterOutputs } from '@support-tickets/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCode, HOUR, MINUTE, NEW_TICKET, startServer, type Client, type TestServer } from './helpers/server';

// What the agent view's organisation panel and SLA dashboard read: org.list and sla.overview,
// against expectations worked out by hand on a clock the test moves.

const DAY = 24 * HOUR;

describe('org.list', () => {
  let t: TestServer;
  let agent: Client;

  beforeAll(async () => {
    t = await startServer({ start: '2026-05-20T06:00:00Z' });
    agent = await t.as('agent');
    // Created by their first tokens, with the display names the tokens carry.
    const orgs = [
      ['acme', 'Acme Cloud', 2, 1],
      ['zeta', 'zeta labs', 0, 0],
      ['beta', 'Beta Corp', 1, 2],
      ['alpha-2', 'alpha', 3, 0],
      ['alpha-1', 'Alpha', 0, 1],
    ] as const;
    for (const [org, orgName, open, closed] of orgs) {
      const customer = await t.as({ sub: `${org}-c`, role: 'customer', org, orgName, name: 'C' });
      await customer.org.get.query();
      for (let i = 0; i < open + closed; i++) {
        const ticket = await customer.ticket.create.mutate(NEW_TICKET);
        if (i >= open) await customer.ticket.close.mutate({ id: ticket.id });
      }
    }
    await agent.org.setPlan.mutate({ orgId: 'acme', plan: 'enterprise' });
    await agent.org.setPlan.mutate({ orgId: 'beta', custom: { responseMinutes: { high: 90 }, hours: '24/7' } });
  });
  afterAll(() => t.stop({ removeFile: true }));

  it('lists organisations by name regardless of case, with plan and open tickets', async () => {
    const { items, nextCursor } = await agent.org.list.query();
    expect(nextCursor).toBeNull();
    expect(items).toEqual([
      { id: 'acme', name: 'Acme Cloud', planId: 'enterprise', openTickets: 2 },
      { id: 'alpha-1', name: 'Alpha', planId: 'developer', openTickets: 0 },
      { id: 'alpha-2', name: 'alpha', planId: 'developer', openTickets: 3 },
      { id: 'beta', name: 'Beta Corp', planId: 'custom', openTickets: 1 },
      { id: 'zeta', name: 'zeta labs', planId: 'developer', openTickets: 0 },
    ]);
  });

  it('pages through the same order with a cursor', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await agent.org.list.query({ limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(['acme', 'alpha-1', 'alpha-2', 'beta', 'zeta']);
  });

  it('searches name or id, any case, and filters by plan', async () => {
    expect((await agent.org.list.query({ q: 'ALPH' })).items.map((o) => o.id)).toEqual(['alpha-1', 'alpha-2']);
    expect((await agent.org.list.query({ q: 'labs' })).items.map((o) => o.id)).toEqual(['zeta']);
    expect((await agent.org.list.query({ q: 'me' })).items.map((o) => o.id)).toEqual(['acme']);
    expect((await agent.org.list.query({ q: '%' })).items).toEqual([]);
    expect((await agent.org.list.query({ planId: 'developer' })).items.map((o) => o.id)).toEqual(['alpha-1', 'alpha-2', 'zeta']);
    expect((await agent.org.list.query({ planId: 'custom', q: 'corp' })).items.map((o) => o.id)).toEqual(['beta']);
  });

  it('is for agents only, and refuses a cursor that is not its own', async () => {
    await expectCode((await t.as('adminA')).org.list.query(), 'FORBIDDEN');
    await expectCode((await t.as('customerA')).org.list.query(), 'FORBIDDEN');
    await expectCode(agent.org.list.query({ cursor: 'bm90LWEtY3Vyc29y' }), 'BAD_REQUEST');
    await expectCode(agent.org.list.query({ limit: 0 }), 'BAD_REQUEST');
  });
});

describe('sla.overview', () => {
  let t: TestServer;
  let agent: Client;
  let ent: Client;
  let biz: Client;
  const NOW = Date.parse('2026-06-01T12:00:00Z');
  const at = (offset: number) => t.clock.set(NOW + offset);

  async function open(client: Client, priority: 'critical' | 'urgent' | 'high' | 'normal' | 'low', offset: number) {
    at(offset);
    return client.ticket.create.mutate({ ...NEW_TICKET, priority });
  }

  beforeAll(async () => {
    t = await startServer({ start: new Date(NOW - 41 * DAY) });
    agent = await t.as('agent');
    ent = await t.as({ sub: 'ent-c', role: 'customer', org: 'ent' });
    biz = await t.as({ sub: 'biz-c', role: 'customer', org: 'biz' });
    await ent.org.get.query();
    await biz.org.get.query();
    await agent.org.setPlan.mutate({ orgId: 'ent', plan: 'enterprise' }); // 24/7: critical 30 min … low 24 h
    await agent.org.setPlan.mutate({ orgId: 'biz', plan: 'business' }); // 24/7: urgent 2 h … low 48 h

    // Z: 40 days ago, answered in an hour (met, outside both windows), closed.
    const z = await open(ent, 'normal', -40 * DAY);
    at(-40 * DAY + HOUR);
    await agent.ticket.reply.mutate({ id: z.id, body: 'done' });
    await ent.ticket.close.mutate({ id: z.id });
    // A: 20 days ago, normal (12 h), answered after 1 h: met (30 days only); closed.
    const a = await open(ent, 'normal', -20 * DAY);
    at(-20 * DAY + HOUR);
    await agent.ticket.reply.mutate({ id: a.id, body: 'done' });
    await ent.ticket.close.mutate({ id: a.id });
    // B: 10 days ago, critical (30 min), answered after 2 h: missed at its due (30 days only); closed.
    const b = await open(ent, 'critical', -10 * DAY);
    at(-10 * DAY + 2 * HOUR);
    await agent.ticket.reply.mutate({ id: b.id, body: 'late' });
    await ent.ticket.close.mutate({ id: b.id });
    // C: 3 days ago, business urgent (2 h), answered after 1 h: met. The customer answers 4 h
    // later; the new cycle (due 2 h on) is never answered: missed, and the ticket breached now.
    const c = await open(biz, 'urgent', -3 * DAY);
    at(-3 * DAY + HOUR);
    await agent.ticket.reply.mutate({ id: c.id, body: 'try this' });
    at(-3 * DAY + 5 * HOUR);
    await biz.ticket.reply.mutate({ id: c.id, body: 'still broken' });
    // D: 2 days ago, high (4 h); the customer closes it after 1 h, unanswered: met, as slaState has it.
    const d = await open(ent, 'high', -2 * DAY);
    at(-2 * DAY + HOUR);
    await ent.ticket.close.mutate({ id: d.id });
    // E: low (24 h) opened 25 h ago, never answered: missed an hour ago, breached now.
    await open(ent, 'low', -25 * HOUR);
    // F: normal (12 h) opened 10 h ago: 2 h left of 12, under a quarter: at risk.
    await open(ent, 'normal', -10 * HOUR);
    // H: urgent (1 h) 3 h ago, answered 30 min later: met; waiting on the customer (paused).
    const h = await open(ent, 'urgent', -3 * HOUR);
    at(-3 * HOUR + 30 * MINUTE);
    await agent.ticket.reply.mutate({ id: h.id, body: 'answered' });
    // G: business low (48 h) opened an hour ago: on track.
    await open(biz, 'low', -HOUR);
    at(0);
  });
  afterAll(() => t.stop({ removeFile: true }));

  it('counts open tickets by SLA state per plan and priority', async () => {
    const overview = await agent.sla.overview.query();
    expect(overview.generatedAt).toBe('2026-06-01T12:00:00.000Z');
    const nonEmpty = overview.open.filter((row) => row.total > 0);
    const zero = { breached: 0, atRisk: 0, onTrack: 0, paused: 0, none: 0 };
    expect(nonEmpty).toEqual([
      { planId: 'enterprise', priority: 'urgent', ...zero, paused: 1, total: 1 }, // H
      { planId: 'enterprise', priority: 'normal', ...zero, atRisk: 1, total: 1 }, // F
      { planId: 'enterprise', priority: 'low', ...zero, breached: 1, total: 1 }, // E
      { planId: 'business', priority: 'urgent', ...zero, breached: 1, total: 1 }, // C
      { planId: 'business', priority: 'low', ...zero, onTrack: 1, total: 1 }, // G
    ]);
    // The grid keeps every offered pair of the plan table.
    expect(overview.open).toHaveLength(16);
  });

  it('reports the share of response cycles met over the last 7 and 30 days', async () => {
    const { compliance } = await agent.sla.overview.query({});
    // 7 days: met C1, D, H; missed C2, E.
    expect(compliance.last7Days).toEqual({ met: 3, missed: 2, total: 5, share: 0.6, level: 'poor' });
    // 30 days: also A (met) and B (missed).
    expect(compliance.last30Days).toEqual({ met: 4, missed: 3, total: 7, share: 4 / 7, level: 'poor' });
  });

  it('moves with the clock: a week later the old cycles leave the 7-day window and F is breached', async () => {
    at(7 * DAY);
    try {
      const overview: RouterOutputs['sla']['overview'] = await agent.sla.overview.query();
      expect(overview.compliance.last7Days).toEqual({ met: 0, missed: 2, total: 2, share: 0, level: 'poor' }); // F and G passed their due
      expect(overview.open.find((r) => r.planId === 'enterprise' && r.priority === 'normal')).toMatchObject({ breached: 1, atRisk: 0 });
    } finally {
      at(0);
    }
  });

  it('is for agents only', async () => {
    await expectCode(ent.sla.overview.query(), 'FORBIDDEN');
    await expectCode((await t.as({ sub: 'ent-admin', role: 'org_admin', org: 'ent' })).sla.overview.query(), 'FORBIDDEN');
  });
});
