import { seesInternal, type PlanId, type ResponseCycle } from '@support-tickets/core';
import { and, asc, desc, getTableColumns, sql, type SQL, type Subquery } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { organisations, presence, responseCycles, tickets, type TicketRow } from '../db/schema';
import type { Caller } from '../shared/caller';
import { Conditions, onlyPlaceholders } from '../shared/conditions';
import { toCycle } from '../shared/cycles';
import { columnsOf, jsonRows, jsonValue, rowOf } from '../shared/json-rows';
import { preparedOn } from '../shared/prepared';
import { visibleTickets } from '../shared/tenancy';
import { encodeTicketCursor, type TicketCursor, type TicketSort } from './cursor';
import type { PresenceOutput } from './output';
import { presenceOutputs, presenceSince, presentWhere } from './presence';

/** An organisation as agents' lists label its tickets. */
export interface OrgLabel {
  name: string;
  planId: PlanId | 'custom';
}

/** What a list shows beside each ticket's row, read with the page or after it. */
export interface PageParts {
  cycles: ReadonlyMap<string, ResponseCycle[]>;
  /** Agents only: each organisation of the page by name and plan. */
  orgs: ReadonlyMap<string, OrgLabel>;
  /** Agents only: who else is in each ticket now. */
  presence: ReadonlyMap<string, PresenceOutput[]>;
}

const ticketColumns = columnsOf(tickets);
const ticketColumnNames = sql.join(
  ticketColumns.map(([, column]) => sql.identifier(column.name)),
  sql`, `,
);
// Read for the page's rows only (outside the LIMIT): tickets that tie in the order are sorted
// before the LIMIT applies, and a column computed there would be computed for every one of them.
const pageRow = sql`"page"`;
const ticketCycles = jsonRows(responseCycles, sql`${responseCycles.ticketId} = ${pageRow}."id"`, sql`${responseCycles.startedAt}, ${responseCycles.id}`);
const ticketPresence = jsonRows(
  presence,
  presentWhere(sql`${presence.ticketId} = ${pageRow}."id"`, sql.placeholder('presenceSince'), sql.placeholder('viewerId')),
  // The primary key's order, nothing to sort: `presenceOutputs` orders them by name.
  sql`${presence.userId}`,
);
const ticketOrg = sql`(SELECT json_array(${organisations.name}, ${organisations.planId}) FROM ${organisations} WHERE ${organisations.id} = ${pageRow}."org_id")`;
const AFTER_COLUMNS = ticketColumns.length;

/**
 * A page in the queue's, the newest-first or the attention order (keyset pagination: never
 * OFFSET), with each ticket's cycles and, for agents, its organisation and who else is in it:
 * one statement, built once per shape of the conditions.
 */
export async function listPage(
  db: Queryable,
  caller: Caller,
  sort: TicketSort,
  after: TicketCursor | null,
  where: Conditions,
  limit: number,
  now: Date,
): Promise<{ page: TicketRow[]; parts: PageParts; nextCursor: string | null }> {
  const internal = seesInternal(caller);
  // Those who do not see internal notes sort by the last change they can see.
  const updatedAt = internal ? tickets.updatedAt : tickets.publicUpdatedAt;
  const { param } = where;
  let order: SQL[];
  if (sort === 'due') {
    if (after?.sort === 'due') {
      where.add('after', sql`(${tickets.queueRank}, ${tickets.queueAt}, ${tickets.id}) > (${param('rank', after.rank)}, ${param('at', after.at)}, ${param('id', after.id)})`);
    }
    order = [asc(tickets.queueRank), asc(tickets.queueAt), asc(tickets.id)];
  } else if (sort === 'attention') {
    if (after?.sort === 'attention') {
      where.add('after', sql`(${tickets.attentionBand}, ${updatedAt}, ${tickets.id}) < (${param('band', after.band)}, ${param('updatedAt', after.updatedAt)}, ${param('id', after.id)})`);
    }
    order = [desc(tickets.attentionBand), desc(updatedAt), desc(tickets.id)];
  } else {
    if (after?.sort === 'updated') {
      where.add('after', sql`(${updatedAt}, ${tickets.id}) < (${param('updatedAt', after.updatedAt)}, ${param('id', after.id)})`);
    }
    order = [desc(updatedAt), desc(tickets.id)];
  }
  const key = `ticket.list ${sort} ${internal ? 'internal' : 'public'} ${where.shape}`;
  const { rows, parts } = await readPage(
    db,
    caller,
    key,
    (db) =>
      db
        .select()
        .from(tickets)
        .where(and(...where.list))
        .orderBy(...order)
        .limit(sql.placeholder('limit')),
    { ...where.values, limit: limit + 1 },
    now,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeTicketCursor(cursorAfter(sort, last, internal)) : null;
  return { page, parts, nextCursor };
}

/**
 * The tickets of `ids` the caller may see, in that order, with what a list shows beside them:
 * one statement, built once. A search's page and a bulk action's tickets are read this way.
 */
export async function pageOfIds(db: Queryable, caller: Caller, ids: readonly string[], now: Date): Promise<{ rows: TicketRow[]; parts: PageParts }> {
  if (ids.length === 0) return { rows: [], parts: { cycles: new Map(), orgs: new Map(), presence: new Map() } };
  const where = new Conditions();
  // The ids were chosen within what the caller sees; asked again, so a slip there shows nothing.
  where.add('visible', visibleTickets(caller, where.param));
  const { rows, parts } = await readPage(
    db,
    caller,
    `ticket.page ${caller.role}`,
    (db) =>
      db
        .select(getTableColumns(tickets))
        .from(sql`json_each(${sql.placeholder('ids')}) AS "wanted"`)
        .crossJoin(tickets)
        .where(and(sql`${tickets.id} = "wanted"."value"`, ...where.list)),
    { ...where.values, ids: JSON.stringify(ids) },
    now,
  );
  const position = new Map(ids.map((id, i) => [id, i]));
  return { rows: rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!), parts };
}

