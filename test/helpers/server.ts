import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createClient } from '@libsql/client';
import type { AppRouter, RouterInputs, SupportServer, TokenClaims } from '@support-tickets/server';
import { createTestServer, TEST_AUTH_SECRET, TestClock, type TestServerOptions } from '@support-tickets/server/testing';
import { createTRPCClient, httpBatchLink, httpLink, TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, expect } from 'vitest';

export { TestClock, tempDbFile } from '@support-tickets/server/testing';

export const SECRET = TEST_AUTH_SECRET;
export const TABLES = ['organisations', 'tickets', 'messages', 'ticket_events', 'response_cycles'] as const;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** The people of the tests: two organisations (a on developer, b too until a test moves it), agents. */
export const PEOPLE = {
  customerA: { sub: 'cust-a1', role: 'customer', org: 'org-a', name: 'Ava Customer' },
  customerA2: { sub: 'cust-a2', role: 'customer', org: 'org-a', name: 'Arash Customer' },
  adminA: { sub: 'admin-a', role: 'org_admin', org: 'org-a', name: 'Anna Admin' },
  customerB: { sub: 'cust-b1', role: 'customer', org: 'org-b', name: 'Bita Customer' },
  adminB: { sub: 'admin-b', role: 'org_admin', org: 'org-b', name: 'Babak Admin' },
  agent: { sub: 'agent-1', role: 'agent', name: 'Sara Agent' },
  agent2: { sub: 'agent-2', role: 'agent', name: 'Omid Agent' },
} as const satisfies Record<string, TokenClaims>;
export type Person = keyof typeof PEOPLE;

export type Client = ReturnType<typeof makeClient>;

function makeClient(url: string, token: string | null, batch = false) {
  const headers = () => (token === null ? {} : { authorization: `Bearer ${token}` });
  const link = batch ? httpBatchLink({ url, headers }) : httpLink({ url, headers });
  return createTRPCClient<AppRouter>({ links: [link] });
}

export interface TestServer {
  server: SupportServer;
  /** http://127.0.0.1:port */
  origin: string;
  port: number;
  clock: TestClock;
  dbFile: string;
  /** A client for one of PEOPLE or for any claims. */
  as(who: Person | TokenClaims, options?: { batch?: boolean }): Promise<Client>;
  /** A client sending exactly this Authorization token (or none). */
  withToken(token: string | null): Client;
  token(who: Person | TokenClaims): Promise<string>;
  /** A raw HTTP call, for the JSON as it travels. */
  raw(path: string, init?: { token?: string | null; input?: unknown; method?: 'GET' | 'POST'; headers?: Record<string, string> }): Promise<{
    status: number;
    text: string;
    json: any;
    headers: Headers;
  }>;
  counts(): Promise<Record<(typeof TABLES)[number], number>>;
  query<T = Record<string, unknown>>(sql: string, args?: Array<string | number | null>): Promise<T[]>;
  /** Stops the listener and the server; keeps the database file unless `removeFile`. */
  stop(options?: { removeFile?: boolean }): Promise<void>;
}

/** A test server (see `@support-tickets/server/testing`) listening on a real port of 127.0.0.1. */
export async function startServer(options: TestServerOptions & { port?: number } = {}): Promise<TestServer> {
  const { port: givenPort, ...rest } = options;
  const test = await createTestServer(rest);
  const { server, clock, dbFile } = test;
  const listener = serve({ fetch: server.app.fetch, port: givenPort ?? 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => (listener.listening ? resolve() : listener.once('listening', () => resolve())));
  const { port } = listener.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const url = `${origin}/trpc`;
  const inspector = createClient({ url: `file:${dbFile}` });

  const token = (who: Person | TokenClaims) => test.token(typeof who === 'string' ? PEOPLE[who] : who);
  const query = async <T>(sql: string, args: Array<string | number | null> = []) =>
    (await inspector.execute({ sql, args })).rows as unknown as T[];

  return {
    server,
    origin,
    port,
    clock,
    dbFile,
    token,
    async as(who, opts) {
      return makeClient(url, await token(who), opts?.batch ?? false);
    },
    withToken: (value) => makeClient(url, value),
    async raw(path, init = {}) {
      const method = init.method ?? 'POST';
      const target =
        method === 'GET' && init.input !== undefined
          ? `${origin}${path}?input=${encodeURIComponent(JSON.stringify(init.input))}`
          : `${origin}${path}`;
      const res = await fetch(target, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...init.headers,
        },
        ...(method === 'POST' ? { body: init.input === undefined ? '' : JSON.stringify(init.input) } : {}),
      });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      return { status: res.status, text, json, headers: res.headers };
    },
    async counts() {
      const entries = await Promise.all(
        TABLES.map(async (table) => {
          const [row] = await query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
          return [table, Number(row?.n ?? 0)] as const;
        }),
      );
      return Object.fromEntries(entries) as Record<(typeof TABLES)[number], number>;
    },
    query,
    async stop(opts) {
      inspector.close();
      // Stop accepting first; the server's close ends live streams, which lets the listener close.
      const closed = new Promise<void>((resolve) => listener.close(() => resolve()));
      await test.close(opts);
      // Requests are done and streams ended; what is left is keep-alive sockets the clients hold.
      (listener as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closed;
    },
  };
}

/**
 * The test server of a file's tests: started before them, stopped (its database removed) after.
 * Use it from the tests (and their hooks) on; it forwards to the server started then.
 */
export function serverForTests(options: Parameters<typeof startServer>[0] = {}): TestServer {
  let started: TestServer | null = null;
  beforeAll(async () => {
    started = await startServer(options);
  });
  afterAll(() => started?.stop({ removeFile: true }));
  return new Proxy({} as TestServer, {
    get(_, key: keyof TestServer) {
      if (!started) throw new Error('The test server starts before the tests: use it from a test or a hook.');
      const value = started[key];
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}

/** Awaits a call expected to fail with this tRPC code; returns the error for more checks. */
export async function expectCode(call: Promise<unknown>, code: string): Promise<TRPCClientError<AppRouter>> {
  const error = await call.then(
    (value) => {
      throw new Error(`expected ${code}, but the call succeeded with ${JSON.stringify(value).slice(0, 300)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  const trpcError = error as TRPCClientError<AppRouter>;
  expect(trpcError.data?.code, trpcError.message).toBe(code);
  return trpcError;
}

/** Polls until `check` returns a truthy value or the time runs out. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out waiting for the condition');
    await new Promise((done) => setTimeout(done, 25));
  }
}

/** The ticket as `client` reads it once it has closed (by the scheduler, typically). */
export function closedEventually(client: Client, id: string, timeoutMs?: number) {
  return eventually(async () => {
    const current = await client.ticket.get.query({ id });
    return current.status === 'closed' ? current : null;
  }, timeoutMs);
}

export const NEW_TICKET: RouterInputs['ticket']['create'] = {
  subject: 'VM unreachable',
  body: 'SSH times out since 10:00.',
  category: 'technical',
};
