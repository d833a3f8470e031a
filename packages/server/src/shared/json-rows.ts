import { getTableColumns, sql, type Column, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * A table's rows as one JSON value of the statement that reads their parent: a ticket's cycles
 * or timeline come with the ticket instead of in a statement each. `where` correlates with the
 * outer row; the rows come in `orderBy` (SQLite keeps a subquery's order under an aggregate).
 * `decode` maps each value as drizzle would (dates, booleans, JSON columns).
 *
 * @example
 * const cycles = jsonRows(responseCycles, eq(responseCycles.ticketId, tickets.id), sql`${responseCycles.startedAt}`);
 * const row = await db.select({ ticket: tickets, cycles: cycles.sql }).from(tickets).where(…).get();
 * cycles.decode(row.cycles);
 */
export function jsonRows<T extends SQLiteTable>(table: T, where: SQL | undefined, orderBy: SQL): { sql: SQL<string>; decode(json: string | unknown[][]): Array<T['$inferSelect']> } {
  const columns = columnsOf(table);
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  return {
    sql: sql<string>`(SELECT json_group_array(json_array(${names})) FROM (SELECT ${names} FROM ${table} WHERE ${where ?? sql`1`} ORDER BY ${orderBy}))`,
    decode: (json) => jsonValue<unknown[][]>(json).map((values) => rowOf(columns, values)),
  };
}

/** A JSON value a statement returned: a scalar subquery's arrives as text; nested in another JSON value, parsed already. */
export const jsonValue = <T>(json: unknown): T => (typeof json === 'string' ? JSON.parse(json) : json) as T;

/** The columns of `table` by key, in the order `jsonRows` and `rowOf` read their values. */
export const columnsOf = <T extends SQLiteTable>(table: T): Array<[string, Column]> => Object.entries(getTableColumns(table));

/** One row from its values in `columns`' order, each mapped as drizzle maps a read (null stays null). */
export function rowOf<T>(columns: ReadonlyArray<[string, Column]>, values: readonly unknown[]): T {
  const row: Record<string, unknown> = {};
  columns.forEach(([key, column], i) => {
    const value = values[i];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  });
  return row as T;
}
