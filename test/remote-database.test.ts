import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createClient, LibsqlError } from '@libsql/client';
import { createServer, silentLogger } from '@support-tickets/server';
import { MIGRATIONS_FOLDER } from '@support-tickets/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHranaServer, type HranaServer } from './helpers/hrana-server';
import { closedEventually, eventually, HOUR, NEW_TICKET, SECRET, startServer, tempDbFile, TestClock, type Client, type TestServer } from './helpers/server';

// The remote database path (DATABASE_URL=http://…, DATABASE_AUTH_TOKEN) end to end: the real
// server talks Hrana over HTTP to a test libSQL server backed by a SQLite file, which the test
// reads directly to see what really landed.

const DB_TOKEN = 'remote-db-token-0123456789';
const MIGRATIONS: number = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')).entries.length;

let dbFile: string;
let libsql: HranaServer;
let t: TestServer;
let customer: Client;
let agent: Client;

beforeAll(async () => {
  dbFile = tempDbFile();
  libsql = await startHranaServer({ dbFile, authToken: DB_TOKEN });
  // `dbFile` is where the helpers' inspector reads; the server itself only gets the URL.
  t = await startServer({ dbFile, databaseUrl: libsql.url, databaseAuthToken: DB_TOKEN, start: '2026-05-20T06:00:00Z' });
  customer = await t.as('customerA');
  agent = await t.as('agent');
});
afterAll(async () => {
  await t?.stop();
  await libsql?.close();
  if (dbFile) rmSync(dirname(dbFile), { recursive: true, force: true });
});

/** Another server on the same remote database, as another process would start one. */
function remoteServer(token = DB_TOKEN) {
  return createServer({
    databaseUrl: libsql.url,
    databaseAuthToken: token,
    authSecret: SECRET,
    logger: silentLogger,
  });
}

describe('start-up on a remote database', () => {
  it('applies the migrations over HTTP; a second server on the same database starts on them', async () => {
    const applied = await t.query<{ n: number }>('SELECT count(*) AS n FROM __drizzle_migrations');
    expect(Number(applied[0]?.n)).toBe(MIGRATIONS);
    expect(await t.counts()).toMatchObject({ tickets: 0, messages: 0, ticket_events: 0 });
    expect(libsql.stats.transactions).toBeGreaterThan(0); // the migration ran in a transaction over HTTP

    const before = libsql.stats.pipelines;
    const second = await remoteServer();
    await second.close();
    expect(libsql.stats.pipelines).toBeGreaterThan(before);
    const after = await t.query<{ n: number }>('SELECT count(*) AS n FROM __drizzle_migrations');
    expect(Number(after[0]?.n)).toBe(MIGRATIONS);
  });

  it('fails fast, with the HTTP 401 in the error, when the auth token is wrong or missing', async () => {
    const refusedBefore = libsql.stats.unauthorized;
    const [wrong, missing] = await Promise.all([
      remoteServer('not-the-token').then(
        () => null,
        (e: unknown) => e,
      ),
      // An empty token is no token: the server sends no Authorization header at all.
      remoteServer('').then(
        () => null,
        (e: unknown) => e,
      ),
    ]);
    for (const error of [wrong, missing]) {
      // Said before any migration runs, naming the server (never the token), with the driver's
      // error underneath.
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(new RegExp(`^Cannot open the database at http://127\\.0\\.0\\.1:\\d+: .*401`));
      expect((error as Error).message).not.toContain('not-the-token');
      const cause = libsqlErrorIn(error);
      expect(cause?.code).toBe('SERVER_ERROR');
      expect(cause?.message).toMatch(/HTTP status 401/);
    }
    // A refusal, not a hang: each server asked once and gave up (a retry loop would ask again).
    expect(libsql.stats.unauthorized - refusedBefore).toBe(2);
  });
});

/** The driver's error in an error's cause chain. */
function libsqlErrorIn(error: unknown): LibsqlError | null {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if (e instanceof LibsqlError) return e;
  }
  return null;
}

describe('/health on a remote database', () => {
  it('reports the database up, asking it over HTTP', async () => {
    const before = libsql.stats.pipelines;
    const health = await t.raw('/health', { method: 'GET' });
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ ok: true, database: 'up' });
    expect(libsql.stats.pipelines).toBe(before + 1);
  });

  it('reports it down (503) once the database server is gone', async () => {
    const otherFile = tempDbFile();
    const other = await startHranaServer({ dbFile: otherFile, authToken: DB_TOKEN });
    const s = await startServer({ dbFile: otherFile, databaseUrl: other.url, databaseAuthToken: DB_TOKEN });
    try {
      expect((await s.raw('/health', { method: 'GET' })).json).toMatchObject({ ok: true, database: 'up' });
      await other.close();
      const health = await s.raw('/health', { method: 'GET' });
      expect(health.status).toBe(503);
      expect(health.json).toMatchObject({ ok: false, database: 'down' });
    } finally {
      await s.stop();
      await other.close();
      rmSync(dirname(otherFile), { recursive: true, force: true });
    }
  });
});

