import { searchExcerpt, searchScore, seesInternal, type SearchExcerpt } from '@support-tickets/core';
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { messages, organisations, searchCreators, searchKeyChars, tickets, type TicketRow } from '../db/schema';
import type { Caller } from '../shared/caller';
import { onlyPlaceholders, type Conditions } from '../shared/conditions';
import { preparedOn } from '../shared/prepared';
import { onlyTenancy } from './list-conditions';
import { orderedColumns, pageOfIds, type OrderedRow, type PageParts } from './list-page';

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

// FTS5's query language: each word a quoted phrase (a quote inside doubled), all of them required.
const phrase = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** How much of the index a caller's search asks for: every text, an organisation's public ones, or a customer's own. */
type IndexScope = 'all' | 'organisation' | 'customer';

/** The index's scope for the caller: what `visibleTickets` lets them see, as the index's scope tokens carry it. */
const indexScopeOf = (caller: Caller): IndexScope => (seesInternal(caller) ? 'all' : caller.role === 'customer' ? 'customer' : 'organisation');

/**
 * The FTS5 query, from placeholders: `words` (the words in the body), and the scope's tokens
 * of `scopeOrg` and `scopeCreator`, from their rows (one unknown is key 0's, which no
 * organisation and no customer has).
 */
function matchQuery(scope: IndexScope): SQL {
  const unknown = sql.raw(searchKeyChars('0'));
  const words = sql.placeholder('words');
  if (scope === 'all') return sql`${words}`;
  const org = sql`coalesce((SELECT ${organisations.searchScope} FROM ${organisations} WHERE ${organisations.id} = ${sql.placeholder('scopeOrg')}), ${unknown})`;
  const inOrg = sql`${words} || ' AND scope : "' || ${org} || 'p"'`;
  if (scope === 'organisation') return inOrg;
  const creator = sql`coalesce((SELECT ${searchCreators.scope} FROM ${searchCreators} WHERE ${searchCreators.orgId} = ${sql.placeholder('scopeOrg')} AND ${searchCreators.createdBy} = ${sql.placeholder('scopeCreator')}), ${unknown} || 'c')`;
  return sql`${inOrg} || ' AND scope : "' || ${creator} || '"'`;
}

/** The newest matching texts, as the index hands them over (no bm25(): SQLite's counts every text holding a term, on every query, at any size). */
const newestMatches = (scope: IndexScope) =>
  sql`(SELECT ticket_id, message_id, body FROM ticket_search WHERE ticket_search MATCH (${matchQuery(scope)}) ORDER BY rowid DESC LIMIT ${sql.raw(String(SEARCH_CANDIDATES))}) AS "match"`;

const matchColumns = { ticketId: sql<string>`"match"."ticket_id"`, messageId: sql<string | null>`"match"."message_id"`, body: sql<string>`"match"."body"` };

type Match = { ticketId: string; messageId: string | null; body: string } & Partial<OrderedRow>;

/**
 * The newest `SEARCH_CANDIDATES` texts holding every word that the caller may see, each with
 * what the list's orders compare when it asks for an order: one statement, built once per
 * shape. With no condition beyond the caller's tenancy, which the index's scope holds, the
 * texts alone (their page asks the tenancy again); otherwise the conditions apply to each
 * match's ticket.
 */
function matchingTexts(db: Queryable, caller: Caller, terms: string[], where: Conditions, withOrder: boolean): Promise<Match[]> {
  const scope = indexScopeOf(caller);
  const values = { ...where.values, words: `body : (${terms.map(phrase).join(' AND ')})`, scopeOrg: caller.orgId ?? '', scopeCreator: caller.userId ?? '' };
  if (!withOrder && onlyTenancy(where)) {
    const texts = preparedOn(db, `search.texts ${scope}`, (db) => onlyPlaceholders(db.select(matchColumns).from(newestMatches(scope)).prepare()));
    return texts.all(values);
  }
  // Each match's ticket is looked up by id (CROSS JOIN keeps that order): a condition's own
  // index, such as a customer's tickets, would read every one of them and grow with the table.
  const within = preparedOn(db, `search.within ${scope} ${where.shape}`, (db) =>
    onlyPlaceholders(
      db
        .select({ ...matchColumns, ...orderedColumns })
        .from(newestMatches(scope))
        .crossJoin(tickets)
        .where(and(sql`${tickets.id} = "match"."ticket_id"`, ...where.list))
        .prepare(),
    ),
  );
  return within.all(values);
}

/**
 * A page of tickets whose subject or messages hold every word of `terms`, best match first
 * (BM25's weighting over the newest `SEARCH_CANDIDATES` matching texts the caller may see, a
 * ticket ranked by its best text) or in the list's `order`, within `where`; each with what the
 * list shows beside it.
 */
export async function searchTickets(
  db: Queryable,
  caller: Caller,
  terms: string[],
  where: Conditions,
  page: { offset: number; limit: number },
  /** The list's order when the caller asked for one; best match first otherwise. */
  order: ((a: OrderedRow, b: OrderedRow) => number) | null,
  now: Date,
): Promise<{ rows: TicketRow[]; parts: PageParts; hits: Map<string, { messageId: string | null }>; more: boolean }> {
  const matches = await matchingTexts(db, caller, terms, where, order !== null);
  const averageLength = matches.reduce((sum, match) => sum + match.body.length, 0) / Math.max(matches.length, 1);
  const best = new Map<string, { messageId: string | null; score: number; row: Match }>();
  for (const match of matches) {
    const score = searchScore(match.body, terms, averageLength);
    const known = best.get(match.ticketId);
    if (!known || score > known.score) best.set(match.ticketId, { messageId: match.messageId, score, row: match });
  }
  const byScore = (a: string, b: string) => best.get(b)!.score - best.get(a)!.score || (a < b ? -1 : 1);
  const ids = [...best.keys()];
  const ranked = order ? ids.sort((a, b) => order(best.get(a)!.row as OrderedRow, best.get(b)!.row as OrderedRow)) : ids.sort(byScore);
  const pageIds = ranked.slice(page.offset, page.offset + page.limit);
  const { rows, parts } = await pageOfIds(db, caller, pageIds, now);
  return { rows, parts, hits: best, more: ranked.length > page.offset + page.limit };
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
