import type { NotificationType } from '@support-tickets/core';
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { messages, responseCycles, tickets, type OutboxRow } from '../db/schema';
import { toCycle } from '../shared/cycles';
import { toMessageOutput, toTicketOutput, type MessageOutput, type TicketOutput } from '../tickets/output';

/** A ticket in a notification: as an agent sees it, without its thread. */
export type NotificationTicket = Omit<TicketOutput, 'actions'>;

/** The body of every webhook (SPEC §6). */
export interface NotificationPayload {
  type: NotificationType;
  /** When the change happened (ISO 8601). */
  timestamp: string;
  data: {
    orgId: string | null;
    /** Null for `ping`. */
    ticket: NotificationTicket | null;
    /** The reply or note the notification is about; never an internal note for an organisation's endpoint. */
    message?: MessageOutput;
  };
}

const AGENT_VIEW = { role: 'agent', userId: null } as const;

/** The ticket as an agent sees it at `now`, without its thread; null when it is gone. */
export async function notificationTicket(db: Queryable, ticketId: string, now: Date): Promise<NotificationTicket | null> {
  const row = await db.select().from(tickets).where(eq(tickets.id, ticketId)).get();
  if (!row) return null;
  const cycles = await db
    .select()
    .from(responseCycles)
    .where(eq(responseCycles.ticketId, ticketId))
    .orderBy(asc(responseCycles.startedAt), asc(responseCycles.id));
  const { actions: _actions, ...ticket } = toTicketOutput(row, cycles.map(toCycle), now, AGENT_VIEW);
  return ticket;
}

/** The payload of an outbox row, built once at fan-out: every endpoint and retry gets these bytes. */
export async function buildPayload(db: Queryable, row: OutboxRow, now: Date): Promise<NotificationPayload> {
  const ticket = row.ticketId ? await notificationTicket(db, row.ticketId, now) : null;
  const message = row.ticketMessageId ? await db.select().from(messages).where(eq(messages.id, row.ticketMessageId)).get() : undefined;
  return {
    type: row.type,
    timestamp: row.at.toISOString(),
    // Files are left out: their links expire within the hour, and a payload is sent as built for a day and more.
    data: { orgId: row.orgId, ticket, ...(message ? { message: toMessageOutput(message, []) } : {}) },
  };
}
