import { CATEGORIES, PRIORITIES, STATUSES, type Category, type PlanId, type Priority } from '@support-tickets/core';
import type { RouterInputs, RouterOutputs, TokenClaims } from '@support-tickets/server';
import { seedInOneTransaction, type ApiCaller } from '@support-tickets/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, tempDbFile, TestClock, type Client, type TestServer } from './helpers/server';

// The agent queue at scale: 1,000 tickets over ten organisations on every kind of plan, in
// every status, made through the procedures in-process (so core decides every due time). The
// order and every filter are checked page by page against an independent sort and filter of
// the same rows.

const TICKETS = 1_000;
const MINUTE = 60_000;

type ListInput = NonNullable<RouterInputs['ticket']['list']>;
type Item = RouterOutputs['ticket']['list']['items'][number];
type Detail = RouterOutputs['ticket']['get'];

interface Row {
  id: string;
  org_id: string;
  org_name: string;
  plan_id: PlanId | 'custom';
  subject: string;
  category: Category;
  priority: Priority;
  status: (typeof STATUSES)[number];
  created_by: string;
  assignee_id: string | null;
  created_at: number;
  updated_at: number;
  due_at: number | null;
  closed_at: number | null;
}

const ORGS: Array<{ id: string; plan: RouterInputs['org']['setPlan'] }> = [
  { id: 'q-ent-1', plan: { orgId: 'q-ent-1', plan: 'enterprise' } },
  { id: 'q-ent-2', plan: { orgId: 'q-ent-2', plan: 'enterprise' } },
  { id: 'q-sme', plan: { orgId: 'q-sme', plan: 'sme' } },
  { id: 'q-biz-1', plan: { orgId: 'q-biz-1', plan: 'business' } },
  { id: 'q-biz-2', plan: { orgId: 'q-biz-2', plan: 'business' } },
  { id: 'q-dev-1', plan: { orgId: 'q-dev-1', plan: 'developer' } },
  { id: 'q-dev-2', plan: { orgId: 'q-dev-2', plan: 'developer' } },
  { id: 'q-dev-3', plan: { orgId: 'q-dev-3', plan: 'developer' } },
  { id: 'q-custom-247', plan: { orgId: 'q-custom-247', custom: { responseMinutes: { critical: 45, high: 300, low: 2_000 }, hours: '24/7' } } },
  { id: 'q-custom-office', plan: { orgId: 'q-custom-office', custom: { responseMinutes: { urgent: 180, normal: 600 }, hours: 'business' } } },
];

