import { NOTIFICATION_TYPES, type NotificationType } from '@support-tickets/core';
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { instant, messages, organisations, tickets } from './schema';

// The notification tables (SPEC §6), beside the product's own in schema.ts.

/**
 * Webhook endpoints (agents manage them). One with `org_id` belongs to that organisation (a
 * partner, say): it receives only its events, never internal ones.
 */
export const webhookEndpoints = sqliteTable('webhook_endpoints', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  /** `whsec_` + base64 of the signing key; shown once, at creation. */
  secret: text('secret').notNull(),
  /** Subscribed types; null for all. */
  events: text('events', { mode: 'json' }).$type<NotificationType[]>(),
  orgId: text('org_id').references(() => organisations.id),
  createdBy: text('created_by').notNull(),
  createdAt: instant('created_at').notNull(),
  /** Set when the receiver answered 410 Gone: nothing more is sent. */
  disabledAt: instant('disabled_at'),
  disabledReason: text('disabled_reason'),
});

/**
 * The outbox: one row per notification, written in the same transaction as the change it
 * reports (or by the SLA sweep, or `webhook.test`). A dispatcher fans each row out into
 * deliveries once, in one write transaction that marks it `fanned_out_at`.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** `msg_…`: the `webhook-id` of every delivery and retry of this notification. */
    publicId: text('public_id').notNull(),
    type: text('type', { enum: NOTIFICATION_TYPES }).notNull(),
    orgId: text('org_id'),
    ticketId: text('ticket_id').references(() => tickets.id),
    /** The message the notification is about (a reply, a note), if any. */
    ticketMessageId: text('ticket_message_id').references(() => messages.id),
    internal: integer('internal', { mode: 'boolean' }).notNull(),
    /** Who caused it (null for the system), so nobody is mailed about what they did themselves. */
    actorId: text('actor_id'),
    /** `ping` goes to this endpoint only. */
    endpointId: text('endpoint_id').references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    at: instant('at').notNull(),
    fannedOutAt: instant('fanned_out_at'),
  },
  // What is left to fan out, oldest first.
  (t) => [index('outbox_pending_idx').on(t.id).where(sql`fanned_out_at IS NULL`)],
);

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;

/** One notification to one endpoint or one person's address: retried until delivered or given up. */
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: text('id').primaryKey(),
    outboxId: integer('outbox_id')
      .notNull()
      .references(() => outbox.id),
    channel: text('channel', { enum: ['webhook', 'email'] }).notNull(),
    endpointId: text('endpoint_id').references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    /** The person mailed: their org (`NO_ORG` for agents) and id; the address is read at send time. */
    recipientOrgId: text('recipient_org_id'),
    recipientId: text('recipient_id'),
    /** `webhook:<endpoint id>` or `email:<org id>/<person id>`: one delivery per notification and destination. */
    destination: text('destination').notNull(),
    /** The JSON body as first built, sent byte for byte on every attempt. */
    payload: text('payload').notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at'),
    /** A dispatcher holds the delivery until then (an attempt in flight); a crashed one's lease runs out. */
    leaseUntil: instant('lease_until'),
    leaseToken: text('lease_token'),
    createdAt: instant('created_at').notNull(),
    deliveredAt: instant('delivered_at'),
  },
  (t) => [
    // What is due, soonest first.
    index('deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    // An endpoint's log, newest first.
    index('deliveries_endpoint_idx').on(t.endpointId, t.id),
    // One delivery per notification and destination, however often fan-out runs.
    uniqueIndex('deliveries_destination_idx').on(t.outboxId, t.destination),
  ],
);

/** Each attempt of a delivery, for the endpoint's log. */
export const deliveryAttempts = sqliteTable(
  'delivery_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => deliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    at: instant('at').notNull(),
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    error: text('error'),
    nextRetryAt: instant('next_retry_at'),
  },
  (t) => [index('delivery_attempts_delivery_idx').on(t.deliveryId, t.id)],
);

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
export type DeliveryAttemptRow = typeof deliveryAttempts.$inferSelect;
