import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { outbox, webhookEndpoints } from '../db/notification-schema';
import type { ServiceDeps } from '../shared/deps';
import { cancelDelivery, type ClaimedDelivery } from './attempts';
import { postWebhook, type PostOutcome } from './post-webhook';

export interface WebhookSendOptions {
  timeoutMs: number;
  allowPrivate: boolean;
}

/**
 * Sends one attempt of a webhook delivery, signed per Standard Webhooks: `webhook-id` is the
 * notification's (the same on every retry), `webhook-timestamp` this attempt's wall-clock
 * second. Null when there is nothing to send any more (the endpoint was disabled or removed):
 * the delivery is then cancelled.
 */
export async function sendWebhook(deps: ServiceDeps, delivery: ClaimedDelivery, options: WebhookSendOptions, signal: AbortSignal): Promise<PostOutcome | null> {
  const target = delivery.endpointId
    ? await deps.database.db
        .select({ url: webhookEndpoints.url, secret: webhookEndpoints.secret, disabledAt: webhookEndpoints.disabledAt, msgId: outbox.publicId })
        .from(webhookEndpoints)
        .innerJoin(outbox, eq(outbox.id, delivery.outboxId))
        .where(eq(webhookEndpoints.id, delivery.endpointId))
        .get()
    : undefined;
  if (!target || target.disabledAt) {
    await cancelDelivery(deps, delivery);
    return null;
  }
  // Receivers check the timestamp against their own clock: it is the real time, never the domain's.
  const sentAt = new Date();
  const signature = new Webhook(target.secret).sign(target.msgId, sentAt, delivery.payload);
  const headers = {
    'webhook-id': target.msgId,
    'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
    'webhook-signature': signature,
  };
  return postWebhook(target.url, delivery.payload, headers, { ...options, signal });
}
