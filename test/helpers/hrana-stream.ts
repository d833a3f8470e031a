import { createClient, LibsqlError, type Client, type InArgs, type ResultSet, type Transaction, type TransactionMode } from '@libsql/client';

// One Hrana stream of the test libSQL server (see hrana-server.ts), and the errors it reports.

export interface HranaServerStats {
  /** Pipeline requests answered (any outcome but 401). */
  pipelines: number;
  /** Requests refused for a missing or wrong token. */
  unauthorized: number;
  /** Streams opened, each on a connection of its own. */
  streams: number;
  /** Transactions begun (BEGIN succeeded). */
  transactions: number;
  /** Statements that had to wait for another stream's lock at least once. */
  busyWaits: number;
}

/** A request the protocol does not allow: answered with 400, and the stream is closed. */
export class ProtocolError extends Error {}
/** A refusal of this server, reported as a Hrana error like a SQLite one. */
export class ShimError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export interface DescribeResult {
  params: Array<{ name: string | null }>;
  cols: Array<{ name: string; decltype: string | null }>;
  is_explain: boolean;
  is_readonly: boolean;
}

/** One Hrana stream: one SQLite connection, its transaction state and its stored SQL texts. */
export class Stream {
  readonly sqls = new Map<number, string>();
  lastUsed = Date.now();
  readonly #url: string;
  readonly #busyTimeoutMs: number;
  readonly #stats: HranaServerStats;
  #client: Client;
  // The file client gives a connection back to its pool after each call, rolling back what the
  // call left open; a transaction is the one way to keep a connection and its state across calls.
  // So a BEGIN opens one, statements run in it while it lasts, and COMMIT/ROLLBACK (or an error
  // that ends it) give the connection back. A single-connection pool makes it the same one.
  #tx: Transaction | null = null;
  // The driver leaves a statement that failed with SQLITE_BUSY active on its connection, and a
  // later COMMIT there fails ("SQL statements in progress"); such a connection is replaced as
  // soon as no transaction needs it. Connection settings (PRAGMAs) do not survive that.
  #tainted = false;
  #closed = false;

