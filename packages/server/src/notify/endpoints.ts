import { randomBytes } from 'node:crypto';
import type { NotificationType } from '@support-tickets/core';
import { and, count, desc, eq, inArray, lt } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { organisations } from '../db/schema';
import { deliveries, deliveryAttempts, outbox, webhookEndpoints, type WebhookEndpointRow } from '../db/notification-schema';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import type { ServiceDeps } from '../shared/deps';
import { newNotificationId } from '../shared/outbox';
import { fail, ok, type Result } from '../shared/result';
import { z } from 'zod';
import { webhookUrlProblem } from './address-guard';

/** Endpoints the server keeps at most: each one is a request per notification. */
export const MAX_ENDPOINTS = 50;
const DELIVERY_PAGE = 20;

export interface EndpointOutput {
  id: string;
  url: string;
  /** Subscribed types; null for all. */
  events: NotificationType[] | null;
  orgId: string | null;
  createdAt: string;
  /** Set once the receiver answered 410 Gone: nothing more is sent to it. */
  disabledAt: string | null;
  disabledReason: string | null;
}

const toEndpointOutput = (row: WebhookEndpointRow): EndpointOutput => ({
  id: row.id,
  url: row.url,
  events: row.events,
  orgId: row.orgId,
  createdAt: row.createdAt.toISOString(),
  disabledAt: row.disabledAt?.toISOString() ?? null,
  disabledReason: row.disabledReason,
});

const endpointNotFound = () => fail('not_found', 'No such webhook endpoint.');
const wakeDispatcher = (deps: ServiceDeps) => deps.outboxWakeups.forEach((wake) => wake());

export interface NewEndpoint {
  url: string;
  events?: NotificationType[] | undefined;
  orgId?: string | undefined;
}

/** Adds an endpoint; the answer carries its signing secret, which is never shown again. */
export async function createEndpoint(
  deps: ServiceDeps,
  agentId: string,
  input: NewEndpoint,
): Promise<Result<EndpointOutput & { secret: string }>> {
  const { db } = deps.database;
  if (input.orgId && !(await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.orgId)).get())) {
    return fail('not_found', 'No such organisation.');
  }
  const problem = await webhookUrlProblem(input.url, deps.allowPrivateWebhooks);
  if (problem) return fail('invalid', problem);
  const now = deps.now();
  return deps.database.write(async (tx) => {
    const existing = await tx.select({ n: count() }).from(webhookEndpoints).get();
    if ((existing?.n ?? 0) >= MAX_ENDPOINTS) return fail('invalid', `At most ${MAX_ENDPOINTS} webhook endpoints; delete one first.`);
    const row = {
      id: uuidv7(),
      url: input.url,
      secret: `whsec_${randomBytes(32).toString('base64')}`,
      events: input.events && input.events.length > 0 ? [...new Set(input.events)] : null,
      orgId: input.orgId ?? null,
      createdBy: agentId,
      createdAt: now,
      disabledAt: null,
      disabledReason: null,
    };
    await tx.insert(webhookEndpoints).values(row);
    return ok({ ...toEndpointOutput(row), secret: row.secret });
  });
}

export async function listEndpoints(deps: ServiceDeps): Promise<EndpointOutput[]> {
  const rows = await deps.database.db.select().from(webhookEndpoints).orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  return rows.map(toEndpointOutput);
}

/** Removes an endpoint with its deliveries and their log. */
export async function deleteEndpoint(deps: ServiceDeps, id: string): Promise<Result<{ id: string }>> {
  const result = await deps.database.write((tx) => tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)));
  return result.rowsAffected === 1 ? ok({ id }) : endpointNotFound();
}

/** Queues a `ping` for the endpoint, through the outbox like every notification; re-enables a disabled one. */
export async function testEndpoint(deps: ServiceDeps, id: string): Promise<Result<{ id: string }>> {
  const found = await deps.database.write(async (tx) => {
    const endpoint = await tx.select({ orgId: webhookEndpoints.orgId }).from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).get();
    if (!endpoint) return false;
    // Testing an endpoint that said 410 is its owner saying it is back.
    await tx.update(webhookEndpoints).set({ disabledAt: null, disabledReason: null }).where(eq(webhookEndpoints.id, id));
    await tx.insert(outbox).values({ publicId: newNotificationId(), type: 'ping', orgId: endpoint.orgId, internal: false, endpointId: id, at: deps.now() });
    return true;
  });
  if (!found) return endpointNotFound();
  wakeDispatcher(deps);
  return ok({ id });
}