describe('tickets on a remote database', () => {
  it('runs a ticket through its lifecycle, every write landing in the database file', async () => {
    t.clock.set('2026-05-20T06:00:00Z');
    const created = await customer.ticket.create.mutate(NEW_TICKET);
    expect(created).toMatchObject({ status: 'awaiting_response', createdBy: 'cust-a1', autoCloseAt: null });

    t.clock.advance(HOUR);
    const replied = await agent.ticket.reply.mutate({ id: created.id, body: 'Which region?' });
    expect(replied).toMatchObject({ status: 'awaiting_customer', assigneeId: 'agent-1', autoCloseAt: '2026-05-22T07:00:00.000Z' });

    t.clock.advance(HOUR);
    const answered = await customer.ticket.reply.mutate({ id: created.id, body: 'Tehran-1' });
    expect(answered).toMatchObject({ status: 'awaiting_response', autoCloseAt: null });
    expect(answered.cycles).toHaveLength(2);

    const closed = await customer.ticket.close.mutate({ id: created.id });
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'customer', closedAt: '2026-05-20T08:00:00.000Z' });

    // Read back from the file itself, not through the server.
    const file = createClient({ url: `file:${dbFile}` });
    try {
      const count = async (sql: string) => Number((await file.execute({ sql, args: [created.id] })).rows[0]?.[0]);
      expect(await count('SELECT count(*) FROM messages WHERE ticket_id = ?')).toBe(3);
      expect(await count('SELECT count(*) FROM response_cycles WHERE ticket_id = ?')).toBe(2);
      expect(await count("SELECT count(*) FROM tickets WHERE id = ? AND status = 'closed' AND closed_by = 'customer'")).toBe(1);
      const kinds = await file.execute({ sql: 'SELECT kind FROM ticket_events WHERE ticket_id = ? ORDER BY id', args: [created.id] });
      expect(kinds.rows.map((row) => row.kind)).toEqual(closed.events.map((e) => e.kind));
      expect(kinds.rows.at(-1)?.kind).toBe('closed');
    } finally {
      file.close();
    }
  });

  it('keeps all of 20 concurrent replies, each in its own transaction, in one consistent order', async () => {
    t.clock.set('2026-05-20T06:00:00Z');
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    const authors = [customer, await t.as('adminA'), agent, await t.as('agent2')];
    const busyBefore = libsql.stats.busyWaits;
    const transactionsBefore = libsql.stats.transactions;

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => authors[i % authors.length]!.ticket.reply.mutate({ id: ticket.id, body: `reply ${i}` })),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);

    const messages = await t.query<{ id: string; body: string }>('SELECT id, body FROM messages WHERE ticket_id = ?', [ticket.id]);
    const events = await t.query<{ kind: string; actor: string; message_id: string | null }>(
      'SELECT kind, actor, message_id FROM ticket_events WHERE ticket_id = ? ORDER BY id',
      [ticket.id],
    );
    expect(messages).toHaveLength(21); // + the opening message
    expect(new Set(messages.map((m) => m.body))).toEqual(new Set([NEW_TICKET.body, ...Array.from({ length: 20 }, (_, i) => `reply ${i}`)]));
    const replies = events.filter((e) => e.kind === 'replied');
    expect(replies).toHaveLength(20);
    // Every message has the event that wrote it, and no event points at a missing message.
    const linked = events.map((e) => e.message_id).filter(Boolean);
    expect(new Set(linked)).toEqual(new Set(messages.map((m) => m.id)));
    expect(linked).toHaveLength(messages.length);

    // One conditional write per reply, none lost; the status is the last reply's doing.
    const [row] = await t.query<{ version: number; status: string }>('SELECT version, status FROM tickets WHERE id = ?', [ticket.id]);
    expect(Number(row?.version)).toBe(20);
    expect(row?.status).toBe(replies.at(-1)?.actor === 'agent' ? 'awaiting_customer' : 'awaiting_response');
    const final = await agent.ticket.get.query({ id: ticket.id });
    expect(final.messages).toHaveLength(21);
    expect(final.status).toBe(row?.status);

    // They met in the database: writers waited on each other's locks, then each committed.
    expect(libsql.stats.transactions - transactionsBefore).toBeGreaterThanOrEqual(20);
    expect(libsql.stats.busyWaits).toBeGreaterThan(busyBefore);
    expect(libsql.openStreams()).toBe(0); // and every transaction's stream was closed
  });

  it('closes a due ticket with closeDueTickets, exactly at its time, once', async () => {
    // Earlier than every other ticket of this database, so this is the only one due.
    t.clock.set('2026-05-01T06:00:00Z');
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    const replied = await agent.ticket.reply.mutate({ id: ticket.id, body: 'Done, please confirm.' });
    expect(replied.autoCloseAt).toBe('2026-05-03T06:00:00.000Z');

    t.clock.set(Date.parse('2026-05-03T06:00:00Z') - 1_000);
    expect(await t.server.closeDueTickets()).toBe(0);
    t.clock.set('2026-05-03T06:00:00Z');
    expect(await t.server.closeDueTickets()).toBe(1);
    expect(await t.server.closeDueTickets()).toBe(0);

    expect(await customer.ticket.get.query({ id: ticket.id })).toMatchObject({ status: 'closed', closedBy: 'system', closedAt: '2026-05-03T06:00:00.000Z' });
    const [row] = await t.query<{ n: number }>(
      "SELECT count(*) AS n FROM ticket_events WHERE ticket_id = ? AND kind = 'closed' AND actor = 'system'",
      [ticket.id],
    );
    expect(Number(row?.n)).toBe(1);
  });

  it('closes at start-up, by the scheduler of a new process, what fell due meanwhile', async () => {
    t.clock.set('2026-05-02T06:00:00Z');
    const ticket = await customer.ticket.create.mutate(NEW_TICKET);
    await agent.ticket.reply.mutate({ id: ticket.id, body: 'Fixed?' });

    const clock = new TestClock('2026-05-04T06:00:00Z'); // due 2026-05-04T06:00Z
    const second = await startServer({ dbFile, clock, databaseUrl: libsql.url, databaseAuthToken: DB_TOKEN });
    try {
      second.server.startScheduler();
      const viewer = await second.as('customerA');
      const closed = await closedEventually(viewer, ticket.id);
      expect(closed).toMatchObject({ closedBy: 'system', closedAt: '2026-05-04T06:00:00.000Z' });
    } finally {
      await second.stop();
    }
  });
});

