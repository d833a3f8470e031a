import { seesInternal, type ResponseCycle } from '@support-tickets/core';
import { and, asc, desc, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { responseCycles, tickets, type TicketRow } from '../db/schema';
import type { Caller } from '../shared/caller';
import { toCycle } from '../shared/cycles';
import { columnsOf, jsonRows, rowOf } from '../shared/json-rows';
import { encodeTicketCursor, type TicketCursor, type TicketSort } from './cursor';

const ticketColumns = columnsOf(tickets);
const ticketColumnNames = sql.join(
  ticketColumns.map(([, column]) => sql.identifier(column.name)),
  sql`, `,
);
// Read for the page's rows only (outside the LIMIT): tickets that tie in the order are sorted
// before the LIMIT applies, and a column computed there would be computed for every one of them.
const ticketCycles = jsonRows(responseCycles, sql`${responseCycles.ticketId} = "page"."id"`, sql`${responseCycles.startedAt}, ${responseCycles.id}`);

/** A page in the queue's, the newest-first or the attention order (keyset pagination: never OFFSET). */
export async function listPage(
  db: Queryable,
  caller: Caller,
  sort: TicketSort,
  after: TicketCursor | null,
  conditions: Array<SQL | undefined>,
  limit: number,
): Promise<{ page: TicketRow[]; cycles: Map<string, ResponseCycle[]>; nextCursor: string | null }> {
  // Those who do not see internal notes sort by the last change they can see.
  const updatedAt = seesInternal(caller) ? tickets.updatedAt : tickets.publicUpdatedAt;
  let order: SQL[];
  if (sort === 'due') {
    if (after?.sort === 'due') {
      conditions.push(sql`(${tickets.queueRank}, ${tickets.queueAt}, ${tickets.id}) > (${after.rank}, ${after.at}, ${after.id})`);
    }
    order = [asc(tickets.queueRank), asc(tickets.queueAt), asc(tickets.id)];
  } else if (sort === 'attention') {
    if (after?.sort === 'attention') {
      conditions.push(sql`(${tickets.attentionBand}, ${updatedAt}, ${tickets.id}) < (${after.band}, ${after.updatedAt}, ${after.id})`);
    }
    order = [desc(tickets.attentionBand), desc(updatedAt), desc(tickets.id)];
  } else {
    if (after?.sort === 'updated') {
      conditions.push(sql`(${updatedAt}, ${tickets.id}) < (${after.updatedAt}, ${after.id})`);
    }
    order = [desc(updatedAt), desc(tickets.id)];
  }
  // The page and each ticket's cycles as one JSON value: JSON.parse and drizzle's column
  // mappers instead of a driver row object and a drizzle row per ticket, and no second statement.
  const inner = db
    .select()
    .from(tickets)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(limit + 1);
  const read = await db.get<{ page: string }>(sql`SELECT json_group_array(json_array(${ticketColumnNames}, ${ticketCycles.sql})) AS page FROM (${inner}) AS page`);
  const values = JSON.parse(read?.page ?? '[]') as unknown[][];
  const rows = values.map((row) => rowOf<TicketRow>(ticketColumns, row));
  const cycles = new Map(values.slice(0, limit).map((row, i) => [rows[i]!.id, ticketCycles.decode(row[ticketColumns.length] as string | unknown[][]).map(toCycle)]));
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeTicketCursor(cursorAfter(sort, last, seesInternal(caller))) : null;
  return { page, cycles, nextCursor };
}

/** The cursor that continues `sort` after `row`. */
function cursorAfter(sort: TicketSort, row: TicketRow, internal: boolean): TicketCursor {
  const updatedAt = (internal ? row.updatedAt : row.publicUpdatedAt).getTime();
  if (sort === 'due') return { sort, rank: row.queueRank ?? 0, at: row.queueAt ?? 0, id: row.id };
  if (sort === 'attention') return { sort, band: row.attentionBand ?? 0, updatedAt, id: row.id };
  return { sort, updatedAt, id: row.id };
}

/** The list's orders as a comparison, for a search's matches sorted in memory. */
export function listOrder(caller: Caller, sort: TicketSort) {
  const byId = (a: TicketRow, b: TicketRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (sort === 'due') return (a: TicketRow, b: TicketRow) => (a.queueRank ?? 0) - (b.queueRank ?? 0) || (a.queueAt ?? 0) - (b.queueAt ?? 0) || byId(a, b);
  const updated = (row: TicketRow) => (seesInternal(caller) ? row.updatedAt : row.publicUpdatedAt).getTime();
  const newest = (a: TicketRow, b: TicketRow) => updated(b) - updated(a) || byId(b, a);
  if (sort === 'attention') return (a: TicketRow, b: TicketRow) => (b.attentionBand ?? 0) - (a.attentionBand ?? 0) || newest(a, b);
  return newest;
}
