import { getTableColumns, sql, type SQL } from 'drizzle-orm';
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
export function jsonRows<T extends SQLiteTable>(table: T, where: SQL | undefined, orderBy: SQL): { sql: SQL<string>; decode(json: string): Array<T['$inferSelect']> } {
  const columns = Object.entries(getTableColumns(table));
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  return {
    sql: sql<string>`(SELECT json_group_array(json_array(${names})) FROM (SELECT ${names} FROM ${table} WHERE ${where ?? sql`1`} ORDER BY ${orderBy}))`,
    decode: (json) =>
      (JSON.parse(json) as unknown[][]).map((values) => {
        const row: Record<string, unknown> = {};
        columns.forEach(([key, column], i) => {
          const value = values[i];
          row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
        });
        return row as T['$inferSelect'];
      }),
  };
}
