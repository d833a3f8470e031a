import { DEFAULT_CALENDAR } from '@support-tickets/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { silentLogger } from '../logger';
import { ensureOrganisation } from '../orgs/service';
import { SYSTEM_CALLER, type Caller } from '../shared/caller';
import { createChangeFeed, createServiceDeps, type ServiceDeps } from '../shared/deps';
import { ServiceFailure } from '../shared/result';
import { actOnTicket, createTicket } from '../tickets/service';
import { createEventFollower, type EventFollower } from './follower';
import { openChangeStream } from './stream';

// The follower and one subscriber's stream, on a real database without HTTP: the paths the
// integration tests cannot reach on purpose (a slow subscriber, a resume, the end).

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const customer: Caller = { userId: 'c1', role: 'customer', orgId: 'org-1', name: 'C', orgName: null, email: null, locale: null, expiresAt: new Date(Date.now() + HOUR) };
const agent: Caller = { ...SYSTEM_CALLER, userId: 'a1', role: 'agent', name: 'A' };

let deps: ServiceDeps;
let follower: EventFollower;

beforeEach(async () => {
  const database = await openDatabase();
  await runMigrations(database);
  deps = createServiceDeps(database, {
    now: () => new Date('2026-05-20T06:00:00Z'),
    autoCloseHours: 48,
    defaultCalendar: DEFAULT_CALENDAR,
    log: silentLogger,
  });
  await ensureOrganisation(deps, customer);
  // A long poll: what arrives here arrives through the local wake-up.
  follower = createEventFollower({ database, changes: deps.changes, log: silentLogger, pollMs: 60_000 });
});
afterEach(async () => {
  await follower.close();
  deps.database.close();
});

const inAnHour = () => new Date(Date.now() + HOUR);

async function newTicket(): Promise<string> {
  const created = await createTicket(deps, customer, { subject: 'S', body: 'B', category: 'technical' });
  if (!created.ok) throw new Error(created.error.message);
  return created.value.id;
}

async function note(id: string, n: number) {
  for (let i = 0; i < n; i++) await actOnTicket(deps, agent, id, { type: 'note', body: `note ${i}` });
}

async function take(stream: AsyncGenerator<{ id: number; kind: string }>, n: number) {
  const got: Array<{ eventId: number; kind: string }> = [];
  while (got.length < n) {
    const { value, done } = await stream.next();
    if (done) break;
    got.push({ eventId: value.id, kind: value.kind });
  }
  return got;
}

/** How the stream fails: a service error, which the edge turns into a tRPC error. */
const failure = (code: string, message?: string) => ({ error: { code, ...(message ? { message } : {}) } });

describe('a change stream', () => {
  it('starts at the newest event and yields later ones, with their event ids', async () => {
    const id = await newTicket();
    const stream = await openChangeStream({ db: deps.database.db, follower, filter: { caller: agent, ticketId: null }, lastEventId: null, signal: undefined, expiresAt: inAnHour() });
    await note(id, 2);
    const got = await take(stream, 2);
    expect(got.map((g) => g.kind)).toEqual(['note_added', 'note_added']);
    expect(got[1]!.eventId).toBe(got[0]!.eventId + 1);
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
      expiresAt: inAnHour(),
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
      expiresAt: inAnHour(),
    });
    const got = await take(stream, 4);
    expect(got.map((g) => g.kind)).toEqual(['assigned', 'replied', 'status_changed', 'closed']);
    await stream.return();
  });

  it('ends when the client goes away, and leaves the follower', async () => {
    const abort = new AbortController();
    const stream = await openChangeStream({ db: deps.database.db, follower, filter: { caller: agent, ticketId: null }, lastEventId: null, signal: abort.signal, expiresAt: inAnHour() });
    const next = stream.next();
    expect(follower.listeners).toBe(1);
    abort.abort();
    expect(await next).toEqual({ value: undefined, done: true });
    expect(follower.listeners).toBe(0);
  });

  it('fails as unavailable (retryable) when the server closes, and refuses new subscribers', async () => {
    const stream = await openChangeStream({ db: deps.database.db, follower, filter: { caller: agent, ticketId: null }, lastEventId: null, signal: undefined, expiresAt: inAnHour() });
    const next = stream.next();
    await follower.close();
    await expect(next).rejects.toBeInstanceOf(ServiceFailure);
    await expect(next).rejects.toMatchObject(failure('unavailable'));
    await expect(
      openChangeStream({ db: deps.database.db, follower, filter: { caller: agent, ticketId: null }, lastEventId: null, signal: undefined, expiresAt: inAnHour() }),
    ).rejects.toMatchObject(failure('unavailable'));
  });
});

