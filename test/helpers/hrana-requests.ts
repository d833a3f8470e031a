import { LibsqlError, type InArgs, type InValue, type ResultSet } from '@libsql/client';
import { ProtocolError, ShimError, type Stream } from './hrana-stream';

// The Hrana requests of the test libSQL server (see hrana-server.ts): a stream's requests, batches
// and their conditions, values, and the JSON checks that make anything malformed a protocol error.

/** sqld's limits on SQL texts a stream stores (`store_sql`). */
const MAX_STORED_SQLS = 50;
const MAX_STORED_SQL_BYTES = 5_000;

interface StmtResult {
  cols: Array<{ name: string; decltype: string | null }>;
  rows: HranaValue[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
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

export async function handleRequest(stream: Stream, request: Record<string, unknown>, version: 2 | 3): Promise<unknown> {
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

export function object(value: unknown, what: string): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new ProtocolError(`Expected an object for ${what}`);
}
export function array(value: unknown, what: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw new ProtocolError(`Expected an array for ${what}`);
}
export function string(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  throw new ProtocolError(`Expected a string for ${what}`);
}
export function integer(value: unknown, what: string): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw new ProtocolError(`Expected an integer for ${what}`);
}
