import { RATINGS, type Rating } from '@support-tickets/core';
import { css, html, LitElement, nothing } from 'lit';
import type { TicketDetail } from '../api/types';
import type { WidgetContext } from '../base/context';
import { keepingFocus } from '../ui/focus';
import { sharedStyles } from '../ui/shared.styles';
import { errorText } from '../ui/states';
import { TicketUpdatedEvent } from '../workspace/events';
import { RATING_WORDS } from './words';

/**
 * The customer's rating of a closed ticket, as the server allows it: good or bad with an
 * optional comment, once, while the ticket's `actions` hold `rate` (until the server's
 * `rateUntil`, which it says). Once rated, the rating is said instead.
 *
 * @summary Rate a closed ticket.
 * @tag st-rating
 */
export class RatingForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      form { display: grid; gap: 0.5rem; margin-block-start: 0.75rem; padding-block-start: 0.75rem; border-block-start: 1px solid var(--_border); }
      fieldset { margin: 0; padding: 0; border: 0; min-inline-size: 0; }
      .choices { display: flex; flex-wrap: wrap; gap: 1rem; margin-block-start: 0.4rem; }
      .choices label { display: flex; align-items: center; gap: 0.4rem; font-weight: 400; cursor: pointer; }
      .choices input { margin: 0; accent-color: var(--_accent); }
      p { margin: 0; }
      .rated { margin-block-start: 0.75rem; }
    `,
  ];

  static override properties = {
    ctx: { attribute: false },
    ticket: { attribute: false },
    choice: { state: true },
    comment: { state: true },
    sending: { state: true },
    error: { state: true },
  };

  /** The widget's context (API, language), handed in by the ticket page, as the attachments' elements get it. */
  declare ctx: WidgetContext | undefined;
  /** The closed ticket, as the server last answered. */
  declare ticket: TicketDetail | undefined;
  declare private choice: Rating | null;
  declare private comment: string;
  declare private sending: boolean;
  declare private error: string;

  constructor() {
    super();
    this.ctx = undefined;
    this.ticket = undefined;
    this.choice = null;
    this.comment = '';
    this.sending = false;
    this.error = '';
  }

  private get words() {
    return RATING_WORDS[this.ctx!.i18n.lang];
  }

  private async rate(event: Event) {
    event.preventDefault();
    const { ticket, choice, ctx } = this;
    if (this.sending || !ticket || !choice || !ctx) return;
    const comment = this.comment.trim();
    await keepingFocus(
      this,
      async () => {
        this.sending = true;
        this.error = '';
        try {
          const rated = await ctx.api.call('ticket.rate', (client) => client.ticket.rate.mutate({ id: ticket.id, rating: choice, ...(comment ? { comment } : {}) }));
          this.dispatchEvent(new TicketUpdatedEvent(rated));
        } catch (error) {
          this.error = errorText(error, ctx.i18n);
        } finally {
          this.sending = false;
        }
      },
      // The button that sent went away (or was disabled): focus on what answers.
      () => this.renderRoot.querySelector<HTMLElement>('.rated, [role="alert"]'),
    );
  }

  protected override render() {
    const { ticket, ctx } = this;
    if (!ticket || !ctx) return nothing;
    const { words } = this;
    const { i18n } = ctx;
    if (ticket.rating) {
      return html`<p class="rated" tabindex="-1" data-rating=${ticket.rating.rating}>${words.rated[ticket.rating.rating]}</p>`;
    }
    if (!ticket.actions.includes('rate')) return nothing;
    return html`<form class="rating" @submit=${this.rate} aria-busy=${this.sending ? 'true' : 'false'}>
      <fieldset>
        <legend class="label">${words.question}</legend>
        <div class="choices">
          ${RATINGS.map(
            (rating) => html`<label>
              <input type="radio" name="rating" value=${rating} .checked=${this.choice === rating} @change=${() => (this.choice = rating)} />
              ${words.choice[rating]}
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
