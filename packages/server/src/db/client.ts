import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createClient, LibsqlError, type Client } from '@libsql/client';
import type { Logger as QueryLogger } from 'drizzle-orm';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { uuidv7 } from 'uuidv7';
import * as notificationSchema from './notification-schema';
import * as productSchema from './schema';

const schema = { ...productSchema, ...notificationSchema };

export type Database = LibSQLDatabase<typeof schema> & { $client: Client };
/** The handle a transaction callback gets. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything reads can run on: the database or an open transaction. */
export type Queryable = Database | Transaction;

export interface DatabaseOptions {
  /**
   * `file:` path, `libsql://` / `http(s)://` / `ws(s)://` URL of a libSQL server or Turso.
   * Omitted (or `:memory:`): a private throwaway file, removed by `close()`.
   */
  url?: string;
  authToken?: string;
  /** How long a writer waits for another process's lock on a file database. */
  busyTimeoutMs?: number;
  /** Sees every statement drizzle sends (e.g. to check query plans). */
  queryLogger?: QueryLogger;
}

export interface DatabaseHandle {
  db: Database;
  url: string;
  /** True for an embedded file database (one machine; writers serialised in-process). */
  local: boolean;
  /**
   * Runs `fn` in one write transaction. On a file database, writers of this process take turns
   * first: the driver is synchronous, so a second `BEGIN IMMEDIATE` waiting on the lock would
   * block the event loop that the first transaction needs to finish.
   */
  write<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs `fn` while no other writer of this process on the same file runs (e.g. migrations). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** True when a trivial query answers. */
  ping(): Promise<boolean>;
  close(): void;
}

/**
 * Opens the database: a file (WAL, busy timeout, foreign keys on) or a libSQL server.
 *
 * @example
 * const handle = await openDatabase({ url: 'file:./data/support.db' });
 * await handle.write((tx) => tx.insert(organisations).values(row));
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  const throwaway = !options.url || isMemoryUrl(options.url);
  const url = throwaway ? `file:${join(tmpdir(), `support-tickets-${uuidv7()}.db`)}` : options.url!;
  const filePath = localPath(url);
  if (filePath) mkdirSync(dirname(resolve(filePath)), { recursive: true });

  const client = createClient({
    url,
    ...(options.authToken ? { authToken: options.authToken } : {}),
    // Applied by the driver to every pooled connection (a PRAGMA would reach only one).
    ...(filePath ? { timeout: options.busyTimeoutMs ?? 5_000 } : {}),
  });
  if (!filePath) {
    // A remote server that refuses the token or cannot be reached says so here, once, rather
    // than as the first migration's failed query.
    try {
      await client.execute('SELECT 1');
    } catch (error) {
      client.close();
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Cannot open the database at ${redactedUrl(url)}: ${reason}`, { cause: error });
    }
  }
  if (filePath) {
    // WAL lets readers proceed while one writer commits; the mode is stored in the file.
    await client.execute('PRAGMA journal_mode = WAL');
    // libSQL opens every connection with foreign keys on; refuse to run if that ever changes.
    const fk = await client.execute('PRAGMA foreign_keys');
    if (Number(fk.rows[0]?.[0] ?? 0) !== 1) throw new Error('SQLite foreign keys are off for this connection.');
  }
  const db = drizzle(client, { schema, ...(options.queryLogger ? { logger: options.queryLogger } : {}) });
  const lock = filePath ? lockFor(resolve(filePath)) : null;

  const write = <T>(fn: (tx: Transaction) => Promise<T>): Promise<T> => {
    const run = () => withBusyRetry(() => db.transaction(fn));
    return lock ? lock.run(run) : run();
  };

  return {
    db,
    url,
    local: filePath !== null,
    write,
    exclusive: (fn) => (lock ? lock.run(fn) : fn()),
    async ping() {
      try {
        await client.execute('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close() {
      client.close();
      if (throwaway && filePath) {
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${filePath}${suffix}`, { force: true });
      }
    },
  };
}

/** The URL without credentials or query (where an auth token may travel), for messages. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return 'the configured URL';
  }
}

function isMemoryUrl(url: string): boolean {
  return url === ':memory:' || url.startsWith('file::memory:');
}

/** The filesystem path of a `file:` URL, or null for a remote database. */
export function localPath(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  let path = url.slice('file:'.length).split('?')[0] ?? '';
  if (path.startsWith('//')) path = path.slice(2); // file:///abs/path → /abs/path
  return decodeURIComponent(path);
}

/** Promise-chained mutex: callers run one at a time, in arrival order. */
class Mutex {
  #tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn);
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

// Shared by every handle of this process on the same file (tests run two servers on one file).
const fileLocks = new Map<string, Mutex>();
function lockFor(path: string): Mutex {
  let lock = fileLocks.get(path);
  if (!lock) fileLocks.set(path, (lock = new Mutex()));
  return lock;
}

async function withBusyRetry<T>(fn: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !isBusy(error)) throw error;
      await new Promise((done) => setTimeout(done, 20 * attempt + Math.random() * 30));
    }
  }
}

function isBusy(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if (e instanceof LibsqlError && (e.code === 'SQLITE_BUSY' || e.code.startsWith('SQLITE_BUSY'))) return true;
  }
  return false;
}