/**
 * The rows `inner` selects, in its order, each with its cycles and, for agents, its
 * organisation and who else is in it: one JSON value, read by a statement built once per `key`.
 */
async function readPage(
  db: Queryable,
  caller: Caller,
  key: string,
  inner: (db: Queryable) => { as(alias: 'page'): Subquery },
  values: Record<string, unknown>,
  now: Date,
): Promise<{ rows: TicketRow[]; parts: PageParts }> {
  const agent = caller.role === 'agent';
  const query = preparedOn(db, `${key} ${agent ? 'agent' : 'other'}`, (db) => {
    // The page as one JSON value: JSON.parse and drizzle's column mappers instead of a driver
    // row object and a drizzle row per ticket, and no statement per part.
    const parts = agent ? sql`${ticketCycles.sql}, ${ticketOrg}, ${ticketPresence.sql}` : ticketCycles.sql;
    const page = sql<string>`json_group_array(json_array(${ticketColumnNames}, ${parts}))`;
    return onlyPlaceholders(db.select({ page }).from(inner(db).as('page')).prepare());
  });
  const read = await query.get({ ...values, ...(agent ? { presenceSince: presenceSince(now).getTime(), viewerId: caller.userId ?? '' } : {}) });
  const arrays = JSON.parse(read?.page ?? '[]') as unknown[][];
  const rows = arrays.map((row) => rowOf<TicketRow>(ticketColumns, row));
  const cycles = new Map<string, ResponseCycle[]>();
  const orgs = new Map<string, OrgLabel>();
  const present = new Map<string, PresenceOutput[]>();
  rows.forEach((row, i) => {
    const values = arrays[i]!;
    cycles.set(row.id, ticketCycles.decode(values[AFTER_COLUMNS] as string).map(toCycle));
    if (!agent) return;
    const org = jsonValue<[string, OrgLabel['planId']] | null>(values[AFTER_COLUMNS + 1]);
    if (org) orgs.set(row.orgId, { name: org[0], planId: org[1] });
    present.set(row.id, presenceOutputs(ticketPresence.decode(values[AFTER_COLUMNS + 2] as string), now));
  });
  return { rows, parts: { cycles, orgs, presence: present } };
}

/** The cursor that continues `sort` after `row`. */
function cursorAfter(sort: TicketSort, row: TicketRow, internal: boolean): TicketCursor {
  const updatedAt = (internal ? row.updatedAt : row.publicUpdatedAt).getTime();
  if (sort === 'due') return { sort, rank: row.queueRank ?? 0, at: row.queueAt ?? 0, id: row.id };
  if (sort === 'attention') return { sort, band: row.attentionBand ?? 0, updatedAt, id: row.id };
  return { sort, updatedAt, id: row.id };
}

/** What the list's orders compare. */
export type OrderedRow = Pick<TicketRow, 'id' | 'queueRank' | 'queueAt' | 'attentionBand' | 'updatedAt' | 'publicUpdatedAt'>;

/** The columns of `OrderedRow`, for a select. */
export const orderedColumns = {
  id: tickets.id,
  queueRank: tickets.queueRank,
  queueAt: tickets.queueAt,
  attentionBand: tickets.attentionBand,
  updatedAt: tickets.updatedAt,
  publicUpdatedAt: tickets.publicUpdatedAt,
};

/** The list's orders as a comparison, for a search's matches sorted in memory. */
export function listOrder(caller: Caller, sort: TicketSort) {
  const byId = (a: OrderedRow, b: OrderedRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (sort === 'due') return (a: OrderedRow, b: OrderedRow) => (a.queueRank ?? 0) - (b.queueRank ?? 0) || (a.queueAt ?? 0) - (b.queueAt ?? 0) || byId(a, b);
  const internal = seesInternal(caller);
  const updated = (row: OrderedRow) => (internal ? row.updatedAt : row.publicUpdatedAt).getTime();
  const newest = (a: OrderedRow, b: OrderedRow) => updated(b) - updated(a) || byId(b, a);
  if (sort === 'attention') return (a: OrderedRow, b: OrderedRow) => (b.attentionBand ?? 0) - (a.attentionBand ?? 0) || newest(a, b);
  return newest;
}
