import { html, nothing } from 'lit';
import type { TicketDetail, TicketMessage } from '../api/types';
import type { WidgetContext } from '../base/context';
import { messageFiles } from './files';
import { messageBody } from './message-body';
import { exactTime, relativeTime } from './time';
import { actorKind } from './timeline';

// Pieces of a ticket's page that the customer's and the agent's pages share.

/**
 * The conversation. Internal notes reach only agents (the server never sends them to a
 * customer); `note` names them as never shown to the customer.
 */
export function thread(messages: readonly TicketMessage[], ctx: WidgetContext, now: Date, note = '', earlier: unknown = nothing) {
  const { t } = ctx.i18n;
  return html`<section class="thread-section" aria-labelledby="thread-heading">
    <h3 id="thread-heading">${t.detail.conversation}</h3>
    ${earlier}
    ${messages.length === 0
      ? html`<p class="muted">${t.detail.noMessages}</p>`
      : html`<ol class="thread" part="thread">
          ${messages.map((message) => messageItem(message, ctx, now, note))}
        </ol>`}
  </section>`;
}

function messageItem(message: TicketMessage, ctx: WidgetContext, now: Date, note: string) {
  const { i18n, session } = ctx;
  const { t } = i18n;
  const internal = message.visibility === 'internal';
  const kind = actorKind(message.authorRole, message.authorId, session);
  const agentReader = session.role === 'agent';
  const author = message.authorRole === 'agent' ? 'support' : kind === 'you' ? 'you' : agentReader ? 'customer' : kind;
  const name = kind === 'you' ? t.actor.you : message.authorName || t.actor[kind];
  // Agents see which side wrote each message; customers see support marked as such.
  const role = agentReader || author === 'support' ? t.actor[author === 'support' ? 'support' : 'customer'] : '';
  return html`<li class="message" part=${internal ? 'note' : 'message'} data-author=${author} data-visibility=${message.visibility} data-message=${message.id} tabindex="-1">
    <div class="message-head">
      <span class="author" dir="auto">${name}</span>
      ${internal
        ? html`<span class="chip note-label">${note}</span>`
        : role
          ? html`<span class="chip plain role">${role}</span>`
          : nothing}
      <span class="muted when">${relativeTime(i18n, message.createdAt, now)}</span>
    </div>
    ${messageBody(message.body)} ${messageFiles(message.attachments, ctx)}
  </li>`;
}

/** A box of facts about the ticket: a heading and terms with their values (null rows are left out). */
export function facts(heading: string, rows: ReadonlyArray<readonly [term: string, value: unknown, attrs?: { field?: string; ltr?: boolean }] | null | false>) {
  return html`<section class="facts box" aria-labelledby="facts-heading">
    <h3 id="facts-heading">${heading}</h3>
    <dl>
      ${rows.map((row) =>
        row
          ? html`<div data-field=${row[2]?.field ?? nothing}>
              <dt>${row[0]}</dt>
              <dd class=${row[2]?.ltr ? 'ref' : nothing} dir=${row[2]?.ltr ? 'ltr' : 'auto'}>${row[1]}</dd>
            </div>`
          : nothing,
      )}
    </dl>
  </section>`;
}

/** The ticket's facts every reader gets: when it was opened and last changed, and its reference. */
export function commonFacts(ticket: TicketDetail, ctx: WidgetContext, now: Date) {
  const { i18n } = ctx;
  const { t } = i18n;
  return [
    [t.detail.opened, exactTime(i18n, ticket.createdAt, now)],
    [t.detail.updated, relativeTime(i18n, ticket.updatedAt, now)],
    [t.detail.reference, i18n.ticketNumber(ticket.number)],
  ] as const;
}

/** The notice over the conversation: closed (with `closed`), or waiting on the customer until it closes by itself. */
export function ticketBanner(ticket: TicketDetail, ctx: WidgetContext, now: Date, words: { autoClose: (relative: string) => string; closed: unknown }) {
  if (ticket.status === 'closed') return words.closed;
  if (ticket.status === 'awaiting_customer' && ticket.autoCloseAt) {
    return html`<p class="banner" part="banner" data-kind="auto-close" role="note">${relativeTime(ctx.i18n, ticket.autoCloseAt, now, words.autoClose)}</p>`;
  }
  return nothing;
}
