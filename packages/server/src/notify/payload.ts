import type { NotificationType } from '@support-tickets/core';
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { attachments, messages, responseCycles, tickets } from '../db/schema';
import { type OutboxRow } from '../db/notification-schema';
import { toCycle } from '../shared/cycles';
import { toMessageOutput, toTicketOutput, type MessageOutput, type TicketOutput } from '../tickets/output';

/** A ticket in a notification: as an agent sees it, without its thread. */
export type NotificationTicket = Omit<TicketOutput, 'actions'>;

/**
 * A message in a notification: its files by name and size only. A download link expires within
 * the hour, and a payload is sent as built for a day and more.
 */
export type NotificationMessage = Omit<MessageOutput, 'attachments'> & { attachments: Array<{ name: string; size: number }> };

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
    message?: NotificationMessage;
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
  const message = row.ticketMessageId ? await notificationMessage(db, row.ticketMessageId) : undefined;
  return { type: row.type, timestamp: row.at.toISOString(), data: { orgId: row.orgId, ticket, ...(message ? { message } : {}) } };
}

async function notificationMessage(db: Queryable, messageId: string): Promise<NotificationMessage | undefined> {
  const message = await db.select().from(messages).where(eq(messages.id, messageId)).get();
  if (!message) return undefined;
  const files = await db
    .select({ name: attachments.name, size: attachments.size })
    .from(attachments)
    .where(eq(attachments.messageId, messageId))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  return { ...toMessageOutput(message, []), attachments: files };
}
