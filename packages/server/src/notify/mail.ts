import { mailRecipients } from '@support-tickets/core';
import { eq } from 'drizzle-orm';
import { createTransport, type Transporter } from 'nodemailer';
import type { Queryable } from '../db/client';
import { NO_ORG } from '../db/schema';
import { outbox } from '../db/notification-schema';
import type { ServiceDeps } from '../shared/deps';
import { loadPerson } from '../people/service';
import { cancelDelivery, type ClaimedDelivery } from './attempts';
import type { ChannelSender } from './dispatcher';
import type { ExtraDeliveries } from './fan-out';
import { renderMail } from './mail-content';
import type { NotificationPayload } from './payload';
import type { PostOutcome } from './post-webhook';

export interface MailOptions {
  /** `smtp://user:pass@host:587` (or `smtps://`). */
  smtpUrl: string;
  /** The From address, e.g. `Support <support@example.com>`. */
  from: string;
  /** The ticket's page, `{id}` replaced by its id; null for mail without a link. */
  ticketLink: string | null;
}

/** The domain of the From address: message ids are made in it. */
const domainOf = (from: string) => /@([^\s>]+)/.exec(from)?.[1] ?? 'support-tickets.invalid';

/** The person mailed for a recipient of a ticket: the creator within the ticket's organisation, the assignee among agents. */
async function recipient(db: Queryable, orgId: string, userId: string) {
  const person = await loadPerson(db, { orgId: orgId === NO_ORG ? null : orgId, userId });
  return person?.email && person.emailEnabled ? person : null;
}

/**
 * Mail (SPEC §6): at fan-out, one delivery per person core says to mail who has an address and
 * has not turned mail off; at send time, the mail in their language, threaded per ticket.
 */
export function createMailChannel(deps: ServiceDeps, options: MailOptions): { recipients: ExtraDeliveries; send: ChannelSender; close(): void } {
  const transport: Transporter = createTransport(options.smtpUrl);
  const domain = domainOf(options.from);

  const recipients: ExtraDeliveries = async (tx, row, payload) => {
    const ticket = payload.data.ticket;
    if (!ticket) return [];
    const who = mailRecipients({ type: row.type, internal: row.internal, actorId: row.actorId, authorRole: payload.data.message?.authorRole ?? null }, ticket);
    const out = [];
    for (const to of who) {
      const orgId = to.role === 'creator' ? ticket.orgId : NO_ORG;
      if (await recipient(tx, orgId, to.userId)) {
        out.push({ channel: 'email' as const, destination: `email:${orgId}/${to.userId}`, recipientOrgId: orgId, recipientId: to.userId });
      }
    }
    return out;
  };

  const send: ChannelSender = async (delivery: ClaimedDelivery): Promise<PostOutcome | null> => {
    const { db } = deps.database;
    const person = delivery.recipientId ? await recipient(db, delivery.recipientOrgId ?? NO_ORG, delivery.recipientId) : null;
    const notification = await db.select({ publicId: outbox.publicId }).from(outbox).where(eq(outbox.id, delivery.outboxId)).get();
    // They turned mail off (or lost their address) since: nothing to send.
    if (!person?.email || !notification) {
      await cancelDelivery(deps, delivery);
      return null;
    }
    const payload = JSON.parse(delivery.payload) as NotificationPayload;
    const mail = renderMail(payload, person.locale, options.ticketLink);
    const thread = `<ticket-${payload.data.ticket!.id}@${domain}>`;
    const started = performance.now();
    try {
      const info = await transport.sendMail({
        from: options.from,
        to: person.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${notification.publicId}.${delivery.id}@${domain}>`,
        // Every mail of a ticket answers its (never sent) root: one thread per ticket.
        inReplyTo: thread,
        references: [thread],
        ...(mail.link ? { list: { unsubscribe: mail.link } } : {}),
        headers: { 'Content-Language': person.locale, 'Auto-Submitted': 'auto-generated' },
      });
      return { status: Number(/^\d{3}/.exec(String(info.response))?.[0] ?? 250), error: null, durationMs: Math.round(performance.now() - started) };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode ?? null;
      return { status: code, error: error instanceof Error ? error.message : String(error), durationMs: Math.round(performance.now() - started) };
    }
  };

  return { recipients, send, close: () => transport.close() };
}

/** What is wrong with the mail settings, or null: said at start-up, not at the first mail. */
export function mailOptionsProblem(mail: MailOptions): string | null {
  let url: URL;
  try {
    url = new URL(mail.smtpUrl);
  } catch {
    return 'SMTP_URL is not a URL; use smtp://user:pass@host:587 or smtps://…';
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return `SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//.`;
  if (!/^[^\s<>]+@[^\s<>]+$|<[^\s<>]+@[^\s<>]+>$/.test(mail.from.trim())) return `MAIL_FROM must be an address like "Support <support@example.com>", not "${mail.from}".`;
  if (mail.ticketLink !== null) {
    if (!/^https?:\/\//.test(mail.ticketLink)) return 'TICKET_LINK must be an http(s) URL.';
    if (!mail.ticketLink.includes('{id}')) return 'TICKET_LINK must contain {id}, where the ticket id goes.';
  }
  return null;
}
