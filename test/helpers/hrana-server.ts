import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createClient,
  LibsqlError,
  type Client,
  type InArgs,
  type InValue,
  type ResultSet,
  type Transaction,
  type TransactionMode,
} from '@libsql/client';

// A libSQL server for tests: Hrana over HTTP (JSON, versions 2 and 3) on node:http, backed by a
// real SQLite file, so the server's remote path (`DATABASE_URL=http://…`) runs without sqld.
// Wire format and behaviour follow sqld (libsql-server/src/hrana): one stream per baton, each on
// its own SQLite connection; SQLite errors come back as stream results with the primary code.
//
// @libsql/client 0.18 speaks Hrana 2 over JSON (`/v2/pipeline`) unless asked for 3, when it probes
// `/v3-protobuf` only. Left out: the protobuf encodings (404, so clients fall back to JSON), cursors
// (`/v3/cursor`), replication indexes, SAVEPOINT outside a transaction, refusing a text of several
// statements in `execute` (the driver runs the first), and `describe` columns of anything but a
// query. A transaction is told apart by its BEGIN statement (see Stream).

export interface HranaServerOptions {
  /** The SQLite file behind the server. */
  dbFile: string;
  /** Requests must carry `Authorization: Bearer <authToken>`. */
  authToken: string;
  /** How long a statement waits for another stream's write lock before SQLITE_BUSY. Default 5 s. */
  busyTimeoutMs?: number;
  /** An unused stream is closed (and its transaction rolled back) after this long. Default 10 s, as sqld. */
  streamIdleMs?: number;
}

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

export interface HranaServer {
  /** http://127.0.0.1:port, for `DATABASE_URL`. */
  url: string;
  stats: HranaServerStats;
  /** Streams open now; a client that closes what it opens leaves none between requests. */
  openStreams(): number;
  /** Closes every stream (rolling back open transactions) and the listener. */
  close(): Promise<void>;
}

/** sqld's limits on SQL texts a stream stores (`store_sql`). */
const MAX_STORED_SQLS = 50;
const MAX_STORED_SQL_BYTES = 5_000;

