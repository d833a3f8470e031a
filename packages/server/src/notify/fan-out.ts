import { endpointReceives } from '@support-tickets/core';
import { asc, inArray, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Transaction } from '../db/client';
import { deliveries, outbox, webhookEndpoints, type OutboxRow, type WebhookEndpointRow } from '../db/notification-schema';
import type { ServiceDeps } from '../shared/deps';
import { buildPayload, type NotificationPayload } from './payload';

/** Outbox rows fanned out in one write transaction. */
const FAN_OUT_BATCH = 50;

/** A channel besides webhooks (mail) adds its deliveries of a notification here. */
export type ExtraDeliveries = (
  tx: Transaction,
  row: OutboxRow,
  payload: NotificationPayload,
) => Promise<Array<{ destination: string; channel: 'email'; recipientOrgId: string; recipientId: string }>>;

/**
 * Turns the oldest outbox rows not yet fanned out into one delivery per receiving endpoint (and
 * per person mailed), in one write transaction that marks them: however many processes run
 * this at once, each row is fanned out once. Returns how many rows it took.
 */
export async function fanOut(deps: ServiceDeps, extra: ExtraDeliveries | null): Promise<number> {
  // A read first: most passes find nothing, and must not queue for the write lock to learn it.
  const any = await deps.database.db.select({ id: outbox.id }).from(outbox).where(isNull(outbox.fannedOutAt)).limit(1).get();
  if (!any) return 0;
  return deps.database.write(async (tx) => {
    const now = deps.now();
    const pending = tx.select({ id: outbox.id }).from(outbox).where(isNull(outbox.fannedOutAt)).orderBy(asc(outbox.id)).limit(FAN_OUT_BATCH);
    const rows = await tx
      .update(outbox)
      .set({ fannedOutAt: now })
      .where(inArray(outbox.id, pending))
      .returning();
    if (rows.length === 0) return 0;
    const endpoints = await tx.select().from(webhookEndpoints).where(isNull(webhookEndpoints.disabledAt));
    for (const row of rows.sort((a, b) => a.id - b.id)) {
      const targets = endpoints.filter((endpoint) => receives(endpoint, row));
      const mail = extra && row.ticketId ? extra : null;
      if (targets.length === 0 && !mail) continue;
      const payload = await buildPayload(tx, row, now);
      const body = JSON.stringify(payload);
      const base = { outboxId: row.id, status: 'pending' as const, nextAttemptAt: now, createdAt: now };
      const values = [
        ...targets.map((endpoint) => ({ ...base, id: uuidv7(), channel: 'webhook' as const, endpointId: endpoint.id, destination: `webhook:${endpoint.id}`, payload: body })),
        ...(mail ? await mail(tx, row, payload) : []).map((to) => ({ ...base, ...to, id: uuidv7(), payload: body })),
      ];
      if (values.length > 0) await tx.insert(deliveries).values(values).onConflictDoNothing();
    }
    return rows.length;
  });
}

function receives(endpoint: WebhookEndpointRow, row: OutboxRow): boolean {
  // A ping goes to the one endpoint it tests, whatever it subscribed to.
  if (row.type === 'ping') return row.endpointId === endpoint.id;
  if (!row.orgId) return false;
  return endpointReceives({ orgId: endpoint.orgId, events: endpoint.events }, { type: row.type, internal: row.internal, orgId: row.orgId });
}
