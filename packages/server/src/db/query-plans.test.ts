import { DEFAULT_CALENDAR } from '@support-tickets/core';
import type { Logger as QueryLogger } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvents } from '../live/events';
import { silentLogger } from '../logger';
import { listOrganisations } from '../orgs/list';
import { ensureOrganisation } from '../orgs/service';
import { closeDueTickets, nextAutoCloseAt } from '../scheduler/close-due';
import { slaOverview } from '../sla/overview';
import type { Caller } from '../shared/caller';
import { createServiceDeps, type ServiceDeps } from '../shared/deps';
import { listMessages } from '../tickets/messages';
import { getTicket, listTickets } from '../tickets/queries';
import { actOnTicket, createTicket } from '../tickets/service';
import { openDatabase } from './client';
import { runMigrations } from './migrate';

// The hot reads must stay flat as the tables grow: each is checked with SQLite's own
// EXPLAIN QUERY PLAN on the statements the services really send, not on SQL written here.

const HOUR = 3_600_000;
const expiresAt = new Date(Date.now() + HOUR);
const customer: Caller = { userId: 'c1', role: 'customer', orgId: 'org-1', name: 'C', orgName: null, email: null, locale: null, expiresAt };
const orgAdmin: Caller = { userId: 'admin-1', role: 'org_admin', orgId: 'org-1', name: 'Admin', orgName: null, email: null, locale: null, expiresAt };
const agent: Caller = { userId: 'a1', role: 'agent', orgId: null, name: 'A', orgName: null, email: null, locale: null, expiresAt };

/** Tables that grow with the business; a full scan of one is what this test forbids. */
const GROWING = ['organisations', 'tickets', 'response_cycles', 'messages', 'ticket_events'];

interface Statement {
  query: string;
  params: unknown[];
}

let deps: ServiceDeps;
let statements: Statement[] = [];
const now = new Date('2026-05-20T06:00:00Z');

beforeAll(async () => {
  const queryLogger: QueryLogger = { logQuery: (query, params) => statements.push({ query, params }) };
  const database = await openDatabase({ queryLogger });
  await runMigrations(database);
  deps = createServiceDeps(database, { now: () => now, autoCloseHours: 48, defaultCalendar: DEFAULT_CALENDAR, log: silentLogger });
  await ensureOrganisation(deps, customer);
  await ensureOrganisation(deps, { ...customer, userId: 'c2', orgId: 'org-2' });
  // Tickets in every state, so no plan is chosen because a table is empty.
  for (let i = 0; i < 12; i++) {
    const created = await createTicket(deps, i % 2 ? customer : { ...customer, userId: 'c2', orgId: 'org-2' }, {
      subject: `Ticket ${i}`,
      body: 'Body',
      category: 'technical',
    });
    if (!created.ok) throw new Error(created.error.message);
    if (i % 3 === 1) await actOnTicket(deps, agent, created.value.id, { type: 'reply', body: 'Answer' });
    if (i % 4 === 2) await actOnTicket(deps, agent, created.value.id, { type: 'close' });
  }
});
afterAll(() => deps.database.close());

/** What a case sent before this (setting up a cursor, say) is not checked. */
const checkFromHere = () => {
  statements = [];
};

/** The plans of every read `run` sent, one line per plan step. */
async function plansOf(run: () => Promise<unknown>): Promise<Array<{ query: string; plan: string[] }>> {
  statements = [];
  await run();
  const reads = statements.filter((s) => /^\s*select/i.test(s.query));
  expect(reads.length, 'the call sent no SELECT').toBeGreaterThan(0);
  const client = deps.database.db.$client;
  return Promise.all(
    reads.map(async ({ query, params }) => {
      const result = await client.execute({ sql: `EXPLAIN QUERY PLAN ${query}`, args: params as never });
      return { query, plan: result.rows.map((row) => String(row['detail'])) };
    }),
  );
}

/**
 * What grows with the tables: a scan of a growing table (even along an index), or a sort of
 * everything a read matched. A sort of ties only ("RIGHT PART OF ORDER BY") is fine. A case
 * lists the steps it may take, each with why it stays bounded.
 */
function problems(plans: Array<{ query: string; plan: string[] }>, allowed: RegExp[] = []): string[] {
  return plans.flatMap(({ query, plan }) =>
    plan
      .filter(
        (step) =>
          GROWING.some((table) => new RegExp(`^SCAN ${table}\\b`).test(step)) || /^USE TEMP B-TREE FOR (ORDER|GROUP) BY/.test(step),
      )
      .filter((step) => !allowed.some((pattern) => pattern.test(step)))
      .map((step) => `${step}   <-   ${query}`),
  );
}

const value = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

// An index read in order from its start (a first page) stops at the page size.
const QUEUE_ORDER = /^SCAN tickets USING INDEX tickets_queue_idx$/;
const NAME_ORDER = /^SCAN organisations USING INDEX organisations_name_idx$/;

