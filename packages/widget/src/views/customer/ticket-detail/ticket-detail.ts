import { html, LitElement, nothing } from 'lit';
import { withoutThread, type TicketDetail as Detail, type TicketMessage } from '../../../api/types';
import type { Drafts, WidgetContext } from '../../../context';
import { messageBody } from '../../../ui/message-body';
import { pageStyles } from '../../../ui/page.styles';
import { panelStyles } from '../../../ui/panel.styles';
import { sharedStyles } from '../../../ui/shared.styles';
import { ticketStyles } from '../../../ui/ticket.styles';
import { slaChip } from '../../../ui/sla';
import { errorState, errorText } from '../../../ui/states';
import { exactTime, relativeTime } from '../../../ui/time';
import { NavigateEvent } from '../../navigation';
import { OpenTicket } from '../../open-ticket';
import { styles } from './ticket-detail.styles';
import { actorKind, timeline } from './timeline';

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/**
 * One ticket as its customer sees it: the conversation, the facts and SLA, the timeline, a
 * notice while it waits on the customer or once it is closed, and the reply form.
 *
 * @summary Read, answer and close a ticket.
 * @tag support-tickets-detail
 * @csspart detail - The ticket page.
 * @csspart thread - The conversation.
 * @csspart message - A message.
 * @csspart composer - The reply form.
 * @csspart submit - The send button.
 * @csspart close - The close button.
 * @csspart banner - The waiting-on-you or closed notice.
 * @csspart timeline - The timeline.
 */
export class TicketDetail extends LitElement {
  static override styles = [sharedStyles, pageStyles, panelStyles, ticketStyles, styles];

  static override properties = {
    ctx: { attribute: false },
    now: { attribute: false },
    ticketId: { attribute: false },
    drafts: { attribute: false },
    sending: { state: true },
    replyError: { state: true },
    confirmingClose: { state: true },
    closing: { state: true },
    closeError: { state: true },
  };

  declare ctx: WidgetContext;
  declare now: Date;
  declare ticketId: string;
  declare drafts: Drafts;
  declare private sending: boolean;
  declare private replyError: string;
  declare private confirmingClose: boolean;
  declare private closing: boolean;
  declare private closeError: string;

  private readonly ticket = new OpenTicket(this);

  constructor() {
    super();
    this.ticketId = '';
    this.sending = false;
    this.replyError = '';
    this.confirmingClose = false;
    this.closing = false;
    this.closeError = '';
  }

  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private get reply(): string {
    return this.drafts.replies.get(this.ticketId) ?? '';
  }

  private async send() {
    const { t } = this.ctx.i18n;
    const body = this.reply;
    if (this.sending) return;
    if (!body.trim()) {
      this.replyError = t.composer.empty;
      return;
    }
    this.sending = true;
    this.replyError = '';
    try {
      const ticket = await this.ctx.api.reply(this.ticketId, body);
      this.drafts.replies.delete(this.ticketId);
      this.ticket.set(ticket);
      this.ctx.emit('support-ticket-replied', { ticket: withoutThread(ticket) });
    } catch (error) {
      this.replyError = `${t.composer.failed} ${errorText(error, this.ctx.i18n)}`;
      // A closed ticket refuses replies (CONFLICT): show it as it is now; the text stays.
      void this.ticket.refresh();
    } finally {
      this.sending = false;
    }
  }

  private async close() {
    if (this.closing) return;
    this.closing = true;
    this.closeError = '';
    try {
      const ticket = await this.ctx.api.close(this.ticketId);
      this.confirmingClose = false;
      this.ticket.set(ticket);
      this.ctx.emit('support-ticket-closed', { ticket: withoutThread(ticket) });
      await this.updateComplete;
      this.focusHeading();
    } catch (error) {
      this.closeError = `${this.ctx.i18n.t.close.failed} ${errorText(error, this.ctx.i18n)}`;
    } finally {
      this.closing = false;
    }
  }

