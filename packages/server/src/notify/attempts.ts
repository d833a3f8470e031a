import { judgeAttempt, judgeMailAttempt, type AttemptVerdict } from '@support-tickets/core';
import { and, asc, eq, inArray, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { deliveries, deliveryAttempts, webhookEndpoints, type DeliveryRow } from '../db/notification-schema';
import type { ServiceDeps } from '../shared/deps';
import type { PostOutcome } from './post-webhook';

/** A delivery this process holds the lease of, for one attempt. */
export type ClaimedDelivery = DeliveryRow & { leaseToken: string };

/**
 * Takes up to `limit` due deliveries for one attempt each, with one conditional UPDATE: a row
 * is taken only while nobody holds it (or the holder's lease ran out, as after a crash), so
 * processes sharing the database never send one attempt twice. `busyEndpoints` are left for
 * now (this process already waits on enough of their requests).
 */
export async function claimDue(deps: ServiceDeps, limit: number, leaseMs: number, busyEndpoints: readonly string[]): Promise<ClaimedDelivery[]> {
  if (limit <= 0) return [];
  const now = deps.now();
  const free = or(isNull(deliveries.leaseUntil), lte(deliveries.leaseUntil, now));
  const due = deps.database.db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.status, 'pending'),
        lte(deliveries.nextAttemptAt, now),
        free,
        busyEndpoints.length > 0 ? or(isNull(deliveries.endpointId), notInArray(deliveries.endpointId, [...busyEndpoints])) : undefined,
      ),
    )
    .orderBy(asc(deliveries.nextAttemptAt))
    .limit(limit);
  // A read first: most passes find nothing due, and must not queue for the write lock to learn it.
  if ((await due).length === 0) return [];
  const leaseToken = uuidv7();
  const claimed = await deps.database.write((tx) =>
    tx
      .update(deliveries)
      .set({ leaseUntil: new Date(now.getTime() + leaseMs), leaseToken, attempts: sql`${deliveries.attempts} + 1` })
      .where(and(inArray(deliveries.id, due), eq(deliveries.status, 'pending'), free))
      .returning(),
  );
  return claimed.map((row) => ({ ...row, leaseToken }));
}

/**
 * Records an attempt and what core makes of it: delivered, retried later, given up, or (410)
 * the endpoint disabled with its other pending deliveries. Only the lease holder records.
 */
export async function recordAttempt(deps: ServiceDeps, delivery: ClaimedDelivery, outcome: PostOutcome): Promise<AttemptVerdict> {
  const verdict =
    delivery.channel === 'email'
      ? judgeMailAttempt(outcome.error === null, delivery.attempts, Math.random())
      : judgeAttempt(outcome.status, delivery.attempts, Math.random());
  const now = deps.now();
  const nextRetryAt = verdict.outcome === 'retry' ? new Date(now.getTime() + verdict.delayMs) : null;
  await deps.database.write(async (tx) => {
    const mine = and(eq(deliveries.id, delivery.id), eq(deliveries.leaseToken, delivery.leaseToken));
    const status = verdict.outcome === 'delivered' ? 'delivered' : verdict.outcome === 'retry' ? 'pending' : 'failed';
    const updated = await tx
      .update(deliveries)
      .set({ status, nextAttemptAt: nextRetryAt, leaseUntil: null, leaseToken: null, ...(status === 'delivered' ? { deliveredAt: now } : {}) })
      .where(mine);
    // Our lease ran out and another process took the delivery over: its attempt is the one that counts.
    if (updated.rowsAffected !== 1) return;
    await tx.insert(deliveryAttempts).values({
      deliveryId: delivery.id,
      attempt: delivery.attempts,
      at: now,
      statusCode: outcome.status,
      durationMs: outcome.durationMs,
      error: outcome.error ?? (verdict.outcome === 'delivered' ? null : `HTTP ${outcome.status}`),
      nextRetryAt,
    });
    if (verdict.outcome === 'disable' && delivery.endpointId) {
      await tx
        .update(webhookEndpoints)
        .set({ disabledAt: now, disabledReason: 'The receiver answered 410 Gone.' })
        .where(eq(webhookEndpoints.id, delivery.endpointId));
      await tx
        .update(deliveries)
        .set({ status: 'cancelled', nextAttemptAt: null })
        .where(and(eq(deliveries.endpointId, delivery.endpointId), eq(deliveries.status, 'pending')));
    }
  });
  return verdict;
}

/** Gives a delivery up without an attempt: there is nothing to send to any more (endpoint gone, mail turned off). */
export async function cancelDelivery(deps: ServiceDeps, delivery: ClaimedDelivery): Promise<void> {
  await deps.database.write((tx) =>
    tx
      .update(deliveries)
      .set({ status: 'cancelled', nextAttemptAt: null, leaseUntil: null, leaseToken: null })
      .where(and(eq(deliveries.id, delivery.id), eq(deliveries.leaseToken, delivery.leaseToken))),
  );
}
