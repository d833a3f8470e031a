import { RATINGS, type Rating } from '@support-tickets/core';
import { css, html, nothing } from 'lit';
import type { TicketDetail } from '../api/types';
import { WidgetElement } from '../base/widget-element';
import { formStyles } from '../ui/form.styles';
import { keepingFocus } from '../ui/focus';
import { sharedStyles } from '../ui/shared.styles';
import { errorText } from '../ui/states';
import { NavigateEvent, TicketUpdatedEvent } from '../workspace/events';
import { CLOSED_TICKET_WORDS } from './words';

/** Whether focus is on nothing: the page, or a node removed meanwhile (followed down through shadow roots). */
function focusIsNowhere(): boolean {
  let node = document.activeElement;
  while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
  return !node || node === document.body || !node.isConnected;
}

/**
 * What a customer may still do about a closed ticket, as the server's `actions` say: open a
 * follow-up (a new ticket linked to it, carrying a reply they were writing when it closed), or
 * a new ticket when it is not theirs to follow up; and rate it, once, until the server's
 * `rateUntil`. Once rated, the rating is shown instead.
 *
 * @summary A closed ticket's follow-up and rating.
 * @tag st-closed-extras
 */
export class ClosedExtras extends WidgetElement {
  static override styles = [
    sharedStyles,
    formStyles,
    css`
      :host { display: grid; gap: 0.75rem; margin-block-start: 0.6rem; }
      .unsent { margin: 0; padding-inline-start: 0.75rem; border-inline-start: 3px solid var(--_border-strong); white-space: pre-wrap; }
      .rating { display: grid; gap: 0.5rem; padding-block-start: 0.75rem; border-block-start: 1px solid var(--_border); }
      .choices { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-block-start: 0.4rem; }
      p { margin: 0; }
    `,
  ];

  static override properties = {
    ticket: { attribute: false },
    choice: { state: true },
    comment: { state: true },
    sending: { state: true },
    error: { state: true },
  };

  /** The closed ticket, as the server last answered. */
  declare ticket: TicketDetail | undefined;
  declare private choice: Rating | null;
  declare private comment: string;
  declare private sending: boolean;
  declare private error: string;

  constructor() {
    super();
    this.ticket = undefined;
    this.choice = null;
    this.comment = '';
    this.sending = false;
    this.error = '';
  }

  private get words() {
    return CLOSED_TICKET_WORDS[this.i18n.lang];
  }

  /** A reply left unsent on the ticket, when the person may carry it into a follow-up. */
  private unsent(ticket: TicketDetail): string {
    return ticket.actions.includes('follow_up') ? this.store.draft(ticket.id, 'reply') : '';
  }

  protected override firstUpdated() {
    // The ticket closed under the person's hands (the reply box went away with their focus):
    // the offer that keeps their text is where they are now.
    if (this.ticket && this.unsent(this.ticket) && focusIsNowhere()) this.renderRoot.querySelector<HTMLElement>('[data-action="follow-up"]')?.focus();
  }

  private followUp(ticket: TicketDetail) {
    const unsent = this.unsent(ticket);
    if (unsent) {
      // Moved, not copied; after what the form holds already, so nothing typed is lost.
      const draft = this.store.ticketDraft;
      draft.body = draft.body.trim() ? `${draft.body}\n\n${unsent}` : unsent;
      this.store.setDraft(ticket.id, 'reply', '');
    }
    // Navigation is the page's to ask for: its host is in the workspace's shadow root.
    const page = (this.getRootNode() as ShadowRoot).host;
    page.dispatchEvent(new NavigateEvent({ view: 'create', from: ticket }));
  }

  private async rate(event: Event) {
    event.preventDefault();
    const { ticket, choice } = this;
    if (this.sending || !ticket || !choice) return;
    const comment = this.comment.trim();
    await keepingFocus(
      this,
      async () => {
        this.sending = true;
        this.error = '';
        try {
          const rated = await this.ctx.api.call('ticket.rate', (client) => client.ticket.rate.mutate({ id: ticket.id, rating: choice, ...(comment ? { comment } : {}) }));
          this.dispatchEvent(new TicketUpdatedEvent(rated));
        } catch (error) {
          this.error = errorText(error, this.i18n);
        } finally {
          this.sending = false;
        }
      },
      () => this.renderRoot.querySelector<HTMLElement>('.rated, .rating [role="alert"]'),
    );
  }

  protected override render() {
    const ticket = this.ticket;
    if (!ticket) return nothing;
    const { words } = this;
    const unsent = this.unsent(ticket);
    return html`${unsent ? html`<p>${words.unsent}</p><blockquote class="unsent" dir="auto">${unsent}</blockquote>` : nothing}
      <p>
        <button type="button" class="btn" data-action="follow-up" @click=${() => this.followUp(ticket)}>
          ${ticket.actions.includes('follow_up') ? words.followUp : this.t.closed.newTicket}
        </button>
      </p>
      ${this.renderRating(ticket)}`;
  }

  private renderRating(ticket: TicketDetail) {
    const { words, i18n } = this;
    if (ticket.rating) {
      return html`<p class="rated" tabindex="-1" data-rating=${ticket.rating.rating}>${words.rated[ticket.rating.rating]}</p>`;
    }
    if (!ticket.actions.includes('rate')) return nothing;
    return html`<form class="rating" @submit=${this.rate} aria-busy=${this.sending ? 'true' : 'false'}>
      <fieldset>
        <legend class="label">${words.question}</legend>
        <div class="choices">
          ${RATINGS.map(
            (rating) => html`<label class="option">
              <input type="radio" name="rating" value=${rating} .checked=${this.choice === rating} @change=${() => (this.choice = rating)} />
              <span class="option-label">${words.choice[rating]}</span>
            </label>`,
          )}
        </div>
      </fieldset>
      <label class="label" for="rating-comment">${words.comment}</label>
      <textarea id="rating-comment" rows="2" dir="auto" .value=${this.comment} @input=${(e: Event) => (this.comment = (e.target as HTMLTextAreaElement).value)}></textarea>
      ${ticket.rateUntil ? html`<p class="hint">${words.until(i18n.dateTime(new Date(ticket.rateUntil)))}</p>` : nothing}
      ${this.error ? html`<p class="field-error" role="alert" tabindex="-1">${this.error}</p>` : nothing}
      <p><button type="submit" class="btn secondary" data-action="rate" ?disabled=${this.sending || !this.choice}>${this.sending ? words.sending : words.send}</button></p>
    </form>`;
  }
}
