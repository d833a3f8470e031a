import { OPEN_STATUSES } from '@support-tickets/core';
import { inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { tickets } from '../db/schema';
import { literal, type Param } from './conditions';

/** A ticket still being worked, as a WHERE condition: core's open statuses, which an index on status can serve. */
export const isOpenTicket = (): SQL => inArray(tickets.status, OPEN_STATUSES);

/**
 * `column` contains `text` (ASCII case aside, as SQLite's LIKE goes), with `%`, `_` and `\`
 * matching themselves; the pattern is taken by `param` as `name`.
 */
export function contains(column: SQLWrapper, text: string, param: Param = literal, name = 'contains'): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`${column} LIKE ${param(name, pattern)} ESCAPE '\\'`;
}
