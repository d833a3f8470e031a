import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { signToken } from '@support-tickets/server';
import { createSupportClient } from '@support-tickets/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handMadeToken } from './helpers/jwt';
import { eventsAfter, lastEventId, liveClient, watch, type Change, type EventRow } from './helpers/live';
import { eventually, NEW_TICKET, PEOPLE, SECRET, startServer, TestClock, type TestServer } from './helpers/server';

// ticket.onChange over server-sent events: the tenancy of the queries, delivery within a
// second, resuming after a restart from the last event id, and several servers on one database.

let t: TestServer;

beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.stop({ removeFile: true }));

const ids = (changes: Change[]) => changes.map((c) => c.data.eventId);
const publicOnly = (rows: EventRow[]) => rows.filter((r) => !r.internal);
const ofTickets = (rows: EventRow[], tickets: string[]) => rows.filter((r) => tickets.includes(r.ticket_id));

describe('who receives what', () => {
  it('gives each role exactly the changes its queries would show, and internal notes to agents only', async () => {
    const people = ['customerA', 'customerA2', 'adminA', 'customerB', 'adminB', 'agent'] as const;
    const clients = Object.fromEntries(await Promise.all(people.map(async (p) => [p, await liveClient(t, p)] as const)));
    const watchers = Object.fromEntries(people.map((p) => [p, watch(clients[p]!)] as const));
    await Promise.all(Object.values(watchers).map((w) => w.started));
    const from = await lastEventId(t);

    const a1 = await clients.customerA!.ticket.create.mutate(NEW_TICKET);
    const a2 = await clients.customerA2!.ticket.create.mutate({ ...NEW_TICKET, subject: 'second customer of org-a' });
    const b1 = await clients.customerB!.ticket.create.mutate({ ...NEW_TICKET, subject: 'org-b' });
    const agent = clients.agent!;
    await agent.ticket.accept.mutate({ id: a1.id });
    await agent.ticket.note.mutate({ id: a1.id, body: 'INTERNAL: check the hypervisor' });
    await agent.ticket.reply.mutate({ id: a1.id, body: 'Rebooted the host.' });
    await agent.ticket.note.mutate({ id: b1.id, body: 'INTERNAL: org-b note' });
    await agent.ticket.update.mutate({ id: a2.id, priority: 'low' });
    await clients.customerB!.ticket.close.mutate({ id: b1.id });

    const all = await eventsAfter(t, from);
    expect(all.filter((r) => r.internal)).toHaveLength(2);
    // Last, one new ticket for each circle of people: every stream hears one, and a stream goes in
    // event order, so once it has its last, anything wrongly sent before would be there too.
    const last = all.at(-1)!.id;
    await Promise.all(
      (['customerA', 'customerA2', 'customerB'] as const).map((p) => clients[p]!.ticket.create.mutate({ ...NEW_TICKET, subject: 'last' })),
    );
    await Promise.all(Object.values(watchers).map((w) => w.until((c) => c.some((x) => x.data.eventId > last), 15_000)));
    for (const w of Object.values(watchers)) {
      w.stop();
      w.changes.splice(w.changes.findIndex((x) => x.data.eventId > last));
    }

    const expected: Record<(typeof people)[number], EventRow[]> = {
      customerA: publicOnly(ofTickets(all, [a1.id])),
      customerA2: publicOnly(ofTickets(all, [a2.id])),
      adminA: publicOnly(ofTickets(all, [a1.id, a2.id])),
      customerB: publicOnly(ofTickets(all, [b1.id])),
      adminB: publicOnly(ofTickets(all, [b1.id])),
      agent: all,
    };
    for (const person of people) {
      const got = watchers[person]!.changes;
      expect(ids(got), person).toEqual(expected[person].map((r) => r.id));
      expect(got.map((c) => c.data.kind), person).toEqual(expected[person].map((r) => r.kind));
      // The tracked id is the event id: what a reconnecting client resumes from.
      expect(got.every((c) => c.id === String(c.data.eventId))).toBe(true);
    }
    expect(watchers.customerA!.changes.map((c) => c.data.kind)).not.toContain('note_added');
    expect(watchers.customerA!.changes[0]?.data).toMatchObject({ ticketId: a1.id, orgId: 'org-a', kind: 'created' });
    expect(watchers.customerA!.changes[0]?.data.at).toBe(a1.createdAt);
  });

  it('follows one ticket when given its id, and answers NOT_FOUND for a ticket the caller cannot see', async () => {
    const customer = await liveClient(t, 'customerA');
    const mine = await customer.ticket.create.mutate(NEW_TICKET);
    const other = await customer.ticket.create.mutate({ ...NEW_TICKET, subject: 'another of mine' });
    const theirs = await (await liveClient(t, 'customerB')).ticket.create.mutate(NEW_TICKET);
    const colleague = await (await liveClient(t, 'customerA2')).ticket.create.mutate(NEW_TICKET);

    const one = watch(customer, { id: mine.id });
    await one.started;
    const agent = await liveClient(t, 'agent');
    await agent.ticket.reply.mutate({ id: other.id, body: 'not this one' });
    await agent.ticket.reply.mutate({ id: mine.id, body: 'this one' });
    await one.until((c) => c.some((x) => x.data.kind === 'status_changed'));
    one.stop();
    expect(new Set(one.changes.map((c) => c.data.ticketId))).toEqual(new Set([mine.id]));

    for (const id of [theirs.id, colleague.id, 'no-such-ticket']) {
      const w = watch(customer, { id });
      const error = await w.failed;
      expect(error.data?.code).toBe('NOT_FOUND');
      expect(error.message).toBe('No such ticket.');
      w.stop();
    }
    // An org admin may follow a colleague's ticket; an agent any ticket.
    for (const who of ['adminA', 'agent'] as const) {
      const w = watch(await liveClient(t, who), { id: colleague.id });
      await w.started;
      expect(w.errors).toEqual([]);
      w.stop();
    }
  });

  it('refuses a bad or expired token with UNAUTHORIZED', async () => {
    const forged = handMadeToken({ ...PEOPLE.customerA, exp: Math.floor(Date.now() / 1000) + 600 }, 'another-secret-0123456789');
    const expired = await signToken(SECRET, { ...PEOPLE.customerA, exp: Math.floor(Date.now() / 1000) - 60 });
    for (const token of ['not-a-jwt', forged, expired]) {
      const w = watch(createSupportClient({ url: t.origin, token }));
      const error = await w.failed;
      expect(error.data?.code).toBe('UNAUTHORIZED');
      w.stop();
    }
  });

  it('speaks plain SSE: the token as connection params (what a browser EventSource sends), none → UNAUTHORIZED', async () => {
    const token = await t.token('customerA');
    const url = (params: Record<string, string>) => `${t.origin}/trpc/ticket.onChange?${new URLSearchParams(params)}`;

    const withParams = await firstEvents(url({ connectionParams: JSON.stringify({ token }) }), 1);
    expect(withParams.status).toBe(200);
    expect(withParams.contentType).toMatch(/^text\/event-stream/);
    expect(withParams.events[0]).toMatchObject({ event: 'connected' });
    expect(JSON.parse(withParams.events[0]!.data)).toMatchObject({ reconnectAfterInactivityMs: expect.any(Number) });

    const without = await firstEvents(url({}), 2);
    expect(without.events[1]).toMatchObject({ event: 'serialized-error' });
    expect(JSON.parse(without.events[1]!.data)).toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });
});

