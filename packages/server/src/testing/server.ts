import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { createContextInner, type ApiDeps } from '../api/context';
import { createCaller } from '../api/root';
import { signToken, verifyToken, type TokenClaims } from '../auth/token';
import { silentLogger } from '../logger';
import { assembleServer, type ServerOptions, type SupportServer } from '../server';
import { apiClient, fetchFrom, type ApiClient } from './client';
import { TestClock } from './clock';

/** The secret test servers sign tokens with, unless told another. */
export const TEST_AUTH_SECRET = 'test-secret-0123456789abcdef';

export type ApiCaller = ReturnType<typeof createCaller>;

/** The procedures, called in-process as the person of the claims (`createCaller`): no HTTP at all. */
export async function callerOf(deps: ApiDeps, authSecret: string, claims: TokenClaims): Promise<ApiCaller> {
  // Through a real token, so the caller is made from claims exactly as for a request.
  const user = await verifyToken(authSecret, await signToken(authSecret, claims));
  return createCaller(createContextInner({ ...deps, user }));
}

export interface TestServerOptions extends Omit<Partial<ServerOptions>, 'now'> {
  /** Where a new clock starts; default Wednesday 13 May 2026, 16:00 in Tehran (office hours). */
  start?: string | Date | number;
  clock?: TestClock;
  /**
   * The database file (kept by `close()` unless told); default a new one in a temp directory.
   * With `databaseUrl` (a libSQL server) the server uses that, and this names the server's file.
   */
  dbFile?: string;
}

export interface TestServer {
  server: SupportServer;
  /** The Hono app, as `createServer` gives it. */
  app: SupportServer['app'];
  clock: TestClock;
  dbFile: string;
  authSecret: string;
  /** The app as a `fetch` function (see `fetchFrom`). */
  fetch: typeof fetch;
  token(claims: TokenClaims): Promise<string>;
  /** The procedures in-process, as this person (`createCaller`). */
  callerFor(claims: TokenClaims): Promise<ApiCaller>;
  /** A typed tRPC client over `fetch` as this person (or without a token: null). */
  clientFor(claims: TokenClaims | null, options?: { batch?: boolean }): Promise<ApiClient>;
  /** Closes the server; removes the database file's temp directory with `removeFile`. */
  close(options?: { removeFile?: boolean }): Promise<void>;
}

const TEMP_PREFIX = 'support-tickets-test-';

/** A database file in a new temp directory. */
export function tempDbFile(): string {
  return join(mkdtempSync(join(tmpdir(), TEMP_PREFIX)), 'test.db');
}

/** Removes a database file with its journal files, and the directory `tempDbFile` made for it. */
export function removeDatabaseFile(dbFile: string): void {
  const dir = dirname(dbFile);
  if (dirname(dir) === tmpdir() && basename(dir).startsWith(TEMP_PREFIX)) return rmSync(dir, { recursive: true, force: true });
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${dbFile}${suffix}`, { force: true });
}

/**
 * A real server (migrations, router, Hono app) on a database file, on a clock the test moves,
 * logging nothing. No port is opened: call it in-process or through `fetch`.
 *
 * @example
 * const t = await createTestServer();
 * const customer = await t.clientFor({ sub: 'c1', role: 'customer', org: 'acme' });
 * const ticket = await customer.ticket.create.mutate({ subject: 'VM down', body: 'Since 10:00', category: 'technical' });
 * t.clock.advance(60 * 60_000);
 * await t.close({ removeFile: true });
 */
export async function createTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { start, clock: givenClock, dbFile: givenFile, ...rest } = options;
  const clock = givenClock ?? new TestClock(start ?? '2026-05-13T12:30:00Z');
  const dbFile = givenFile ?? tempDbFile();
  const authSecret = rest.authSecret ?? TEST_AUTH_SECRET;
  const { server, deps } = await assembleServer({
    logger: silentLogger,
    ...rest,
    authSecret,
    databaseUrl: rest.databaseUrl ?? `file:${dbFile}`,
    now: clock.now,
  });
  const fetch = fetchFrom(server.app);
  const token = (claims: TokenClaims) => signToken(authSecret, claims);
  return {
    server,
    app: server.app,
    clock,
    dbFile,
    authSecret,
    fetch,
    token,
    callerFor: (claims) => callerOf(deps, authSecret, claims),
    clientFor: async (claims, clientOptions) => apiClient(fetch, claims === null ? null : await token(claims), clientOptions),
    async close(closeOptions) {
      await server.close();
      if (closeOptions?.removeFile) removeDatabaseFile(dbFile);
    },
  };
}
