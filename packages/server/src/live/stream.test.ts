import { DEFAULT_CALENDAR } from '@support-tickets/core';
import type { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthUser } from '../auth/token';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { silentLogger } from '../logger';
import { ensureOrganisation } from '../orgs/service';
import type { Caller } from '../tickets/access';
import { createChangeFeed, type ServiceDeps } from '../tickets/deps';
import { actOnTicket, createTicket } from '../tickets/service';
import { createEventFollower, type EventFollower } from './follower';
import { openChangeStream, parseLastEventId } from './stream';

// The follower and one subscriber's stream, on a real database without HTTP: the paths the
// integration tests cannot reach on purpose (a slow subscriber, a resume, the end).

const customer: AuthUser = { id: 'c1', role: 'customer', orgId: 'org-1', name: 'C', orgName: null };
const agent: Caller = { id: 'a1', role: 'agent', orgId: null, name: 'A' };

let deps: ServiceDeps;
let follower: EventFollower;

beforeEach(async () => {
  const database = await openDatabase();
  await runMigrations(database);
  deps = {
    database,
    now: () => new Date('2026-05-20T06:00:00Z'),
    autoCloseHours: 48,
    defaultCalendar: DEFAULT_CALENDAR,
    changes: createChangeFeed(silentLogger),
    knownOrgs: new Set(),
    log: silentLogger,
  };
  await ensureOrganisation(deps, customer);
  // A long poll: what arrives here arrives through the local wake-up.
  follower = createEventFollower({ database, changes: deps.changes, log: silentLogger, pollMs: 60_000 });
});
afterEach(async () => {
  await follower.close();
  deps.database.close();
});

async function newTicket(): Promise<string> {
  const created = await createTicket(deps, customer, { subject: 'S', body: 'B', category: 'technical' });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

async function note(id: string, n: number) {
  for (let i = 0; i < n; i++) await actOnTicket(deps, agent, id, { type: 'note', body: `note ${i}` });
}

async function take(stream: AsyncGenerator<readonly [string, { eventId: number; kind: string }, unknown]>, n: number) {
  const got: Array<{ id: string; eventId: number; kind: string }> = [];
  while (got.length < n) {
    const { value, done } = await stream.next();
    if (done) break;
    got.push({ id: value[0], eventId: value[1].eventId, kind: value[1].kind });
  }
  return got;
}

describe('a change stream', () => {
  it('starts at the newest event and yields later ones, tracked by event id', async () => {
    const id = await newTicket();
    const stream = await openChangeStream({ db: deps.database.db, follower, filter: { caller: agent, ticketId: null }, lastEventId: null, signal: undefined });
    await note(id, 2);
    const got = await take(stream, 2);
    expect(got.map((g) => g.kind)).toEqual(['note_added', 'note_added']);
    expect(got.map((g) => g.id)).toEqual(got.map((g) => String(g.eventId)));
    expect(got[0]!.eventId).toBeGreaterThan(1); // not the 'created' event from before
    await stream.return();
    expect(follower.listeners).toBe(0);
  });

  it('keeps up with a slow reader by going back to the table: every event once, in order', async () => {
    const id = await newTicket();
    const stream = await openChangeStream({
      db: deps.database.db,
      follower,
      filter: { caller: agent, ticketId: id },
      lastEventId: null,
      signal: undefined,
      maxQueue: 3,
      replayBatch: 4,
    });
    await note(id, 20); // far more than the queue holds before the first read
    const got = await take(stream, 20);
    const first = got[0]!.eventId;
    expect(got.map((g) => g.eventId)).toEqual(Array.from({ length: 20 }, (_, i) => first + i));
    await stream.return();
  });

  it('replays what followed the last event id, as the caller may see it', async () => {
    const id = await newTicket();
    await actOnTicket(deps, agent, id, { type: 'reply', body: 'hello' }); // assigned, replied, status_changed
    await note(id, 1);
    await actOnTicket(deps, customer, id, { type: 'close' });
    const stream = await openChangeStream({
      db: deps.database.db,
      follower,
      filter: { caller: customer, ticketId: null },
      lastEventId: 1, // after 'created'
      signal: undefined,
    });
    const got = await take(stream, 4);
    expect(got.map((g) => g.kind)).toEqual(['assigned', 'replied', 'status_changed', 'closed']);
    await stream.return();
  });

  it('ends when the client goes away, and leaves the follower', async () => {
    const abort = new AbortController();
    const stream = await openChangeStream({ db: deps.database.db, follower, filter: { caller: agent, ticketId: null }, lastEventId: null, signal: abort.signal });
    const next = stream.next();
    expect(follower.listeners).toBe(1);
    abort.abort();
    expect(await next).toEqual({ value: undefined, done: true });
    expect(follower.listeners).toBe(0);
  });

  it('fails with a retryable SERVICE_UNAVAILABLE when the server closes, and refuses new subscribers', async () => {
    const stream = await openChangeStream({ db: deps.database.db, follower, filter: { caller: agent, ticketId: null }, lastEventId: null, signal: undefined });
    const next = stream.next();
    await follower.close();
    await expect(next).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' } satisfies Partial<TRPCError>);
    await expect(
      openChangeStream({ db: deps.database.db, follower, filter: { caller: agent, ticketId: null }, lastEventId: null, signal: undefined }),
    ).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });
});

describe('the follower', () => {
  it('starts again from the newest event after everyone left', async () => {
    const id = await newTicket();
    const first = await follower.join({ onEvents() {}, onClose() {} });
    first.leave();
    await note(id, 3);
    const second = await follower.join({ onEvents() {}, onClose() {} });
    const [row] = await deps.database.db.$client.execute('SELECT max(id) AS id FROM ticket_events').then((r) => r.rows);
    expect(second.position).toBe(Number(row?.id));
    second.leave();
  });

  it('reads other processes\' changes on its timer while someone listens', async () => {
    const id = await newTicket();
    const quick = createEventFollower({ database: deps.database, changes: createChangeFeed(silentLogger), log: silentLogger, pollMs: 20 });
    const seen: string[] = [];
    const { leave } = await quick.join({ onEvents: (events) => seen.push(...events.map((e) => e.kind)), onClose() {} });
    await note(id, 1); // this feed is not the writer's: only the timer can find it
    for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(['note_added']);
    leave();
    await quick.close();
  });
});

describe('parseLastEventId', () => {
  it.each([
    ['42', 42],
    ['0', 0],
    [null, null],
    ['', null],
    ['-1', null],
    ['1e3', null],
    ['abc', null],
    ['9'.repeat(20), null],
  ])('%s → %s', (value, expected) => {
    expect(parseLastEventId(value)).toBe(expected);
  });
});
