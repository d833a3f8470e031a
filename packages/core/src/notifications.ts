import type { TimelineEvent, TimelineEventKind } from './lifecycle-types';

// SPEC §6: what leaves the product when a ticket changes, to whom, and how deliveries retry.
// Pure decisions; the server's outbox records them and its dispatcher carries them out.

export const NOTIFICATION_TYPES = [
  'ticket.created',
  'ticket.replied',
  'ticket.note_added',
  'ticket.status_changed',
  'ticket.assigned',
  'ticket.priority_changed',
  'ticket.closed',
  'ticket.auto_close_warning',
  'sla.at_risk',
  'sla.breached',
  'ping',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** The types an endpoint may subscribe to: every one but `ping`, which `webhook.test` sends to one endpoint. */
export const SUBSCRIBABLE_TYPES = NOTIFICATION_TYPES.filter((type) => type !== 'ping') as Exclude<NotificationType, 'ping'>[];

/** A notification of a ticket's change, as the outbox keeps it. */
export interface TicketNotification {
  type: NotificationType;
  /** Internal notifications (notes) reach only the provider's own endpoints and agents. */
  internal: boolean;
}

/**
 * Which notification a timeline event is, if any: a typed map, so a new kind of event says
 * here what it notifies (or, with null, that it notifies nothing).
 */
const NOTIFICATION_OF_EVENT: Record<TimelineEventKind, (event: TimelineEvent) => NotificationType | null> = {
  created: () => 'ticket.created',
  replied: () => 'ticket.replied',
  note_added: () => 'ticket.note_added',
  status_changed: () => 'ticket.status_changed',
  assigned: () => 'ticket.assigned',
  // Accepting takes the ticket over: an assignment, unless the agent already had it.
  accepted: (event) => (event.from === event.to ? null : 'ticket.assigned'),
  priority_changed: () => 'ticket.priority_changed',
  closed: () => 'ticket.closed',
  auto_close_warning: () => 'ticket.auto_close_warning',
  category_changed: () => null,
  plan_changed: () => null,
};

/** The notifications a transition's timeline events make, in their order, once per type. */
export function notificationsOf(events: readonly TimelineEvent[]): TicketNotification[] {
  const out: TicketNotification[] = [];
  for (const event of events) {
    const type = NOTIFICATION_OF_EVENT[event.kind](event);
    if (type && !out.some((n) => n.type === type)) out.push({ type, internal: event.internal });
  }
  return out;
}

/** A webhook endpoint as the fan-out reads it: `orgId` set for an organisation's (a partner's) endpoint. */
export interface EndpointScope {
  orgId: string | null;
  /** Subscribed types; null for every type. */
  events: readonly NotificationType[] | null;
}

/**
 * Whether an endpoint receives a notification of an organisation's ticket: an organisation's
 * endpoint only that organisation's, and never an internal one (it may belong to a partner).
 */
export function endpointReceives(endpoint: EndpointScope, notification: TicketNotification & { orgId: string }): boolean {
  if (endpoint.orgId !== null && (endpoint.orgId !== notification.orgId || notification.internal)) return false;
  return endpoint.events === null || endpoint.events.includes(notification.type);
}

/** Waits before each retry of a webhook: the first within seconds, then backing off; together more than a day. */
export const WEBHOOK_RETRY_DELAYS_MS = [5, 30, 120, 600, 1_800, 3_600, 7_200, 14_400, 28_800, 57_600].map((s) => s * 1000);
/** Every attempt, the first included. */
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length + 1;
/** The share of each wait that jitter may add or take, so retries of many deliveries spread out. */
export const WEBHOOK_RETRY_JITTER = 0.2;

/** What an attempt's outcome means for the delivery. */
export type AttemptVerdict =
  | { outcome: 'delivered' }
  | { outcome: 'retry'; delayMs: number }
  | { outcome: 'failed' }
  /** 410 Gone: the receiver asks to be forgotten; the endpoint is disabled. */
  | { outcome: 'disable' };

/**
 * Judges attempt `attempt` (1 for the first) of a delivery: a 2xx delivers, 410 disables the
 * endpoint, anything else (another status, a timeout, a refused connection: `status` null)
 * is retried after the attempt's wait with jitter (`random` in [0, 1)), until the last.
 */
export function judgeAttempt(status: number | null, attempt: number, random: number): AttemptVerdict {
  if (status !== null && status >= 200 && status < 300) return { outcome: 'delivered' };
  if (status === 410) return { outcome: 'disable' };
  const wait = WEBHOOK_RETRY_DELAYS_MS[attempt - 1];
  if (wait === undefined) return { outcome: 'failed' };
  const jitter = 1 + WEBHOOK_RETRY_JITTER * (2 * Math.min(Math.max(random, 0), 1) - 1);
  return { outcome: 'retry', delayMs: Math.round(wait * jitter) };
}

/** Judges an attempt to hand a mail to the SMTP server: accepted delivers; otherwise retried like a webhook. */
export function judgeMailAttempt(accepted: boolean, attempt: number, random: number): AttemptVerdict {
  return judgeAttempt(accepted ? 200 : null, attempt, random);
}

/** Who a mail goes to, by their place on the ticket. */
export type MailRecipient = { role: 'creator' | 'assignee'; userId: string };

/**
 * SPEC §6: mail goes to the ticket's creator on a public agent reply, on the auto-close warning
 * and on closing; to the assignee on a customer reply, on `sla.at_risk` and on `sla.breached`,
 * and (SPEC §8) to the agent a ticket was assigned to. Never for an internal notification, and
 * never to whoever caused it (an agent taking a ticket themself).
 */
export function mailRecipients(
  notification: TicketNotification & { actorId: string | null; authorRole?: string | null },
  ticket: { createdBy: string; assigneeId: string | null },
): MailRecipient[] {
  if (notification.internal) return [];
  const creator: MailRecipient = { role: 'creator', userId: ticket.createdBy };
  const assignee: MailRecipient | null = ticket.assigneeId ? { role: 'assignee', userId: ticket.assigneeId } : null;
  let to: MailRecipient | null = null;
  switch (notification.type) {
    case 'ticket.replied':
      to = notification.authorRole === 'agent' ? creator : assignee;
      break;
    case 'ticket.auto_close_warning':
    case 'ticket.closed':
      to = creator;
      break;
    case 'ticket.assigned':
    case 'sla.at_risk':
    case 'sla.breached':
      to = assignee;
      break;
    default:
      to = null;
  }
  return to && to.userId !== notification.actorId ? [to] : [];
}