/** A small seeded generator (mulberry32): the same 1,000 tickets every run. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

let t: TestServer;
let agent1: Client;
let agent2: Client;
let rows: Row[];
let now: number;

const AGENTS: TokenClaims[] = [
  { sub: 'agent-1', role: 'agent', name: 'Sara Agent' },
  { sub: 'agent-2', role: 'agent', name: 'Omid Agent' },
];
// Named unlike their ids, so a row's organisation name is told apart from its id.
const customerOf = (org: string, n: number): TokenClaims => ({
  sub: `${org}-c${n}`,
  role: 'customer',
  org,
  orgName: `Organisation ${org.toUpperCase()}`,
  name: `Customer ${n}`,
});

beforeAll(async () => {
  const dbFile = tempDbFile();
  const clock = new TestClock('2026-05-04T06:00:00Z');
  await seedInOneTransaction(dbFile, clock.now, async (callerFor) => {
    const as = new Map<string, ApiCaller>();
    const caller = async (claims: TokenClaims) => {
      let found = as.get(claims.sub);
      if (!found) as.set(claims.sub, (found = await callerFor(claims)));
      return found;
    };
    const [agentA, agentB] = [await caller(AGENTS[0]!), await caller(AGENTS[1]!)];
    const offered = new Map<string, Priority[]>();
    for (const org of ORGS) {
      await (await caller(customerOf(org.id, 1))).org.get(); // the organisation, from its first request
      offered.set(org.id, (await agentA.org.setPlan(org.plan)).availablePriorities);
    }

    const rand = random(20260504);
    type Open = { id: string; orgId: string; customer: TokenClaims; status: string; priority: Priority };
    const open: Open[] = [];
    const track = (ticket: Detail, customer: TokenClaims) => {
      const index = open.findIndex((o) => o.id === ticket.id);
      if (ticket.status === 'closed') {
        if (index >= 0) open.splice(index, 1);
        return;
      }
      const entry = { id: ticket.id, orgId: ticket.orgId, customer, status: ticket.status, priority: ticket.priority };
      if (index >= 0) open[index] = entry;
      else open.push(entry);
    };

    for (let i = 0; i < TICKETS; i++) {
      clock.advance(Math.floor(rand.next() * 15) * MINUTE);
      const org = rand.pick(ORGS);
      const customer = customerOf(org.id, rand.next() < 0.5 ? 1 : 2);
      const category = rand.pick(CATEGORIES);
      const subject = rand.next() < 0.1 ? `Billing question #${i}` : `${category} issue #${i}`;
      const priority = rand.pick(offered.get(org.id)!);
      track(await (await caller(customer)).ticket.create({ subject, body: `Ticket ${i}`, category, priority }), customer);

      // Now and then, something happens to an open ticket.
      const acts = rand.next() < 0.8 ? (rand.next() < 0.3 ? 2 : 1) : 0;
      for (let k = 0; k < acts && open.length > 0; k++) {
        const target = rand.pick(open);
        const agent = rand.pick([agentA, agentB]);
        const them = await caller(target.customer);
        const roll = rand.next();
        let ticket: Detail;
        if (roll < 0.25 && target.status === 'awaiting_response') ticket = await agent.ticket.accept({ id: target.id });
        else if (roll < 0.5 && target.status !== 'awaiting_customer') ticket = await agent.ticket.reply({ id: target.id, body: 'Answer' });
        else if (roll < 0.65 && target.status === 'awaiting_customer') ticket = await them.ticket.reply({ id: target.id, body: 'More' });
        else if (roll < 0.8) ticket = await (rand.next() < 0.5 ? them : agent).ticket.close({ id: target.id });
        else {
          const change = rand.pick(offered.get(target.orgId)!.filter((p) => p !== target.priority));
          ticket = await agent.ticket.update({ id: target.id, priority: change });
        }
        track(ticket, target.customer);
      }
    }
  });

  clock.advance(30 * MINUTE);
  now = clock.ms;
  t = await startServer({ dbFile, clock });
  agent1 = await t.as('agent');
  agent2 = await t.as('agent2');
  rows = await t.query<Row>(
    `SELECT t.id, t.org_id, o.name AS org_name, o.plan_id, t.subject, t.category, t.priority, t.status, t.created_by, t.assignee_id,
            t.created_at, t.updated_at, t.due_at, t.closed_at
       FROM tickets t JOIN organisations o ON o.id = t.org_id`,
  );
}, 120_000);
afterAll(() => t.stop({ removeFile: true }));

/** SPEC §4's queue, written independently: open with a due time by due (breached first), then open without, oldest first, then closed, latest first. */
function queueKey(row: Row): [number, number] {
  if (row.status === 'closed') return [2, -(row.closed_at ?? 0)];
  if (row.due_at !== null) return [0, row.due_at];
  return [1, row.created_at];
}
function byQueue(a: Row, b: Row): number {
  const [ra, ka] = queueKey(a);
  const [rb, kb] = queueKey(b);
  return ra - rb || ka - kb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
function byUpdated(a: Row, b: Row): number {
  return b.updated_at - a.updated_at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

async function everyPage(client: Client, input: ListInput, limit = 100): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 200; page++) {
    const result = await client.ticket.list.query({ ...input, limit, ...(cursor ? { cursor } : {}) });
    expect(result.items.length).toBeLessThanOrEqual(limit);
    if (result.nextCursor) expect(result.items).toHaveLength(limit);
    items.push(...result.items);
    if (!result.nextCursor) return items;
    cursor = result.nextCursor;
  }
  throw new Error('too many pages');
}