/** Reads the first `count` SSE events of a stream, then hangs up. */
async function firstEvents(url: string, count: number) {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream' }, signal: abort.signal });
  const events: Array<{ event: string; data: string }> = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = Object.fromEntries(block.split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]));
      if (fields.event !== undefined || fields.data !== undefined) events.push({ event: fields.event ?? 'message', data: fields.data ?? '' });
    }
  }
  abort.abort();
  await reader.cancel().catch(() => undefined);
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', events };
}

describe('delivery', () => {
  it('brings an agent reply to a subscribed customer at once, not at the next read of the table', async () => {
    // A server that reads the table for other processes' changes only every hour: what arrives
    // came by the commit's own wake-up (the reading every 300 ms is for other processes).
    const slow = await startServer({ livePollMs: 60 * 60_000 });
    try {
      const customer = await liveClient(slow, 'customerA');
      const ticket = await customer.ticket.create.mutate(NEW_TICKET);
      const w = watch(customer, { id: ticket.id });
      await w.started;
      await (await liveClient(slow, 'agent')).ticket.reply.mutate({ id: ticket.id, body: 'On it.' });
      await w.until((c) => c.some((x) => x.data.kind === 'replied'), 15_000);
      w.stop();
    } finally {
      await slow.stop({ removeFile: true });
    }
  });

  it('stops following when the client unsubscribes', async () => {
    await subscribers(t, 0); // the earlier tests' subscriptions are gone too
    const w = watch(await liveClient(t, 'agent'));
    await w.started;
    expect(t.server.liveSubscribers()).toBe(1);
    w.stop();
    await subscribers(t, 0);
  });
});

