import { canSeeTicket, seesInternal, type TimelineEventKind } from '@support-tickets/core';
import { and, asc, desc, eq, gt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { ticketEvents, tickets } from '../db/schema';
import type { Caller } from '../shared/caller';
import { visibleTickets } from '../shared/tenancy';

/** A row of `ticket_events` with what deciding who may see it takes. */
export interface FollowedEvent {
  id: number;
  ticketId: string;
  orgId: string;
  /** The ticket's creator: customers see only their own tickets' events. */
  createdBy: string;
  kind: TimelineEventKind;
  internal: boolean;
  at: Date;
}

/** What `ticket.onChange` yields for each change (inside `tracked(String(eventId), …)`). */
export interface TicketChangeOutput {
  /** The timeline event's id: increasing across every process sharing the database. */
  eventId: number;
  ticketId: string;
  orgId: string;
  kind: TimelineEventKind;
  at: string;
}

/** Which changes one subscriber asked for and may see. */
export interface ChangeFilter {
  caller: Caller;
  /** Only this ticket's changes; every visible ticket's when absent. */
  ticketId: string | null;
}

/** The tenancy rule of the queries (SPEC §3.7), applied to one event: internal ones only for agents. */
export function canSeeEvent({ caller, ticketId }: ChangeFilter, event: FollowedEvent): boolean {
  if (ticketId !== null && event.ticketId !== ticketId) return false;
  if (event.internal && !seesInternal(caller)) return false;
  return canSeeTicket(caller, { orgId: event.orgId, createdBy: event.createdBy });
}

export function toChangeOutput(event: FollowedEvent): TicketChangeOutput {
  return { eventId: event.id, ticketId: event.ticketId, orgId: event.orgId, kind: event.kind, at: event.at.toISOString() };
}

/**
 * Events after `afterId` in id order, at most `limit`; with a filter, only those it lets
 * through (the same rule as `canSeeEvent`, as SQL). Ids are handed out inside write
 * transactions, which SQLite (and libSQL servers) run one at a time, so they commit in
 * order: a reader following `id > last` never skips a row that commits later.
 */
export async function readEvents(
  db: Queryable,
  afterId: number,
  limit: number,
  filter?: ChangeFilter,
): Promise<FollowedEvent[]> {
  const conditions: Array<SQL | undefined> = [gt(ticketEvents.id, afterId)];
  if (filter) {
    conditions.push(visibleTickets(filter.caller));
    if (!seesInternal(filter.caller)) conditions.push(eq(ticketEvents.internal, false));
    if (filter.ticketId !== null) conditions.push(eq(ticketEvents.ticketId, filter.ticketId));
  }
  return db
    .select({
      id: ticketEvents.id,
      ticketId: ticketEvents.ticketId,
      orgId: ticketEvents.orgId,
      createdBy: tickets.createdBy,
      kind: ticketEvents.kind,
      internal: ticketEvents.internal,
      at: ticketEvents.at,
    })
    .from(ticketEvents)
    .innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId))
    .where(and(...conditions))
    .orderBy(asc(ticketEvents.id))
    .limit(limit);
}

/** The id of the newest event, 0 for none: where a follower that joins now starts. */
export async function latestEventId(db: Queryable): Promise<number> {
  const row = await db
    .select({ id: ticketEvents.id })
    .from(ticketEvents)
    .orderBy(desc(ticketEvents.id))
    .limit(1)
    .get();
  return row?.id ?? 0;
}
