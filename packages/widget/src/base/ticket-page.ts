import { TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import type { TicketDetail, TicketMessage } from '../api/types';
import { Deadlines } from '../live/deadlines';
import { OpenTicket } from '../ui/open-ticket';
import { errorState } from '../ui/states';
import { BackEvent, TicketUpdatedEvent } from '../workspace/events';
import { WidgetElement } from './widget-element';

/**
 * A ticket's page, the customer's and the agent's: the ticket read by id and kept current (live
 * changes, and every action's answer through `TicketUpdatedEvent`), the back button, the
 * subject as heading with the page's chips under it, and the loading and failed states.
 * Subclasses draw the chips and the ticket.
 */
export abstract class TicketPage extends WidgetElement {
  static override properties = { ticketId: { attribute: false }, announcement: { state: true } };

  declare ticketId: string;
  /** What the polite live region last read out: a message that arrived from someone else. */
  declare private announcement: string;

  protected readonly ticket = new OpenTicket(this, {
    api: () => this.ctx.api,
    hub: () => this.hub,
    ticketId: () => this.ticketId,
    arrived: (messages) => this.announce(messages),
  });
  private readonly deadlines = new Deadlines();

  constructor() {
    super();
    this.ticketId = '';
    this.announcement = '';
    // An action's answer: from this page's own controllers, or from an element inside it.
    this.addEventListener(TicketUpdatedEvent.type, this.onUpdated);
  }

  override connectedCallback() {
    super.connectedCallback();
    this.renderRoot.addEventListener(TicketUpdatedEvent.type, this.onUpdated);
  }

  protected override willUpdate() {
    const ticket = this.ticket.value;
    if (ticket && this.deadlines.passedSince([ticket], this.now)) void this.ticket.refresh();
  }

  private onUpdated = (event: Event) => {
    if (event instanceof TicketUpdatedEvent && event.ticket.id === this.ticketId) this.ticket.set(event.ticket);
  };

  private announce(messages: TicketMessage[]) {
    const { t } = this.i18n;
    const { userId } = this.ctx.session;
    this.announcement = messages
      .filter((message) => message.authorId !== userId)
      .map((message) => t.detail.arrived(message.authorRole === 'agent' && this.ctx.session.role !== 'agent' ? t.actor.support : message.authorName, message.body))
      .join('\n');
  }

  protected abstract get backLabel(): string;
  protected abstract renderChips(ticket: TicketDetail): unknown;
  protected abstract renderTicket(ticket: TicketDetail): unknown;

  protected override render() {
    const { t } = this;
    const ticket = this.ticket.value;
    const { load } = this.ticket;
    const failed = load.status === TaskStatus.ERROR && !ticket;
    return html`<article class="detail" part="detail" aria-labelledby="heading" aria-busy=${!ticket && !failed ? 'true' : 'false'}>
      <div class="top">
        <button type="button" class="btn link back" @click=${() => this.dispatchEvent(new BackEvent())}>
          <span class="arrow" aria-hidden="true">←</span> ${this.backLabel}
        </button>
        <h2 id="heading" tabindex="-1" dir="auto">${ticket ? ticket.subject : failed ? t.detail.facts : t.detail.loadingHeading}</h2>
        ${ticket ? this.renderChips(ticket) : nothing}
      </div>
      <p class="announcer visually-hidden" aria-live="polite">${this.announcement}</p>
      ${failed
        ? errorState(this.i18n, load.error, { retry: () => void load.run() })
        : ticket
          ? this.renderTicket(ticket)
          : html`<div class="skeleton" style="block-size: 16rem"></div>`}
    </article>`;
  }
}