export interface DeliveryOutput {
  id: string;
  /** The notification's `webhook-id`. */
  webhookId: string;
  event: NotificationType;
  status: 'pending' | 'delivered' | 'failed' | 'cancelled';
  createdAt: string;
  nextAttemptAt: string | null;
  /** Every attempt, the latest first: status code (null without an answer), duration, error, next retry. */
  attempts: Array<{ attempt: number; at: string; statusCode: number | null; durationMs: number; error: string | null; nextRetryAt: string | null }>;
}

const deliveryCursor = z.string();

/** The endpoint's deliveries, newest first, each with its attempts; keyset pages. */
export async function listDeliveries(deps: ServiceDeps, endpointId: string, cursor: string | undefined): Promise<Result<{ items: DeliveryOutput[]; nextCursor: string | null }>> {
  const { db } = deps.database;
  if (!(await db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId)).get())) return endpointNotFound();
  const after = cursor === undefined ? null : decodeCursor(cursor, deliveryCursor);
  if (cursor !== undefined && after === null) return fail('invalid', 'The cursor is not valid.');
  const rows = await db
    .select({ delivery: deliveries, webhookId: outbox.publicId, event: outbox.type })
    .from(deliveries)
    .innerJoin(outbox, eq(outbox.id, deliveries.outboxId))
    .where(and(eq(deliveries.endpointId, endpointId), after ? lt(deliveries.id, after) : undefined))
    .orderBy(desc(deliveries.id))
    .limit(DELIVERY_PAGE + 1);
  const page = rows.slice(0, DELIVERY_PAGE);
  const ids = page.map((row) => row.delivery.id);
  const attempts = ids.length === 0 ? [] : await db.select().from(deliveryAttempts).where(inArray(deliveryAttempts.deliveryId, ids)).orderBy(desc(deliveryAttempts.id));
  const items = page.map(({ delivery, webhookId, event }) => ({
    id: delivery.id,
    webhookId,
    event,
    status: delivery.status,
    createdAt: delivery.createdAt.toISOString(),
    nextAttemptAt: delivery.status === 'pending' ? (delivery.nextAttemptAt?.toISOString() ?? null) : null,
    attempts: attempts
      .filter((a) => a.deliveryId === delivery.id)
      .map((a) => ({ attempt: a.attempt, at: a.at.toISOString(), statusCode: a.statusCode, durationMs: a.durationMs, error: a.error, nextRetryAt: a.nextRetryAt?.toISOString() ?? null })),
  }));
  const last = page[page.length - 1];
  return ok({ items, nextCursor: rows.length > DELIVERY_PAGE && last ? encodeCursor(last.delivery.id) : null });
}

/** Sends a delivery again now (same `webhook-id`, same body), whatever became of it. */
export async function redeliver(deps: ServiceDeps, deliveryId: string): Promise<Result<{ id: string }>> {
  const now = deps.now();
  const done = await deps.database.write(async (tx) => {
    const row = await tx.select({ endpointId: deliveries.endpointId, disabledAt: webhookEndpoints.disabledAt }).from(deliveries).innerJoin(webhookEndpoints, eq(webhookEndpoints.id, deliveries.endpointId)).where(eq(deliveries.id, deliveryId)).get();
    if (!row) return fail('not_found', 'No such delivery.');
    if (row.disabledAt) return fail('conflict', 'The endpoint is disabled (it answered 410); send it a test to enable it again.');
    // A lease in flight is left to finish; the redelivery is then one more attempt.
    await tx.update(deliveries).set({ status: 'pending', nextAttemptAt: now }).where(eq(deliveries.id, deliveryId));
    return ok({ id: deliveryId });
  });
  if (done.ok) wakeDispatcher(deps);
  return done;
}