describe('a change stream whose token expires', () => {
  // Fake timers and Date: the stream judges expiry on the real clock (Date.now), never deps.now.
  beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => void vi.useRealTimers());

  const settledFlag = (promise: Promise<unknown>) => {
    const state = { settled: false };
    promise.then(
      () => (state.settled = true),
      () => (state.settled = true),
    );
    return state;
  };

  it('fails as unauthorized at the expiry, and releases its follower membership and timer', async () => {
    const id = await newTicket();
    const stream = await openChangeStream({
      db: deps.database.db,
      follower,
      filter: { caller: customer, ticketId: id },
      lastEventId: null,
      signal: undefined,
      expiresAt: new Date(Date.now() + 2_000),
    });
    await actOnTicket(deps, agent, id, { type: 'reply', body: 'hello' });
    expect((await take(stream, 3)).map((g) => g.kind)).toEqual(['assigned', 'replied', 'status_changed']);

    const next = stream.next();
    const state = settledFlag(next);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(next).rejects.toMatchObject(failure('unauthorized', 'The token has expired; reconnect with a new one.'));
    expect(follower.listeners).toBe(0);
    expect(vi.getTimerCount()).toBe(0); // neither the expiry timer nor the (idle) follower's poll
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('ends at once on a token that has already expired, and not on a client that left', async () => {
    const late = await openChangeStream({ db: deps.database.db, follower, filter: { caller: agent, ticketId: null }, lastEventId: null, signal: undefined, expiresAt: new Date(Date.now() - 1) });
    await expect(late.next()).rejects.toMatchObject(failure('unauthorized'));
    expect(follower.listeners).toBe(0);

    const abort = new AbortController();
    const gone = await openChangeStream({ db: deps.database.db, follower, filter: { caller: agent, ticketId: null }, lastEventId: null, signal: abort.signal, expiresAt: new Date(Date.now() + 1_000) });
    const next = gone.next();
    abort.abort();
    expect(await next).toEqual({ value: undefined, done: true });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits out an expiry further away than setTimeout can wait in one go', async () => {
    // A follower that (almost) never polls: only the stream's timers matter here.
    const slow = createEventFollower({ database: deps.database, changes: deps.changes, log: silentLogger, pollMs: 20 * DAY });
    const stream = await openChangeStream({ db: deps.database.db, follower: slow, filter: { caller: agent, ticketId: null }, lastEventId: null, signal: undefined, expiresAt: new Date(Date.now() + 40 * DAY) });
    const next = stream.next();
    const state = settledFlag(next);
    await vi.advanceTimersByTimeAsync(40 * DAY - 1);
    expect(state.settled).toBe(false);
    expect(slow.listeners).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(next).rejects.toMatchObject(failure('unauthorized'));
    expect(slow.listeners).toBe(0);
    await slow.close();
  });
  it('never spins its timer on an expiry out of a Date’s range', async () => {
    const slow = createEventFollower({ database: deps.database, changes: deps.changes, log: silentLogger, pollMs: 20 * DAY });
    const armed = vi.spyOn(globalThis, 'setTimeout');
    const abort = new AbortController();
    const stream = await openChangeStream({ db: deps.database.db, follower: slow, filter: { caller: agent, ticketId: null }, lastEventId: null, signal: abort.signal, expiresAt: new Date(1e20) });
    const next = stream.next();
    await vi.advanceTimersByTimeAsync(1_000);
    // One expiry timer, armed for as long as setTimeout waits, not one a millisecond.
    const delays = armed.mock.calls.map(([, delay]) => delay).filter((delay) => delay !== 20 * DAY);
    expect(delays).toEqual([2 ** 31 - 1]);
    abort.abort();
    await expect(next).resolves.toEqual({ value: undefined, done: true });
    armed.mockRestore();
    await slow.close();
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
    let heard!: (kinds: string[]) => void;
    const arrived = new Promise<string[]>((resolve) => (heard = resolve));
    const { leave } = await quick.join({ onEvents: (events) => heard(events.map((e) => e.kind)), onClose() {} });
    await note(id, 1); // this feed is not the writer's: only the timer can find it
    expect(await arrived).toEqual(['note_added']);
    leave();
    await quick.close();
  });
});