describe('the test libSQL server', () => {
  // It stands in for sqld above, so it should behave like one where the server relies on it.
  let db: HranaServer;
  let file: string;
  beforeAll(async () => {
    file = tempDbFile();
    db = await startHranaServer({ dbFile: file, authToken: DB_TOKEN });
  });
  afterAll(async () => {
    await db.close();
    rmSync(dirname(file), { recursive: true, force: true });
  });

  it('keeps an interactive transaction on one connection across requests, isolated until commit', async () => {
    const client = createClient({ url: db.url, authToken: DB_TOKEN, intMode: 'bigint' });
    try {
      await client.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, weight REAL, data BLOB)');
      const tx = await client.transaction('write');
      await tx.execute({ sql: 'INSERT INTO notes VALUES (?, ?, ?, ?)', args: [9007199254740993n, 'ünïcode', 1.5, new Uint8Array([0, 255])] });
      expect((await tx.execute('SELECT count(*) FROM notes')).rows[0]?.[0]).toBe(1n);
      expect((await client.execute('SELECT count(*) FROM notes')).rows[0]?.[0]).toBe(0n); // another connection
      await tx.rollback();
      expect((await client.execute('SELECT count(*) FROM notes')).rows[0]?.[0]).toBe(0n);

      await client.execute({ sql: 'INSERT INTO notes VALUES (?, ?, ?, ?)', args: [9007199254740993n, 'ünïcode', 1.5, new Uint8Array([0, 255])] });
      const [row] = (await client.execute('SELECT id, body, weight, typeof(weight) AS t, data FROM notes')).rows;
      expect([row?.id, row?.body, row?.weight, row?.t, [...new Uint8Array(row?.data as ArrayBuffer)]]).toEqual([9007199254740993n, 'ünïcode', 1.5, 'real', [0, 255]]);

      // SQLite errors arrive as LibsqlError with the SQLite code, as from sqld.
      const duplicate = await client.execute({ sql: 'INSERT INTO notes (id) VALUES (?)', args: [9007199254740993n] }).catch((e: unknown) => e);
      expect(duplicate).toBeInstanceOf(LibsqlError);
      expect((duplicate as LibsqlError).code).toBe('SQLITE_CONSTRAINT');
      expect(db.openStreams()).toBe(0);
    } finally {
      client.close();
    }
  });

  it('makes a writer wait for the lock without blocking the holder, then answers SQLITE_BUSY at the timeout', async () => {
    // Two servers on the file: one that waits long enough for any machine, one that gives up soon.
    const patient = await startHranaServer({ dbFile: file, authToken: DB_TOKEN, busyTimeoutMs: 20_000 });
    const quick = await startHranaServer({ dbFile: file, authToken: DB_TOKEN, busyTimeoutMs: 300 });
    const client = createClient({ url: patient.url, authToken: DB_TOKEN });
    const quickClient = createClient({ url: quick.url, authToken: DB_TOKEN });
    try {
      await client.execute('CREATE TABLE IF NOT EXISTS counters (n INTEGER)');
      const holder = await client.transaction('write');
      await holder.execute('INSERT INTO counters VALUES (1)');
      const waiting = client.transaction('write').then(async (tx) => {
        await tx.execute('INSERT INTO counters VALUES (2)');
        await tx.commit();
      });
      // Once the other writer waits, the holder still gets answers, and its commit lets the other in.
      await eventually(async () => patient.stats.busyWaits === 1);
      await holder.execute('INSERT INTO counters VALUES (3)');
      await holder.commit();
      await waiting;
      expect((await client.execute('SELECT count(*) FROM counters')).rows[0]?.[0]).toBe(3);

      const blocker = await client.transaction('write');
      await blocker.execute('INSERT INTO counters VALUES (4)');
      const waitedFrom = Date.now();
      const busy = await quickClient
        .transaction('write')
        .then((tx) => tx.execute('SELECT 1'))
        .catch((e: unknown) => e);
      expect(busy).toBeInstanceOf(LibsqlError);
      expect((busy as LibsqlError).code).toBe('SQLITE_BUSY');
      expect(quick.stats.busyWaits).toBe(1);
      expect(Date.now() - waitedFrom).toBeGreaterThanOrEqual(300);
      await blocker.rollback();
    } finally {
      client.close();
      quickClient.close();
      await Promise.all([patient.close(), quick.close()]);
    }
  });


  it('speaks Hrana 3 over JSON: batch conditions, autocommit state, describe, single-use batons', async () => {
    const pipeline = async (body: unknown, token = DB_TOKEN) => {
      const res = await fetch(`${db.url}/v3/pipeline`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: res.headers.get('content-type') === 'application/json' ? await res.json() : await res.text() };
    };
    const stmt = (sql: string, args: unknown[] = []) => ({ sql, args });

    const first = await pipeline({
      requests: [
        { type: 'store_sql', sql_id: 1, sql: 'SELECT ? + 1 AS next' },
        {
          type: 'batch',
          batch: {
            steps: [
              { stmt: stmt('BEGIN IMMEDIATE') },
              { stmt: { sql_id: 1, args: [{ type: 'integer', value: '41' }] }, condition: { type: 'not', cond: { type: 'is_autocommit' } } },
              { stmt: stmt('SELECT * FROM missing_table'), condition: { type: 'ok', step: 1 } },
              { stmt: stmt('SELECT 1'), condition: { type: 'and', conds: [{ type: 'error', step: 2 }, { type: 'is_autocommit' }] } },
            ],
          },
        },
        { type: 'get_autocommit' },
        { type: 'describe', sql: 'SELECT id, body FROM notes WHERE id = :id' },
      ],
    });
    expect(first.status).toBe(200);
    const [, batch, autocommit, described] = first.body.results;
    expect(batch.response.result.step_results[1].rows).toEqual([[{ type: 'integer', value: '42' }]]);
    expect(batch.response.result.step_errors[2]).toMatchObject({ code: 'SQLITE_ERROR', message: expect.stringContaining('no such table') });
    expect(batch.response.result.step_results[3]).toBeNull(); // skipped: inside the transaction
    expect(autocommit.response).toEqual({ type: 'get_autocommit', is_autocommit: false });
    expect(described.response.result).toEqual({
      params: [{ name: ':id' }],
      cols: [
        { name: 'id', decltype: 'INTEGER' },
        { name: 'body', decltype: 'TEXT' },
      ],
      is_explain: false,
      is_readonly: true,
    });

    // The baton continues the stream (and its transaction) once; a second use is refused.
    const baton = first.body.baton as string;
    const second = await pipeline({ baton, requests: [{ type: 'execute', stmt: stmt('ROLLBACK') }, { type: 'get_autocommit' }, { type: 'close' }] });
    expect(second.body.results.map((r: { type: string }) => r.type)).toEqual(['ok', 'ok', 'ok']);
    expect(second.body.results[1].response.is_autocommit).toBe(true);
    expect(second.body.baton).toBeNull();
    expect((await pipeline({ baton, requests: [] })).status).toBe(400);
    expect((await pipeline({ requests: [] }, 'wrong')).status).toBe(401);
    expect(db.openStreams()).toBe(0);
  });
});