  private onReplyKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.send();
    }
  };

  private onConfirmKeydown = (event: KeyboardEvent) => {
    // Escape answers the question instead of leaving the ticket.
    if (event.key === 'Escape') {
      event.preventDefault();
      this.confirmingClose = false;
    }
  };

  private back() {
    this.dispatchEvent(new NavigateEvent({ view: 'list' }));
  }

  protected override render() {
    const { t } = this.ctx.i18n;
    const ticket = this.ticket.value;
    const { load } = this.ticket;
    const failed = load.status === 3 && !ticket;
    return html`<article class="detail" part="detail" aria-labelledby="heading" aria-busy=${!ticket && !failed ? 'true' : 'false'}>
      <div class="top">
        <button type="button" class="btn link back" @click=${this.back}>
          <span class="arrow" aria-hidden="true">←</span> ${t.backToTickets}
        </button>
        <h2 id="heading" tabindex="-1" dir="auto">${ticket ? ticket.subject : failed ? t.detail.facts : t.detail.loadingHeading}</h2>
        ${ticket
          ? html`<p class="chips">
              <span class="chip plain status">${this.ctx.i18n.labels.status[ticket.status]}</span>
              ${slaChip(ticket, this.now, this.ctx.i18n)}
            </p>`
          : nothing}
      </div>
      ${failed
        ? errorState(this.ctx.i18n, load.error, { retry: () => void load.run() })
        : ticket
          ? this.renderTicket(ticket)
          : html`<div class="skeleton" style="block-size: 16rem"></div>`}
    </article>`;
  }

  private renderTicket(ticket: Detail) {
    return html`<div class="layout">
      <div class="main">
        ${this.renderBanner(ticket)} ${this.renderThread(ticket)}
        ${ticket.status === 'closed' ? nothing : this.renderComposer()}
      </div>
      <aside class="aside">${this.renderFacts(ticket)} ${timeline(ticket.events, this.ctx, this.now)}</aside>
    </div>`;
  }

  private renderBanner(ticket: Detail) {
    const { ctx: { i18n }, now } = this;
    const { t } = i18n;
    if (ticket.status === 'closed') {
      const by =
        ticket.closedBy === 'system' ? t.closed.bySystem : ticket.closedBy === 'agent' ? t.closed.byAgent : t.closed.byCustomer;
      return html`<div class="banner closed" part="banner" data-kind="closed">
        <p><strong>${by}</strong></p>
        ${ticket.closedAt ? html`<p>${relativeTime(i18n, ticket.closedAt, now, t.closed.notice)}</p>` : nothing}
        <button
          type="button"
          class="btn"
          @click=${() => this.dispatchEvent(new NavigateEvent({ view: 'create', from: withoutThread(ticket) }))}
        >
          ${t.closed.newTicket}
        </button>
      </div>`;
    }
    if (ticket.status === 'awaiting_customer' && ticket.autoCloseAt) {
      return html`<p class="banner" part="banner" data-kind="auto-close" role="note">
        ${relativeTime(i18n, ticket.autoCloseAt, now, t.detail.autoClose)}
      </p>`;
    }
    return nothing;
  }

  private renderThread(ticket: Detail) {
    const { t } = this.ctx.i18n;
    const messages = ticket.messages.filter((message) => message.visibility !== 'internal');
    return html`<section class="thread-section" aria-labelledby="thread-heading">
      <h3 id="thread-heading">${t.detail.conversation}</h3>
      ${messages.length === 0
        ? html`<p class="muted">${t.detail.noMessages}</p>`
        : html`<ol class="thread" part="thread">
            ${messages.map((message) => this.renderMessage(message))}
          </ol>`}
    </section>`;
  }

  private renderMessage(message: TicketMessage) {
    const { i18n } = this.ctx;
    const kind = actorKind(message.authorRole, message.authorId, this.ctx.session);
    const name = kind === 'you' ? i18n.t.detail.actor.you : message.authorName || i18n.t.detail.actor[kind];
    return html`<li class="message" part="message" data-author=${kind}>
      <div class="message-head">
        <span class="author" dir="auto">${name}</span>
        ${kind === 'support' ? html`<span class="chip plain role">${i18n.t.detail.actor.support}</span>` : nothing}
        <span class="muted when">${relativeTime(i18n, message.createdAt, this.now)}</span>
      </div>
      ${messageBody(message.body)}
    </li>`;
  }

  private renderComposer() {
    const { t } = this.ctx.i18n;
    return html`<form
        class="composer"
        part="composer"
        novalidate
        aria-busy=${this.sending ? 'true' : 'false'}
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.send();
        }}
      >
        <label for="reply">${t.composer.label}</label>
        <textarea
          id="reply"
          rows="4"
          dir="auto"
          .value=${this.reply}
          aria-describedby="reply-hint ${this.replyError ? 'reply-error' : ''}"
          aria-invalid=${this.replyError ? 'true' : 'false'}
          @input=${(e: Event) => this.drafts.replies.set(this.ticketId, (e.target as HTMLTextAreaElement).value)}
          @keydown=${this.onReplyKeydown}
        ></textarea>
        <p class="hint" id="reply-hint">${IS_MAC ? t.composer.hintMac : t.composer.hint}</p>
        ${this.replyError ? html`<p class="field-error" id="reply-error" role="alert">${this.replyError}</p>` : nothing}
        <div class="buttons">
          <button type="submit" class="btn" part="submit" ?disabled=${this.sending}>
            ${this.sending ? t.composer.sending : this.replyError ? t.retry : t.composer.send}
          </button>
          ${this.confirmingClose
            ? nothing
            : html`<button type="button" class="btn danger" part="close" @click=${() => (this.confirmingClose = true)}>
                ${t.close.action}
              </button>`}
        </div>
      </form>
      ${this.confirmingClose ? this.renderConfirmClose() : nothing}`;
  }

  private renderConfirmClose() {
    const { t } = this.ctx.i18n;
    return html`<div class="confirm banner" data-tone="bad" role="group" aria-labelledby="confirm-text" @keydown=${this.onConfirmKeydown}>
      <p id="confirm-text">${t.close.confirm}</p>
      ${this.closeError ? html`<p class="field-error" role="alert">${this.closeError}</p>` : nothing}
      <div class="buttons">
        <button type="button" class="btn danger" part="close" ?disabled=${this.closing} @click=${this.close}>
          ${this.closing ? t.close.closing : t.close.yes}
        </button>
        <button type="button" class="btn secondary" @click=${() => (this.confirmingClose = false)}>${t.close.no}</button>
      </div>
    </div>`;
  }

  private renderFacts(ticket: Detail) {
    const { ctx: { i18n }, now } = this;
    const { t, labels } = i18n;
    return html`<section class="facts box" aria-labelledby="facts-heading">
      <h3 id="facts-heading">${t.detail.facts}</h3>
      <dl>
        ${ticket.dueAt && ticket.status !== 'closed'
          ? html`<div><dt>${t.detail.response}</dt><dd>${exactTime(i18n, ticket.dueAt, now)}</dd></div>`
          : nothing}
        <div><dt>${t.detail.priority}</dt><dd>${labels.priority[ticket.priority]}</dd></div>
        <div><dt>${t.detail.category}</dt><dd>${labels.category[ticket.category]}</dd></div>
        <div><dt>${t.detail.opened}</dt><dd>${exactTime(i18n, ticket.createdAt, now)}</dd></div>
        <div><dt>${t.detail.updated}</dt><dd>${relativeTime(i18n, ticket.updatedAt, now)}</dd></div>
        ${ticket.createdByName && ticket.createdBy !== this.ctx.session.userId
          ? html`<div><dt>${t.detail.openedBy}</dt><dd dir="auto">${ticket.createdByName}</dd></div>`
          : nothing}
        <div><dt>${t.detail.reference}</dt><dd class="ref" dir="ltr">${ticket.id}</dd></div>
      </dl>
    </section>`;
  }
}
