import { searchExcerpt, searchScore, seesInternal, type SearchExcerpt } from '@support-tickets/core';
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { messages, organisations, tickets } from '../db/schema';
import type { Caller } from '../shared/caller';
import { onlyPlaceholders, type Conditions } from '../shared/conditions';
import { preparedOn } from '../shared/prepared';
import { orderedColumns, type OrderedRow } from './list-page';

/**
 * How many of the newest matching texts a search ranks. The index hands matches over newest
 * first and stops here, so a word found in half the tickets costs what a rare one does; older
 * matches beyond it are left out (a search narrows, it does not enumerate).
 */
export const SEARCH_CANDIDATES = 300;

export interface SearchMatch {
  field: 'subject' | 'message';
  excerpt: SearchExcerpt;
}

type TicketRow = typeof tickets.$inferSelect;

// FTS5's query language: each word a quoted phrase (a quote inside doubled), all of them required.
const phrase = (text: string) => `"${text.replaceAll('"', '""')}"`;

/**
 * The FTS5 query: the words in the body; for those who see no internal notes, only their
 * organisation's public text (its scope token, from the organisation's row; an unknown
 * organisation's is key 0's, which no organisation has).
 */
function matchQuery(caller: Caller, terms: string[]): SQL {
  const words = `body : (${terms.map(phrase).join(' AND ')})`;
  if (seesInternal(caller)) return sql`${words}`;
  const scope = sql`coalesce((SELECT ${organisations.searchScope} FROM ${organisations} WHERE ${organisations.id} = ${caller.orgId ?? ''}), char(57344, 57344))`;
  return sql`${`${words} AND scope : "`} || ${scope} || 'p"'`;
}

/**
 * A page of tickets whose subject or messages hold every word of `terms`, best match first
 * (BM25's weighting over the newest `SEARCH_CANDIDATES` matching texts, a ticket ranked by its best text)
 * or in the list's `order`,
 * within `where` (tenancy and filters, as the list applies them).
 */
export async function searchTickets(
  db: Queryable,
  caller: Caller,
  terms: string[],
  where: Conditions,
  page: { offset: number; limit: number },
  /** The list's order when the caller asked for one; best match first otherwise. */
  order: ((a: OrderedRow, b: OrderedRow) => number) | null,
): Promise<{ rows: TicketRow[]; hits: Map<string, { messageId: string | null }>; more: boolean }> {
  // No bm25() here: SQLite's counts every text holding a term, on every query, at any size.
  const matches = await db.all<{ ticketId: string; messageId: string | null; body: string }>(sql`
    SELECT ticket_id AS ticketId, message_id AS messageId, body
    FROM ticket_search WHERE ticket_search MATCH (${matchQuery(caller, terms)})
    ORDER BY rowid DESC LIMIT ${SEARCH_CANDIDATES}`);
  const averageLength = matches.reduce((sum, match) => sum + match.body.length, 0) / Math.max(matches.length, 1);
  const best = new Map<string, { messageId: string | null; score: number }>();
  for (const match of matches) {
    const score = searchScore(match.body, terms, averageLength);
    const known = best.get(match.ticketId);
    if (!known || score > known.score) best.set(match.ticketId, { messageId: match.messageId, score });
  }
  if (best.size === 0) return { rows: [], hits: best, more: false };
  const byScore = (a: { id: string }, b: { id: string }) => best.get(b.id)!.score - best.get(a.id)!.score || (a.id < b.id ? -1 : 1);
  // Nothing to check or order by but the score (an agent's plain search): the page's rows alone
  // are read. Otherwise the candidates' order columns, within the conditions, then the page's.
  const ranked =
    where.list.length === 0 && !order
      ? [...best.keys()].map((id) => ({ id })).sort(byScore)
      : (await candidatesWithin(db, where, [...best.keys()])).sort(order ?? byScore);
  const pageIds = ranked.slice(page.offset, page.offset + page.limit).map((row) => row.id);
  const rows = pageIds.length === 0 ? [] : await db.select().from(tickets).where(inArray(tickets.id, pageIds));
  const position = new Map(pageIds.map((id, i) => [id, i]));
  rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  return { rows, hits: best, more: ranked.length > page.offset + page.limit };
}

/**
 * The candidates within `where`, with what the list's orders compare. Each is looked up by
 * id (CROSS JOIN keeps that order): a condition's own index, such as a customer's tickets,
 * would read every one of them and grow with the table.
 */
function candidatesWithin(db: Queryable, where: Conditions, ids: string[]): Promise<OrderedRow[]> {
  const query = preparedOn(db, `search.candidates ${where.shape}`, (db) =>
    onlyPlaceholders(
      db
        .select(orderedColumns)
        .from(sql`json_each(${sql.placeholder('candidates')}) AS "candidate"`)
        .crossJoin(tickets)
        .where(and(sql`${tickets.id} = "candidate"."value"`, ...where.list))
        .prepare(),
    ),
  );
  return query.all({ ...where.values, candidates: JSON.stringify(ids) });
}

/** What each ticket of a search page matched on, as an excerpt with the words marked. */
export async function searchMatches(
  db: Queryable,
  rows: TicketRow[],
  hits: Map<string, { messageId: string | null }>,
  query: string,
): Promise<Map<string, SearchMatch>> {
  const messageIds = rows.flatMap((row) => hits.get(row.id)?.messageId ?? []);
  const bodies = new Map<string, string>();
  if (messageIds.length > 0) {
    const found = await db.select({ id: messages.id, body: messages.body }).from(messages).where(inArray(messages.id, messageIds));
    for (const message of found) bodies.set(message.id, message.body);
  }
  const result = new Map<string, SearchMatch>();
  for (const row of rows) {
    const messageId = hits.get(row.id)?.messageId ?? null;
    const field = messageId ? 'message' : 'subject';
    const excerpt = searchExcerpt(messageId ? (bodies.get(messageId) ?? '') : row.subject, query);
    if (excerpt) result.set(row.id, { field, excerpt });
  }
  return result;
}
