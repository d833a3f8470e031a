import { LABELS, type Locale } from '@support-tickets/core';
import type { NotificationPayload } from './payload';
import { MAIL_WORDS } from './mail-text';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
  /** The ticket's page, where the person also finds their mail preference; null without TICKET_LINK. */
  link: string | null;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** How people name a ticket (SPEC §8): its number, as the queue's search takes it. */
export const ticketLabel = (ticket: { number: number }) => `#${ticket.number}`;

/** `TICKET_LINK` with the ticket's id in place of `{id}`. */
export const ticketLink = (template: string | null, ticketId: string) =>
  template ? template.replaceAll('{id}', encodeURIComponent(ticketId)) : null;

/** A file as the mail lists it: its name and size in the recipient's language (no link: those expire). */
function fileLine(file: { name: string; size: number }, locale: Locale): string {
  const [unit, value] = file.size < 1024 * 1024 ? (['kilobyte', Math.max(1, Math.round(file.size / 1024))] as const) : (['megabyte', file.size / (1024 * 1024)] as const);
  const size = new Intl.NumberFormat(locale === 'fa' ? 'fa-IR' : 'en-GB', { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
  return `${file.name} (${size})`;
}

function formatTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: locale === 'fa' ? 'Asia/Tehran' : 'UTC',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/**
 * A notification as a mail in the recipient's language: Persian right to left. Everything from
 * the ticket (subject, message) is escaped: nothing a person wrote becomes HTML.
 */
export function renderMail(payload: NotificationPayload, locale: Locale, linkTemplate: string | null): MailContent {
  const ticket = payload.data.ticket!;
  const words = MAIL_WORDS[locale];
  const fromCustomer = payload.type === 'ticket.replied' && payload.data.message?.authorRole !== 'agent';
  const headline = fromCustomer ? words.headline['ticket.replied.customer'] : (words.headline[payload.type] ?? words.headline.other);
  const label = ticketLabel(ticket);
  const status = LABELS[locale].status[ticket.status];
  const closes = payload.type === 'ticket.auto_close_warning' && ticket.autoCloseAt ? words.closesAt.replace('{at}', formatTime(ticket.autoCloseAt, locale)) : null;
  const message = payload.data.message?.visibility === 'public' ? payload.data.message : undefined;
  const link = ticketLink(linkTemplate, ticket.id);
  const files = message?.attachments.map((file) => fileLine(file, locale)) ?? [];

  const text = [
    headline,
    '',
    `${ticket.subject} (${label}) — ${status}`,
    ...(closes ? ['', closes] : []),
    ...(message ? ['', `${words.quoteIntro} (${message.authorName})`, ...message.body.split('\n').map((line) => `> ${line}`)] : []),
    ...(files.length ? ['', `${words.files}:`, ...files.map((file) => `- ${file}`)] : []),
    ...(link ? ['', `${words.open}: ${link}`] : []),
    '',
    '-- ',
    words.why,
    words.unsubscribe,
  ].join('\n');

  const dir = locale === 'fa' ? 'rtl' : 'ltr';
  const align = locale === 'fa' ? 'right' : 'left';
  const html = `<!doctype html>
<html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(ticket.subject)}</title></head>
<body dir="${dir}" style="font-family:Tahoma,Arial,sans-serif;direction:${dir};text-align:${align};line-height:1.6">
<p>${escapeHtml(headline)}</p>
<p><strong>${escapeHtml(ticket.subject)}</strong> (<bdi>${escapeHtml(label)}</bdi>) — ${escapeHtml(status)}</p>
${closes ? `<p>${escapeHtml(closes)}</p>\n` : ''}${
    message
      ? `<p>${escapeHtml(words.quoteIntro)} <bdi>${escapeHtml(message.authorName)}</bdi></p>\n<blockquote dir="auto" style="white-space:pre-wrap;margin:0;padding:0 12px;border-${align === 'right' ? 'right' : 'left'}:3px solid #ccc">${escapeHtml(message.body)}</blockquote>\n`
      : ''
  }${files.length ? `<p>${escapeHtml(words.files)}:</p>\n<ul>${files.map((file) => `<li><bdi>${escapeHtml(file)}</bdi></li>`).join('')}</ul>\n` : ''}${link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(words.open)}</a></p>\n` : ''}<p style="color:#666;font-size:12px">${escapeHtml(words.why)}<br>${escapeHtml(words.unsubscribe)}</p>
</body></html>`;

  return { subject: `[${label}] ${ticket.subject} — ${headline.replace(/[.。]$/, '')}`, text, html, link };
}
