import type { Queryable } from '../db/client';

// drizzle builds a query's SQL text anew on every call, which costs more than running it on a
// statement the driver keeps prepared. A hot query is built once per database handle instead,
// with `sql.placeholder` for what changes between calls.

const built = new WeakMap<Queryable, Map<string, unknown>>();

/**
 * The query `build` makes on `db`, built on the first call with this `key` and kept for the
 * handle's lifetime (a transaction's handle lives as long as its transaction).
 *
 * @example
 * const byId = preparedOn(db, 'ticket.byId', (db) => db.select().from(tickets).where(eq(tickets.id, sql.placeholder('id'))).prepare());
 * const row = await byId.get({ id });
 */
export function preparedOn<T>(db: Queryable, key: string, build: (db: Queryable) => T): T {
  let queries = built.get(db);
  if (!queries) built.set(db, (queries = new Map()));
  let query = queries.get(key) as T | undefined;
  if (query === undefined) queries.set(key, (query = build(db)));
  return query;
}