const cases: Array<[string, () => Promise<unknown>, RegExp[]?]> = [
  ['a customer’s tickets by update time', () => listTickets(deps, customer, {})],
  [
    'a customer’s tickets, next page',
    async () => {
      const first = value(await listTickets(deps, customer, { limit: 2 }));
      checkFromHere();
      return listTickets(deps, customer, { limit: 2, cursor: first.nextCursor! });
    },
  ],
  ['an organisation’s tickets (org admin)', () => listTickets(deps, orgAdmin, {})],
  ['a customer’s tickets in attention order', () => listTickets(deps, customer, { sort: 'attention' })],
  [
    'a customer’s tickets in attention order, next page',
    async () => {
      const first = value(await listTickets(deps, customer, { sort: 'attention', limit: 2 }));
      checkFromHere();
      return listTickets(deps, customer, { sort: 'attention', limit: 2, cursor: first.nextCursor! });
    },
  ],
  ['an organisation’s tickets in attention order (org admin)', () => listTickets(deps, orgAdmin, { sort: 'attention' })],
  ['the agent queue by due time', () => listTickets(deps, agent, {}), [QUEUE_ORDER]],
  [
    'the agent queue, next page',
    async () => {
      const first = value(await listTickets(deps, agent, { limit: 2 }));
      checkFromHere();
      return listTickets(deps, agent, { limit: 2, cursor: first.nextCursor! });
    },
  ],
  ['the agent queue filtered by status', () => listTickets(deps, agent, { status: 'awaiting_response' })],
  ['one organisation’s tickets in the queue’s order (agent)', () => listTickets(deps, agent, { orgId: 'org-1' })],
  [
    'one ticket with its thread',
    async () => {
      const page = value(await listTickets(deps, agent, { limit: 1 }));
      checkFromHere();
      return getTicket(deps, agent, page.items[0]!.id);
    },
  ],
  [
    'a ticket’s older messages',
    async () => {
      const ticketId = value(await listTickets(deps, agent, { limit: 1 })).items[0]!.id;
      for (let i = 0; i < 3; i++) await actOnTicket(deps, agent, ticketId, { type: 'note', body: `Note ${i}` });
      const first = value(await listMessages(deps, agent, ticketId, { limit: 1 }));
      checkFromHere();
      return listMessages(deps, agent, ticketId, { limit: 1, before: first.nextCursor! });
    },
  ],
  // The full-text index finds the matches; the tickets are then read by id.
  ['an agent’s search', () => listTickets(deps, agent, { q: 'ticket' })],
  ['a customer’s search, in the list’s order', () => listTickets(deps, customer, { q: 'ticket', sort: 'updated' })],
  ['the earliest auto-close time', () => nextAutoCloseAt(deps)],
  ['the auto-close sweep', () => closeDueTickets(deps)],
  ['the live follower’s next events', () => readEvents(deps.database.db, 3, 100)],
  // Sorted: the events of one customer's own tickets after the point it resumes from.
  ['a customer’s replay of missed events', () => readEvents(deps.database.db, 3, 100, { caller: customer, ticketId: null }), [/^USE TEMP B-TREE FOR ORDER BY$/]],
  ['the organisations directory', () => listOrganisations(deps, agent, {}), [NAME_ORDER]],
  [
    'the organisations directory, next page',
    async () => {
      const first = value(await listOrganisations(deps, agent, { limit: 1 }));
      checkFromHere();
      return listOrganisations(deps, agent, { limit: 1, cursor: first.nextCursor! });
    },
  ],
  // Sorted: the open tickets, which the report counts one by one; closed ones are never read.
  ['the SLA overview', () => slaOverview(deps), [/^USE TEMP B-TREE FOR ORDER BY$/]],
];

describe('query plans of the hot reads', () => {
  it.each(cases)('%s reads through indexes, without a full scan or sort', async (_name, run, allowed) => {
    const plans = await plansOf(run);
    expect(problems(plans, allowed)).toEqual([]);
  });

  it.each([
    ['a customer', () => listTickets(deps, customer, {})],
    ['an org admin', () => listTickets(deps, orgAdmin, {})],
    ['an agent, latest updated', () => listTickets(deps, agent, { sort: 'updated' })],
  ] as const)('reads %s’s newest first without sorting tickets changed at one instant', async (_who, run) => {
    // A bulk action gives hundreds of tickets one time: their ties are read in the index's order.
    const plans = await plansOf(run);
    expect(plans.flatMap(({ plan }) => plan).filter((step) => /TEMP B-TREE/.test(step))).toEqual([]);
  });

  it.each([
    ['ranked', { q: 'ticket' }],
    ['in the list’s order', { q: 'ticket', sort: 'updated' }],
  ] as const)('reads a customer’s search %s by id, not through every ticket of theirs', async (_order, query) => {
    // Their own index would serve the conditions too, and read all of the customer's tickets.
    const plans = await plansOf(() => listTickets(deps, customer, query));
    const ticketSteps = plans.flatMap(({ plan }) => plan).filter((step) => /\btickets\b/.test(step));
    expect(ticketSteps.length).toBeGreaterThan(0);
    expect(ticketSteps.every((step) => /USING INDEX sqlite_autoindex_tickets_1 \(id=\?\)/.test(step))).toBe(true);
  });

  it('notices a full scan when there is one', async () => {
    // The check itself: a read on an unindexed column must be caught.
    const plans = await plansOf(() => deps.database.db.query.tickets.findMany({ where: (t, { eq }) => eq(t.subject, 'Ticket 1') }));
    expect(problems(plans)).toEqual([expect.stringMatching(/^SCAN tickets/)]);
  });
});