  constructor(url: string, busyTimeoutMs: number, stats: HranaServerStats) {
    this.#url = url;
    this.#busyTimeoutMs = busyTimeoutMs;
    this.#stats = stats;
    this.#client = this.#connect();
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** True outside a transaction (SQLite's autocommit mode). */
  get autocommit(): boolean {
    this.#settle();
    return this.#tx === null;
  }

  async execute(stmt: { sql: string; args: InArgs }): Promise<ResultSet> {
    this.#settle();
    const tx = this.#tx;
    if (tx) {
      // No waiting inside a transaction: SQLite's busy handler mostly does not either (a reader
      // that cannot upgrade gets SQLITE_BUSY at once), and a retry could not commit (see #tainted).
      try {
        return await this.#noteBusy(() => tx.execute(stmt));
      } finally {
        this.#settle();
      }
    }
    const begin = beginMode(stmt.sql);
    if (begin) {
      this.#tx = await this.#waitingOnBusy(() => this.#client.transaction(begin));
      this.#stats.transactions++;
      return EMPTY_RESULT;
    }
    if (/^\s*SAVEPOINT\b/i.test(stmt.sql)) {
      throw new ShimError('SAVEPOINT outside a transaction is not supported by this test server; BEGIN first', 'NOT_SUPPORTED');
    }
    return this.#waitingOnBusy(() => this.#client.execute(stmt));
  }

  /** Several statements in one text, in order, stopping at the first error (`sequence`). */
  async executeMultiple(sql: string): Promise<void> {
    this.#settle();
    this.#replaceIfTainted();
    try {
      // Not retried on SQLITE_BUSY: the statements before the busy one have run.
      const target = this.#tx ?? this.#client;
      await this.#noteBusy(() => target.executeMultiple(sql));
    } finally {
      this.#settle();
    }
  }

  /** What sqld's `describe` reports, read from the statement's program (EXPLAIN) without running it. */
  async describe(sql: string): Promise<DescribeResult> {
    const explain = /^\s*EXPLAIN\b/i.test(sql);
    const target = explain ? sql.replace(/^\s*EXPLAIN(\s+QUERY\s+PLAN)?\b/i, '') : sql;
    const program = await this.execute({ sql: `EXPLAIN ${target}`, args: [] });
    const ops = program.rows.map((row) => ({ opcode: String(row[1]), p1: Number(row[2]), p2: Number(row[3]), p4: row[5] }));
    const params: Array<{ name: string | null }> = [];
    for (const op of ops.filter((o) => o.opcode === 'Variable')) {
      while (params.length < op.p1) params.push({ name: null });
      if (typeof op.p4 === 'string' && op.p4 !== '') params[op.p1 - 1] = { name: op.p4 };
    }
    // sqlite3_stmt_readonly: transaction control counts as read-only, anything that writes does not.
    const control = ops.some((o) => o.opcode === 'AutoCommit' || o.opcode === 'Savepoint');
    const writes = ops.some((o) => (o.opcode === 'Transaction' && o.p2 !== 0) || o.opcode === 'OpenWrite');
    let cols: Array<{ name: string; decltype: string | null }> = [];
    // Column names are not in the program; a query can be asked for them with no rows.
    if (!explain && ops.some((o) => o.opcode === 'ResultRow') && /^\s*(SELECT|WITH|VALUES)\b/i.test(target)) {
      const probe = await this.execute({ sql: `SELECT * FROM (${target.replace(/;\s*$/, '')}) LIMIT 0`, args: [] });
      cols = probe.columns.map((name, i) => ({ name, decltype: probe.columnTypes[i] || null }));
    }
    return { params, cols, is_explain: explain, is_readonly: control || !writes };
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#tx?.close(); // rolls back
    this.#tx = null;
    this.#client.close();
  }

  #connect(): Client {
    // No driver busy timeout: the driver waits synchronously, which would stall this event loop,
    // and with it the stream holding the lock (and the server under test). See #waitingOnBusy.
    return createClient({ url: this.#url, intMode: 'bigint', concurrency: 1 });
  }

  #replaceIfTainted(): void {
    if (!this.#tainted || this.#tx) return;
    this.#client.close();
    this.#client = this.#connect();
    this.#tainted = false;
  }

  /** Gives the connection back once its transaction ended (COMMIT, ROLLBACK, or an error). */
  #settle(): void {
    if (this.#tx?.closed) {
      this.#tx.close();
      this.#tx = null;
    }
    this.#replaceIfTainted();
  }

  async #noteBusy<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof LibsqlError && error.code === 'SQLITE_BUSY') this.#tainted = true;
      throw error;
    }
  }

  /** SQLite's busy timeout, waiting without blocking: retries while another stream holds the lock. */
  async #waitingOnBusy<T>(run: () => Promise<T>): Promise<T> {
    const until = Date.now() + this.#busyTimeoutMs;
    for (let attempt = 1; ; attempt++) {
      this.#replaceIfTainted();
      try {
        return await this.#noteBusy(run);
      } catch (error) {
        // Only a plain lock wait: SQLITE_BUSY_SNAPSHOT and the like do not clear by waiting.
        const busy = error instanceof LibsqlError && error.code === 'SQLITE_BUSY' && (error.extendedCode ?? 'SQLITE_BUSY') === 'SQLITE_BUSY';
        if (!busy || Date.now() >= until) throw error;
        if (attempt === 1) this.#stats.busyWaits++;
        await new Promise((done) => setTimeout(done, Math.min(attempt, 10)));
      }
    }
  }
}

const EMPTY_RESULT: ResultSet = {
  columns: [],
  columnTypes: [],
  rows: [],
  rowsAffected: 0,
  lastInsertRowid: undefined,
  toJSON: () => ({}),
};

/** The transaction mode of a BEGIN statement, or null for any other statement. */
function beginMode(sql: string): TransactionMode | null {
  const match = /^\s*BEGIN(?:\s+(DEFERRED|IMMEDIATE|EXCLUSIVE))?(?:\s+TRANSACTION)?(\s+READONLY)?\s*;?\s*$/i.exec(sql);
  if (!match) return null;
  if (match[2]) return 'read';
  // In WAL mode EXCLUSIVE behaves as IMMEDIATE: both take the write lock at once.
  return match[1] && match[1].toUpperCase() !== 'DEFERRED' ? 'write' : 'deferred';
}
