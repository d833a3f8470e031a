import { html, nothing } from 'lit';
import type { TicketDetail as Detail } from '../../../api/types';
import { TicketPage } from '../../../base/ticket-page';
import { CloseTicket } from '../../../ui/close-ticket';
import { Composer } from '../../../ui/composer';
import { EarlierMessages } from '../../../ui/earlier-messages';
import { pageStyles } from '../../../ui/page.styles';
import { panelStyles } from '../../../ui/panel.styles';
import { sharedStyles } from '../../../ui/shared.styles';
import { customerChips } from '../../../ui/sla';
import { commonFacts, facts, thread, ticketBanner } from '../../../ui/ticket-parts';
import { ticketStyles } from '../../../ui/ticket.styles';
import { readerTime, relativeTime } from '../../../ui/time';
import { timeline } from '../../../ui/timeline';
import { ratingForm } from '../../../ui/rating';
import { NavigateEvent } from '../../../workspace/events';
import { styles } from './ticket-detail.styles';

/**
 * One ticket as its customer sees it: the conversation, the facts and SLA, the timeline, a
 * notice while it waits on the customer or once it is closed (a new ticket following it up,
 * and the rating, from its own chunk), and the reply form.
 *
 * @summary Read, answer and close a ticket.
 * @tag support-tickets-detail
 * @csspart detail - The ticket page.
 * @csspart thread - The conversation.
 * @csspart message - A message.
 * @csspart earlier - The "Show earlier messages" button.
 * @csspart composer - The reply form.
 * @csspart submit - The send button.
 * @csspart close - The close button.
 * @csspart banner - The waiting-on-you or closed notice.
 * @csspart timeline - The timeline.
 */
export class TicketDetail extends TicketPage {
  static override styles = [sharedStyles, pageStyles, panelStyles, ticketStyles, styles];

  private readonly composer = new Composer(this, {
    context: () => ({ ctx: this.ctx, store: this.store, ticketId: this.ticketId, mode: 'reply' }),
    // A closed ticket refuses replies (CONFLICT): show it as it is now; the text stays.
    afterFailure: () => void this.ticket.refresh(),
  });

  private readonly earlier = new EarlierMessages(this, () => this.ctx);

  private readonly closing = new CloseTicket(this, {
    context: () => ({ ctx: this.ctx, ticketId: this.ticketId }),
    focusAfter: () => this.renderRoot.querySelector('h2'),
  });

  protected override get backLabel() {
    return this.t.backToTickets;
  }

  protected override renderChips(ticket: Detail) {
    return html`<p class="chips">${customerChips(ticket, this.i18n, ticket.createdBy === this.ctx.session.userId ? 'you' : 'colleague')}</p>`;
  }

  protected override renderTicket(ticket: Detail) {
    const { ctx, now, t, i18n } = this;
    return html`<div class="layout">
      <div class="main">
        ${ticketBanner(ticket, ctx, now, { autoClose: t.detail.autoClose, closed: this.renderClosed(ticket) })}
        ${thread(this.earlier.messages(ticket), ctx, now, '', this.earlier.button(ticket))}
        ${ticket.actions.includes('reply')
          ? this.composer.render({ id: 'reply', label: t.composer.label, rows: 4, send: t.composer.send, buttons: ticket.actions.includes('close') ? this.closing.button() : nothing })
          : nothing}
        ${this.closing.confirmation(t.close.confirm)}
      </div>
      <aside class="aside">
        ${facts(t.detail.facts, [
          ticket.dueAt && ticket.status !== 'closed' ? [t.detail.response, readerTime(i18n, ticket.dueAt, now)] : null,
          [t.field.priority, i18n.labels.priority[ticket.priority]],
          [t.field.category, i18n.labels.category[ticket.category]],
          ticket.resources.length > 0 ? [t.detail.resources, i18n.list(ticket.resources.map((r) => r.name)), { field: 'resources' }] : null,
          ...commonFacts(ticket, ctx, now).slice(0, 2),
          ticket.createdBy !== ctx.session.userId ? [t.detail.openedBy, ticket.createdByName] : null,
          ...commonFacts(ticket, ctx, now).slice(2),
        ])}
        ${timeline(ticket.events, ctx, now)}
      </aside>
    </div>`;
  }

  private renderClosed(ticket: Detail) {
    const { t, i18n, now } = this;
    // A reply typed while the ticket closed stays in the store, for the follow-up form.
    const unsent = this.store.draft(ticket.id, 'reply');
    return html`<div class="banner closed" part="banner" data-kind="closed">
      <p><strong>${t.closedBy[ticket.closedBy ?? 'customer']}</strong></p>
      ${ticket.closedAt ? html`<p>${relativeTime(i18n, ticket.closedAt, now, t.closed.notice)}</p>` : nothing}
      ${unsent ? html`<p>${t.closed.draftKept}</p><blockquote class="body unsent">${unsent}</blockquote>` : nothing}
      <button type="button" class="btn" @click=${() => this.dispatchEvent(new NavigateEvent({ view: 'create', from: ticket }))}>
        ${unsent ? t.closed.followUp : t.closed.newTicket}
      </button>
      ${ratingForm(ticket, this.ctx)}
    </div>`;
  }
}
