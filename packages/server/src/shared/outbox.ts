import { notificationsOf, type NotificationType, type TimelineEvent } from '@support-tickets/core';
import { uuidv7 } from 'uuidv7';
import type { Transaction } from '../db/client';
import { isNull } from 'drizzle-orm';
import { outbox, webhookEndpoints } from '../db/notification-schema';

/** What a notification is about: a ticket (and the message a reply or note wrote), by whom, when. */
export interface NotificationSubject {
  ticketId: string;
  orgId: string;
  /** The message the change wrote, if any. */
  messageId: string | null;
  /** Who caused it; null for the system. */
  actorId: string | null;
  at: Date;
}

/** A new `webhook-id`: unique, and the same for every endpoint and retry of one notification. */
export const newNotificationId = () => `msg_${uuidv7().replaceAll('-', '')}`;

/**
 * Records in the outbox, inside the transaction of the change, the notifications core says its
 * timeline events make: they are sent if and only if the change commits.
 */
export async function recordTimelineNotifications(
  tx: Transaction,
  deps: { mailEnabled: boolean },
  subject: NotificationSubject,
  events: readonly TimelineEvent[],
) {
  const rows = notificationsOf(events);
  if (rows.length > 0 && (await anyoneListens(tx, deps))) await recordNotifications(tx, subject, rows);
}

/**
 * Whether a notification could reach anyone: mail is on, or an endpoint is enabled. When none
 * could, nothing is written (a server without them pays no outbox writes); an endpoint added
 * later receives what happens from then on, as it would anyway.
 */
export async function anyoneListens(tx: Transaction, deps: { mailEnabled: boolean }): Promise<boolean> {
  if (deps.mailEnabled) return true;
  return !!(await tx.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(isNull(webhookEndpoints.disabledAt)).limit(1).get());
}

/** Records notifications of one subject in the outbox (the SLA sweep and the auto-close warning too). */
export async function recordNotifications(
  tx: Transaction,
  subject: NotificationSubject,
  notifications: ReadonlyArray<{ type: NotificationType; internal: boolean }>,
): Promise<void> {
  await tx.insert(outbox).values(
    notifications.map(({ type, internal }) => ({
      publicId: newNotificationId(),
      type,
      orgId: subject.orgId,
      ticketId: subject.ticketId,
      // Only the reply or note itself carries the message; a status change beside it does not.
      ticketMessageId: type === 'ticket.replied' || type === 'ticket.note_added' || type === 'ticket.created' ? subject.messageId : null,
      internal,
      actorId: subject.actorId,
      at: subject.at,
    })),
  );
}