describe('token expiry', () => {
  it('ends a stream with UNAUTHORIZED when its token expires, and nothing more reaches it; a long-lived one goes on', async () => {
    // The moment of the end is checked on fake timers (packages/server/src/live/stream.test.ts);
    // here, that a real stream ends then, and what the client sees.
    await subscribers(t, 0);
    const customer = await liveClient(t, 'customerA');
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    const agent = await liveClient(t, 'agent');
    // `exp` is in whole seconds: this token expires 4–5 s from now, time enough for one reply
    // to reach it first on a busy machine.
    const exp = Math.ceil(Date.now() / 1000) + 4;
    let token = await signToken(SECRET, { ...PEOPLE.customerA, exp });
    const client = createSupportClient({ url: t.origin, getToken: () => token });
    const short = watch(client, { id: ticket.id });
    const long = watch(customer, { id: ticket.id });
    await Promise.all([short.started, long.started]);
    expect(t.server.liveSubscribers()).toBe(2);

    await agent.ticket.reply.mutate({ id: ticket.id, body: 'Before the expiry.' });
    await short.until((c) => c.some((x) => x.data.kind === 'replied'));

    const error = await short.failed;
    expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000); // never before
    expect(error.data?.code).toBe('UNAUTHORIZED');
    expect(error.message).toBe('The token has expired; reconnect with a new one.');
    // Its follower membership is gone: from now on the server has nothing to send it on.
    await subscribers(t, 1);
    const seen = short.changes.length;

    await agent.ticket.reply.mutate({ id: ticket.id, body: 'After the expiry.' });
    await long.until((c) => c.filter((x) => x.data.kind === 'replied').length === 2);
    expect(t.server.liveSubscribers()).toBe(1);
    expect(short.changes).toHaveLength(seen);
    expect(short.errors).toHaveLength(1);
    expect(long.errors).toEqual([]);

    // What the client's README says to do: subscribe again (with a fresh token) from the last id seen.
    token = await t.token('customerA');
    const missed = ids(long.changes).filter((id) => id > short.changes.at(-1)!.data.eventId);
    const again = watch(client, { id: ticket.id, lastEventId: short.changes.at(-1)!.id });
    await again.until((c) => c.length === missed.length);
    expect(ids(again.changes)).toEqual(missed);
    for (const w of [short, long, again]) w.stop();
  });
});