/** Starts the server on a free port of 127.0.0.1. */
export async function startHranaServer(options: HranaServerOptions): Promise<HranaServer> {
  const busyTimeoutMs = options.busyTimeoutMs ?? 5_000;
  const streamIdleMs = options.streamIdleMs ?? 10_000;
  const fileUrl = `file:${options.dbFile}`;
  const stats: HranaServerStats = { pipelines: 0, unauthorized: 0, streams: 0, transactions: 0, busyWaits: 0 };

  // WAL lets the streams' readers go on while one of them writes; the mode is kept in the file.
  const setup = createClient({ url: fileUrl });
  await setup.execute('PRAGMA journal_mode = WAL');
  setup.close();

  const batons = new Map<string, Stream>();
  const expiredBatons = new Set<string>();
  const streams = new Set<Stream>();

  const openStream = () => {
    const stream = new Stream(fileUrl, busyTimeoutMs, stats);
    streams.add(stream);
    stats.streams++;
    return stream;
  };
  const closeStream = (stream: Stream) => {
    stream.close();
    streams.delete(stream);
  };

  // Like sqld, a stream nobody used for a while is closed; its last baton then says so.
  const expiry = setInterval(() => {
    const now = Date.now();
    for (const [baton, stream] of batons) {
      if (now - stream.lastUsed < streamIdleMs) continue;
      batons.delete(baton);
      expiredBatons.add(baton);
      closeStream(stream);
    }
  }, Math.min(1_000, streamIdleMs));
  expiry.unref();

  async function pipeline(version: 2 | 3, body: unknown): Promise<Reply> {
    const request = object(body, 'pipeline request');
    const requests = array(request.requests, 'requests');
    let stream: Stream;
    if (request.baton === undefined || request.baton === null) {
      stream = openStream();
    } else {
      const baton = string(request.baton, 'baton');
      const found = batons.get(baton);
      if (!found) {
        if (expiredBatons.has(baton)) {
          return json(500, { message: 'The stream has expired due to inactivity', code: 'STREAM_EXPIRED' });
        }
        throw new ProtocolError('The baton is invalid or was already used');
      }
      // Each baton works once: requests of a stream come one after another.
      batons.delete(baton);
      stream = found;
    }
    stream.lastUsed = Date.now();
    const results: unknown[] = [];
    try {
      for (const item of requests) {
        if (stream.closed) throw new ProtocolError('The stream was closed by an earlier request');
        results.push(await handleRequest(stream, object(item, 'stream request'), version));
      }
    } catch (error) {
      // As in sqld, a request the protocol does not allow ends the stream.
      closeStream(stream);
      throw error;
    }
    stream.lastUsed = Date.now();
    let nextBaton: string | null = null;
    if (stream.closed) {
      streams.delete(stream);
    } else {
      nextBaton = randomBytes(24).toString('base64url');
      batons.set(nextBaton, stream);
    }
    return json(200, { baton: nextBaton, base_url: null, results });
  }

  const listener = createServer((req, res) => {
    respond(req, res).catch((error: unknown) => {
      send(res, text(500, `Internal error: ${error instanceof Error ? error.message : String(error)}`));
    });
  });

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '') || '/';
    if (req.method === 'GET' && ['/', '/health', '/v2', '/v3'].includes(path)) {
      return send(res, text(200, 'Hello, this is a Hrana over HTTP test server (JSON, versions 2 and 3)'));
    }
    const pipelinePaths: Record<string, 2 | 3> = { '/v2/pipeline': 2, '/v3/pipeline': 3 };
    const version = pipelinePaths[path];
    if (req.method !== 'POST' || version === undefined) {
      await drain(req);
      return send(res, text(404, 'Not found'));
    }
    const body = await readBody(req);
    if (req.headers.authorization !== `Bearer ${options.authToken}`) {
      stats.unauthorized++;
      // sqld's shape: a JSON body without `message`, so clients report the HTTP status.
      return send(res, json(401, { error: 'Unauthorized: the auth token is missing or not valid' }));
    }
    stats.pipelines++;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return send(res, text(400, 'The request body is not valid JSON'));
    }
    try {
      send(res, await pipeline(version, parsed));
    } catch (error) {
      if (error instanceof ProtocolError) return send(res, text(400, error.message));
      throw error;
    }
  }

  listener.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    listener.once('listening', resolve);
    listener.once('error', reject);
  });
  const { port } = listener.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    openStreams: () => streams.size,
    async close() {
      if (!listener.listening) return;
      clearInterval(expiry);
      const closed = new Promise<void>((resolve) => listener.close(() => resolve()));
      listener.closeAllConnections();
      for (const stream of streams) stream.close();
      streams.clear();
      batons.clear();
      await closed;
    },
  };
}

