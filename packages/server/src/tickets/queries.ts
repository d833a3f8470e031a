import {
  canSeeTicket,
  MESSAGE_PAGE_SIZE,
  openCycle,
  seesInternal,
  searchTerms,
  ticketNumberIn,
  type Category,
  type PlanId,
  type Priority,
  type ResponseCycle,
  type Status,
} from '@support-tickets/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { responseCycles, ticketEvents, tickets, type ResponseCycleRow, type TicketEventRow, type TicketRow } from '../db/schema';
import type { Caller } from '../shared/caller';
import { toCycle } from '../shared/cycles';
import type { ServiceDeps } from '../shared/deps';
import { fail, ok, ticketNotFound, type Result } from '../shared/result';
import { jsonRows } from '../shared/json-rows';
import { preparedOn } from '../shared/prepared';
import { agentNames } from './assignees';
import { followUpLinks } from './links';
import { fileLinksOf, readMessagePage, type MessagePage } from './messages';
import { listConditions } from './list-conditions';
import { listOrder, listPage, type PageParts } from './list-page';
import { presenceIn } from './presence';
import { searchMatches, searchTickets, type SearchMatch } from './search';
import { decodeTicketCursor, encodeTicketCursor, type TicketCursor, type TicketSort } from './cursor';
import {
  toCycleOutput,
  toEventOutput,
  toExplanationOutput,
  toTicketOutput,
  type PresenceOutput,
  type TicketDetailOutput,
  type TimelineEventOutput,
  type TicketListItem,
} from './output';

// The read side: scoped to what the caller may see, mapped to plain-JSON outputs.

/** A ticket with the latest page of its conversation, its timeline, cycles and SLA explanation. */
export async function getTicket(deps: ServiceDeps, caller: Caller, id: string): Promise<Result<TicketDetailOutput>> {
  const { db } = deps.database;
  const internal = seesInternal(caller);
  const byId = preparedOn(db, `ticket.get:${internal}`, (db) => {
    // The ticket with its cycles and the timeline the caller sees, in one statement.
    const cycles = jsonRows(responseCycles, eq(responseCycles.ticketId, tickets.id), sql`${responseCycles.startedAt}, ${responseCycles.id}`);
    const timeline = jsonRows(
      ticketEvents,
      and(eq(ticketEvents.ticketId, tickets.id), internal ? undefined : eq(ticketEvents.internal, false)),
      sql`${ticketEvents.id}`,
    );
    const query = db
      .select({ row: tickets, cycles: cycles.sql, events: timeline.sql })
      .from(tickets)
      .where(eq(tickets.id, sql.placeholder('id')))
      .prepare();
    return { query, cycles, timeline };
  });
  const { cycles, timeline } = byId;
  const read = await byId.query.get({ id });
  if (!read || !canSeeTicket(caller, read.row)) return ticketNotFound();
  const { row } = read;
  const now = deps.now();
  const [thread, links, present] = await Promise.all([
    readMessagePage(db, caller, id, null, MESSAGE_PAGE_SIZE, fileLinksOf(deps)),
    followUpLinks(db, caller, row),
    presenceIn(db, caller, [id], now),
  ]);
  return ok(
    await ticketDetail(db, caller, now, {
      row,
      cycleRows: cycles.decode(read.cycles),
      thread,
      eventRows: timeline.decode(read.events),
      links,
      presence: present.get(id) ?? [],
    }),
  );
}

/** What a ticket's detail is made of, as read (`getTicket`) or as just written (`createTicket`). */
export interface TicketParts {
  row: TicketRow;
  /** Oldest first. */
  cycleRows: readonly ResponseCycleRow[];
  thread: MessagePage;
  /** The events the caller sees, oldest first. */
  eventRows: readonly TicketEventRow[];
  links: Pick<TicketDetailOutput, 'followUpOfTicket' | 'followUps'>;
  presence: PresenceOutput[];
}

/** The detail answer of a ticket from its parts: SLA at `now`, named assignments, explanation. */
export async function ticketDetail(db: Queryable, caller: Caller, now: Date, parts: TicketParts): Promise<TicketDetailOutput> {
  const { row, cycleRows, thread, eventRows, links, presence } = parts;
  const cycles = cycleRows.map(toCycle);
  const events = await namedAssignments(db, eventRows.map(toEventOutput));
  return {
    ...toTicketOutput(row, cycles, now, caller),
    messages: thread.items,
    messagesCursor: thread.nextCursor,
    events,
    cycles: cycleRows.map(toCycleOutput),
    explanation: row.status === 'closed' ? null : toExplanationOutput(openCycle(cycles)),
    ...links,
    presence,
  };
}