describe('restarts and several servers', () => {
  it('reconnects after the server restarts and replays what happened meanwhile from the last event id', async () => {
    const first = await startServer();
    const { dbFile, port, clock } = first;
    const customer = await liveClient(first, 'customerA');
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    const from = await lastEventId(first);
    const w = watch(customer, { id: ticket.id });
    await w.started;

    await (await liveClient(first, 'agent')).ticket.reply.mutate({ id: ticket.id, body: 'Before the restart.' });
    await w.until((c) => c.length === 3); // assigned, replied, status_changed
    await first.stop(); // ends the stream: the client is told to come back

    // Meanwhile another server on the same database takes a customer reply and an agent note.
    const other = await startServer({ dbFile, clock });
    await (await liveClient(other, 'customerA')).ticket.reply.mutate({ id: ticket.id, body: 'While you were down.' });
    await (await liveClient(other, 'agent')).ticket.note.mutate({ id: ticket.id, body: 'INTERNAL: while down' });
    await other.stop();

    // The same address comes back; the client reconnects on its own and resumes.
    const second = await startServer({ dbFile, clock, port });
    try {
      await w.until((c) => c.length === 5, 15_000); // + replied, status_changed (not the note)
      await (await liveClient(second, 'agent')).ticket.reply.mutate({ id: ticket.id, body: 'After the restart.' });
      await w.until((c) => c.length === 7);
      w.stop();
      const expected = publicOnly(await eventsAfter(second, from));
      expect(ids(w.changes)).toEqual(expected.map((r) => r.id));
      // Connected, lost, connected again: one subscription throughout.
      expect(w.states.lastIndexOf('connecting')).toBeGreaterThan(w.states.indexOf('pending'));
      expect(w.states.at(-1)).toBe('pending');
      expect(w.errors).toEqual([]);
    } finally {
      w.stop();
      await second.stop({ removeFile: true });
    }
  });

  it('delivers a change made through another server process on the same database, both ways', async () => {
    const shared = await startServer({ clock: new TestClock(Date.now()) });
    const child = await startServerProcess(shared.dbFile);
    try {
      const viaChild = (who: 'customerA' | 'agent') => liveClient({ ...shared, origin: child.origin }, who);
      const customerHere = await liveClient(shared, 'customerA');
      const ticket = await customerHere.ticket.create.mutate(NEW_TICKET);

      // Subscribed to the other process; the change is made here.
      const there = watch(await viaChild('customerA'), { id: ticket.id });
      await there.started;
      await (await liveClient(shared, 'agent')).ticket.reply.mutate({ id: ticket.id, body: 'From this process.' });
      await there.until((c) => c.some((x) => x.data.kind === 'replied'), 5_000);

      // Subscribed here; the change is made through the other process.
      const here = watch(customerHere, { id: ticket.id });
      await here.started;
      await (await viaChild('customerA')).ticket.reply.mutate({ id: ticket.id, body: 'From the other process.' });
      await here.until((c) => c.some((x) => x.data.kind === 'replied'), 5_000);
      await there.until((c) => c.filter((x) => x.data.kind === 'replied').length === 2, 5_000);
      here.stop();
      expect(ids(there.changes)).toEqual([...new Set(ids(there.changes))]);

      // The process shuts down cleanly with a stream still open (SIGTERM): it ends the stream
      // rather than wait for it (the stream would wait for ever).
      await child.stop();
      there.stop();
    } finally {
      await child.stop();
      await shared.stop({ removeFile: true });
    }
  });
});

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** Waits until the server holds `count` live streams (a stream ends a moment after its client leaves). */
function subscribers(server: TestServer, count: number) {
  return eventually(async () => server.server.liveSubscribers() === count, 15_000);
}

/** apps/server as a child process on the given database file, on a free port. */
async function startServerProcess(dbFile: string): Promise<{ origin: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: REPO,
    env: { ...process.env, DATABASE_URL: `file:${dbFile}`, PORT: '0', AUTH_SECRET: SECRET, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server process did not start:\n${output}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`the server process exited (${code}):\n${output}`)));
  });
  return {
    origin,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      expect(code, output).toBe(0);
    },
  };
}