/** One Hrana stream: one SQLite connection, its transaction state and its stored SQL texts. */
class Stream {
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

// ---- requests ----

interface StmtResult {
  cols: Array<{ name: string; decltype: string | null }>;
  rows: HranaValue[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
}
interface DescribeResult {
  params: Array<{ name: string | null }>;
  cols: Array<{ name: string; decltype: string | null }>;
  is_explain: boolean;
  is_readonly: boolean;
}
interface HranaError {
  message: string;
  code: string;
}
type HranaValue =
  | { type: 'null' }
  | { type: 'integer'; value: string }
  | { type: 'float'; value: number }
  | { type: 'text'; value: string }
  | { type: 'blob'; base64: string };

/** A request the protocol does not allow: answered with 400, and the stream is closed. */
class ProtocolError extends Error {}
/** A refusal of this server, reported as a Hrana error like a SQLite one. */
class ShimError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

async function handleRequest(stream: Stream, request: Record<string, unknown>, version: 2 | 3): Promise<unknown> {
  const type = string(request.type, 'request type');
  const ok = (response: Record<string, unknown>) => ({ type: 'ok', response: { type, ...response } });
  const failed = (error: unknown) => ({ type: 'error', error: toHranaError(error) });
  switch (type) {
    case 'close':
      stream.close();
      return ok({});
    case 'execute': {
      const stmt = toStatement(object(request.stmt, 'stmt'), stream.sqls);
      try {
        return ok({ result: toStmtResult(await stream.execute(stmt), stmt.wantRows) });
      } catch (error) {
        return failed(error);
      }
    }
    case 'batch':
      return ok({ result: await runBatch(stream, object(request.batch, 'batch'), version) });
    case 'sequence': {
      const sql = sqlOf(request, stream.sqls);
      try {
        await stream.executeMultiple(sql);
        return ok({});
      } catch (error) {
        return failed(error);
      }
    }
    case 'describe': {
      const sql = sqlOf(request, stream.sqls);
      try {
        return ok({ result: await stream.describe(sql) });
      } catch (error) {
        return failed(error);
      }
    }
    case 'store_sql': {
      const id = integer(request.sql_id, 'sql_id');
      const sql = string(request.sql, 'sql');
      if (stream.sqls.has(id)) throw new ProtocolError(`SQL text ${id} is already stored`);
      if (stream.sqls.size >= MAX_STORED_SQLS) {
        return failed(new ShimError(`The server already stores ${stream.sqls.size} SQL texts, it cannot store more`, 'SQL_STORE_TOO_MANY'));
      }
      if (Buffer.byteLength(sql) > MAX_STORED_SQL_BYTES) {
        return failed(new ShimError('The statement is too large to be stored', 'SQL_STORE_TOO_LARGE'));
      }
      stream.sqls.set(id, sql);
      return ok({});
    }
    case 'close_sql':
      stream.sqls.delete(integer(request.sql_id, 'sql_id'));
      return ok({});
    case 'get_autocommit':
      if (version < 3) throw new ProtocolError('The `get_autocommit` request needs Hrana 3');
      return ok({ is_autocommit: stream.autocommit });
    default:
      throw new ProtocolError(`Unknown stream request type ${JSON.stringify(type)}`);
  }
}

type Condition = (results: Array<StmtResult | null>, errors: Array<HranaError | null>) => boolean;

/** Steps run in order, each only if its condition holds; a failed step does not stop the batch. */
async function runBatch(stream: Stream, batch: Record<string, unknown>, version: 2 | 3) {
  // The whole batch is checked before any step runs, as in sqld.
  const steps = array(batch.steps, 'steps').map((item, index) => {
    const step = object(item, 'batch step');
    return {
      stmt: toStatement(object(step.stmt, 'stmt'), stream.sqls),
      condition: step.condition === undefined || step.condition === null ? null : toCondition(step.condition, index, version, stream),
    };
  });
  const stepResults: Array<StmtResult | null> = [];
  const stepErrors: Array<HranaError | null> = [];
  for (const { stmt, condition } of steps) {
    if (condition && !condition(stepResults, stepErrors)) {
      stepResults.push(null);
      stepErrors.push(null);
      continue;
    }
    try {
      stepResults.push(toStmtResult(await stream.execute(stmt), stmt.wantRows));
      stepErrors.push(null);
    } catch (error) {
      stepResults.push(null);
      stepErrors.push(toHranaError(error));
    }
  }
  return { step_results: stepResults, step_errors: stepErrors };
}

function toCondition(value: unknown, stepIndex: number, version: 2 | 3, stream: Stream): Condition {
  const cond = object(value, 'batch condition');
  const step = () => {
    const index = integer(cond.step, 'condition step');
    if (index < 0 || index >= stepIndex) throw new ProtocolError(`A condition of step ${stepIndex} refers to step ${index}`);
    return index;
  };
  const list = () => array(cond.conds, 'conditions').map((c) => toCondition(c, stepIndex, version, stream));
  switch (cond.type) {
    case 'ok': {
      const index = step();
      return (results) => results[index] !== null;
    }
    case 'error': {
      const index = step();
      return (_results, errors) => errors[index] !== null;
    }
    case 'not': {
      const inner = toCondition(cond.cond, stepIndex, version, stream);
      return (results, errors) => !inner(results, errors);
    }
    case 'and': {
      const all = list();
      return (results, errors) => all.every((c) => c(results, errors));
    }
    case 'or': {
      const any = list();
      return (results, errors) => any.some((c) => c(results, errors));
    }
    case 'is_autocommit':
      if (version < 3) throw new ProtocolError('The `is_autocommit` condition needs Hrana 3');
      return () => stream.autocommit;
    default:
      throw new ProtocolError(`Unknown batch condition ${JSON.stringify(cond.type)}`);
  }
}

function toStatement(stmt: Record<string, unknown>, sqls: Map<number, string>): { sql: string; args: InArgs; wantRows: boolean } {
  const sql = sqlOf(stmt, sqls);
  const positional = stmt.args === undefined || stmt.args === null ? [] : array(stmt.args, 'args').map(toValue);
  const named = stmt.named_args === undefined || stmt.named_args === null ? [] : array(stmt.named_args, 'named_args');
  if (positional.length > 0 && named.length > 0) throw new ProtocolError('Both positional and named arguments were given');
  let args: InArgs = positional;
  if (named.length > 0) {
    const byName: Record<string, InValue> = {};
    for (const item of named) {
      const arg = object(item, 'named argument');
      byName[string(arg.name, 'argument name')] = toValue(arg.value);
    }
    args = byName;
  }
  return { sql, args, wantRows: stmt.want_rows !== false };
}

/** The SQL of a statement: given inline or by the id of a stored text, exactly one of them. */
function sqlOf(source: Record<string, unknown>, sqls: Map<number, string>): string {
  const hasSql = source.sql !== undefined && source.sql !== null;
  const hasId = source.sql_id !== undefined && source.sql_id !== null;
  if (hasSql === hasId) throw new ProtocolError('Exactly one of `sql` and `sql_id` must be given');
  if (hasSql) return string(source.sql, 'sql');
  const id = integer(source.sql_id, 'sql_id');
  const sql = sqls.get(id);
  if (sql === undefined) throw new ProtocolError(`No SQL text is stored under ${id}`);
  return sql;
}

function toValue(value: unknown): InValue {
  const v = object(value, 'value');
  switch (v.type) {
    case 'null':
      return null;
    case 'integer':
      return BigInt(string(v.value, 'integer value'));
    case 'float':
      // The file driver binds a JS number as REAL, as sqld binds a Hrana float.
      if (typeof v.value !== 'number') throw new ProtocolError('A float value must be a JSON number');
      return v.value;
    case 'text':
      return string(v.value, 'text value');
    case 'blob':
      return new Uint8Array(Buffer.from(string(v.base64, 'blob value'), 'base64'));
    default:
      throw new ProtocolError(`Unknown value type ${JSON.stringify(v.type)}`);
  }
}

function fromValue(value: unknown): HranaValue {
  if (value === null || value === undefined) return { type: 'null' };
  if (typeof value === 'bigint') return { type: 'integer', value: value.toString() };
  // With intMode 'bigint' a JS number is always a SQLite REAL.
  if (typeof value === 'number') return { type: 'float', value };
  if (typeof value === 'string') return { type: 'text', value };
  if (value instanceof ArrayBuffer) return { type: 'blob', base64: Buffer.from(value).toString('base64') };
  throw new Error(`Cannot encode a ${typeof value} from SQLite`);
}

function toStmtResult(result: ResultSet, wantRows: boolean): StmtResult {
  return {
    cols: result.columns.map((name, i) => ({ name, decltype: result.columnTypes[i] || null })),
    rows: wantRows ? result.rows.map((row) => result.columns.map((_, i) => fromValue(row[i]))) : [],
    affected_row_count: result.rowsAffected,
    last_insert_rowid: result.lastInsertRowid === undefined ? null : result.lastInsertRowid.toString(),
  };
}

/** As sqld words them: the primary SQLite code (`SQLITE_CONSTRAINT`, `SQLITE_BUSY`, …). */
function toHranaError(error: unknown): HranaError {
  if (error instanceof LibsqlError) {
    // The driver's message starts with its code; the client puts the code in front again.
    const message = error.message.startsWith(`${error.code}: `) ? error.message.slice(error.code.length + 2) : error.message;
    return { message: `SQLite error: ${message}`, code: error.code };
  }
  if (error instanceof ShimError) return { message: error.message, code: error.code };
  return { message: error instanceof Error ? error.message : String(error), code: 'UNKNOWN' };
}

// ---- JSON checks: anything malformed is a protocol error ----

function object(value: unknown, what: string): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new ProtocolError(`Expected an object for ${what}`);
}
function array(value: unknown, what: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw new ProtocolError(`Expected an array for ${what}`);
}
function string(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  throw new ProtocolError(`Expected a string for ${what}`);
}
function integer(value: unknown, what: string): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw new ProtocolError(`Expected an integer for ${what}`);
}

// ---- HTTP ----

interface Reply {
  status: number;
  type: string;
  body: string;
}
const json = (status: number, body: unknown): Reply => ({ status, type: 'application/json', body: JSON.stringify(body) });
const text = (status: number, body: string): Reply => ({ status, type: 'text/plain', body });

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent) return;
  res.writeHead(reply.status, { 'content-type': reply.type, 'content-length': Buffer.byteLength(reply.body) });
  res.end(reply.body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function drain(req: IncomingMessage): Promise<void> {
  for await (const _ of req);
}