export interface TicketQuery {
  status?: Status | undefined;
  priority?: Priority | undefined;
  category?: Category | undefined;
  orgId?: string | undefined;
  /** Tickets of organisations currently on this plan. */
  planId?: PlanId | 'custom' | undefined;
  assignedToMe?: boolean | undefined;
  /** An agent's id, or 'none' for tickets nobody is assigned. */
  assigneeId?: string | undefined;
  /** Tickets about this cloud resource. */
  resourceId?: string | undefined;
  q?: string | undefined;
  sort?: TicketSort | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface TicketPage {
  items: TicketListItem[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 25;

/**
 * A page of the tickets the caller may see. Agents default to the queue order (earliest due
 * first, so breached ones lead; then tickets with no SLA clock running; closed last), everyone
 * else to the most recently updated first; `attention` is core's order of a customer's list
 * (waiting on them, then open, then closed; newest first within each). Keyset pagination: never OFFSET.
 */
export async function listTickets(deps: ServiceDeps, caller: Caller, query: TicketQuery = {}): Promise<Result<TicketPage>> {
  const q = query.q?.trim() ?? '';
  // `#1042` or `1042` looks a ticket up by number; other words go to the search index.
  const number = ticketNumberIn(q);
  const terms = number === null ? searchTerms(q) : [];
  // A search is ranked by relevance; its cursor counts results.
  const sort: TicketSort | 'rank' = terms.length > 0 ? 'rank' : (query.sort ?? (caller.role === 'agent' ? 'due' : 'updated'));
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  let after: TicketCursor | null = null;
  if (query.cursor !== undefined) {
    after = decodeTicketCursor(query.cursor);
    if (!after) return fail('invalid', 'The cursor is not valid; start again without one.');
    if (after.sort !== sort) return fail('invalid', `The cursor belongs to the "${after.sort}" order, not "${sort}".`);
  }
  if (query.orgId !== undefined && caller.role !== 'agent' && query.orgId !== caller.orgId) {
    return fail('forbidden', 'Only support agents list the tickets of another organisation.');
  }

  const { db } = deps.database;
  // A number, or words shorter than the index's runs of three: the subject, read as it is.
  const where = listConditions(db, caller, query, q && terms.length === 0 ? { text: q, number } : null);
  const now = deps.now();
  if (sort !== 'rank') {
    const { page, parts, nextCursor } = await listPage(db, caller, sort, after, where, limit, now);
    return ok({ items: listItems(caller, page, now, parts), nextCursor });
  }
  const offset = after?.sort === 'rank' ? after.offset : 0;
  const found = await searchTickets(db, caller, terms, where, { offset, limit }, query.sort ? listOrder(caller, query.sort) : null, now);
  const matches = await searchMatches(db, found.rows, found.hits, q);
  return ok({
    items: listItems(caller, found.rows, now, found.parts, matches),
    nextCursor: found.more ? encodeTicketCursor({ sort: 'rank', offset: offset + limit }) : null,
  });
}

/** Tickets as lists show them: SLA from their cycles, agents' organisation names, presence, and what a search matched. */
export function listItems(
  caller: Caller,
  rows: readonly TicketRow[],
  now: Date,
  /** What the page came with (`listPage`, `pageOfIds`). */
  { cycles, orgs, presence }: PageParts,
  matches: ReadonlyMap<string, SearchMatch> = new Map(),
): TicketListItem[] {
  return rows.map((row): TicketListItem => {
    const org = orgs.get(row.orgId);
    return Object.assign(toTicketOutput(row, cycles.get(row.id) ?? [], now, caller), {
      orgName: org?.name ?? null,
      orgPlan: org?.planId ?? null,
      presence: presence.get(row.id) ?? [],
      match: matches.get(row.id) ?? null,
    });
  });
}

/** Assignment events with the names of the agents they moved the ticket between. */
async function namedAssignments(db: Queryable, events: TimelineEventOutput[]): Promise<TimelineEventOutput[]> {
  const assignments = events.filter((e) => e.kind === 'assigned' || e.kind === 'accepted');
  const ids = new Set(assignments.flatMap((e) => [e.from, e.to]).filter((id): id is string => id !== null));
  const names = await agentNames(db, ids);
  return events.map((e) =>
    e.kind === 'assigned' || e.kind === 'accepted'
      ? { ...e, fromName: (e.from && names.get(e.from)) ?? null, toName: (e.to && names.get(e.to)) ?? null }
      : e,
  );
}