describe(`the agent queue over ${TICKETS} tickets`, () => {
  it('was seeded with every status, plan and priority', () => {
    expect(rows).toHaveLength(TICKETS);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(STATUSES));
    expect(new Set(rows.map((r) => r.plan_id))).toEqual(new Set(['enterprise', 'sme', 'business', 'developer', 'custom']));
    expect(new Set(rows.map((r) => r.priority))).toEqual(new Set(PRIORITIES));
    const breached = rows.filter((r) => r.status !== 'closed' && r.due_at !== null && r.due_at <= now);
    expect(breached.length).toBeGreaterThan(20);
    expect(rows.filter((r) => r.status !== 'closed' && r.due_at !== null && r.due_at > now).length).toBeGreaterThan(20);
  });

  it.each([100, 37])('lists every ticket in queue order, %i a page', async (limit) => {
    const items = await everyPage(agent1, {}, limit);
    expect(items.map((i) => i.id)).toEqual([...rows].sort(byQueue).map((r) => r.id));
  });

  it('puts the breached first, shows each ticket as stored, and the name and plan of its organisation', async () => {
    const items = await everyPage(agent1, { sort: 'due' });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const firstOther = items.findIndex((i) => i.sla !== 'breached');
    expect(items.slice(firstOther).some((i) => i.sla === 'breached')).toBe(false);
    expect(firstOther).toBe(rows.filter((r) => r.status !== 'closed' && r.due_at !== null && r.due_at <= now).length);
    for (const item of items) {
      const row = byId.get(item.id)!;
      expect(item.dueAt).toBe(row.due_at === null ? null : new Date(row.due_at).toISOString());
      expect(item.orgName).toBe(row.org_name);
      expect(item.orgPlan).toBe(row.plan_id);
      expect(item.status).toBe(row.status);
    }
  });

  const filters: Array<[string, ListInput, (row: Row) => boolean]> = [
    ...STATUSES.map((status): [string, ListInput, (row: Row) => boolean] => [`status ${status}`, { status }, (r) => r.status === status]),
    ...PRIORITIES.map((priority): [string, ListInput, (row: Row) => boolean] => [`priority ${priority}`, { priority }, (r) => r.priority === priority]),
    ...CATEGORIES.map((category): [string, ListInput, (row: Row) => boolean] => [`category ${category}`, { category }, (r) => r.category === category]),
    ...['q-ent-1', 'q-dev-2', 'q-custom-office'].map((orgId): [string, ListInput, (row: Row) => boolean] => [`org ${orgId}`, { orgId }, (r) => r.org_id === orgId]),
    ...(['enterprise', 'sme', 'business', 'developer', 'custom'] as const).map((planId): [string, ListInput, (row: Row) => boolean] => [
      `plan ${planId}`,
      { planId },
      (r) => r.plan_id === planId,
    ]),
    ['assigned to me', { assignedToMe: true }, (r) => r.assignee_id === 'agent-1'],
    ['subject search, any case', { q: 'BILLING' }, (r) => r.subject.toLowerCase().includes('billing')],
    ['subject search for a number', { q: '#12' }, (r) => r.subject.includes('#12')],
    [
      'organisation, status and priority together',
      { orgId: 'q-ent-1', status: 'awaiting_response', priority: 'normal' },
      (r) => r.org_id === 'q-ent-1' && r.status === 'awaiting_response' && r.priority === 'normal',
    ],
    [
      'plan, category and assigned to me together',
      { planId: 'business', category: 'technical', assignedToMe: true },
      (r) => r.plan_id === 'business' && r.category === 'technical' && r.assignee_id === 'agent-1',
    ],
  ];

  it.each(filters)('filters by %s, in queue order', async (_label, input, keep) => {
    const expected = rows.filter(keep).sort(byQueue).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    const items = await everyPage(agent1, { ...input, sort: 'due' }, 50);
    expect(items.map((i) => i.id)).toEqual(expected);
  });

  it('sorts by the latest update when an agent asks', async () => {
    const items = await everyPage(agent2, { sort: 'updated', status: 'in_progress' });
    expect(items.map((i) => i.id)).toEqual(rows.filter((r) => r.status === 'in_progress').sort(byUpdated).map((r) => r.id));
  });
});

describe('customers and organisation admins', () => {
  it.each([
    ['q-ent-1', 1],
    ['q-dev-3', 2],
  ] as const)('customer %s-c%i sees their own tickets, latest update first, by default', async (org, n) => {
    const sub = `${org}-c${n}`;
    const items = await everyPage(await t.as({ sub, role: 'customer', org }), {}, 20);
    expect(items.map((i) => i.id)).toEqual(rows.filter((r) => r.created_by === sub).sort(byUpdated).map((r) => r.id));
  });

  it('an organisation admin sees the organisation’s, latest first, and may filter them', async () => {
    const admin = await t.as({ sub: 'q-biz-2-admin', role: 'org_admin', org: 'q-biz-2' });
    const items = await everyPage(admin, {}, 30);
    expect(items.map((i) => i.id)).toEqual(rows.filter((r) => r.org_id === 'q-biz-2').sort(byUpdated).map((r) => r.id));
    const waiting = await everyPage(admin, { status: 'awaiting_customer' }, 30);
    expect(waiting.map((i) => i.id)).toEqual(
      rows.filter((r) => r.org_id === 'q-biz-2' && r.status === 'awaiting_customer').sort(byUpdated).map((r) => r.id),
    );
  });
});
