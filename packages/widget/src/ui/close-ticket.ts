import { html, nothing, type LitElement } from 'lit';
import { publicTicket } from '../api/types';
import type { WidgetContext } from '../base/context';
import { TicketUpdatedEvent } from '../workspace/events';
import { keepingFocus } from './focus';
import { errorText } from './states';

/**
 * "Close ticket" and its confirmation, the customer's and the agent's alike: the question
 * first (Escape or "Keep it open" answers it), then the API's answer handed to the page
 * (`TicketUpdatedEvent`) and `support-ticket-closed`; a failure is shown in the question.
 * The button that asks is replaced by the question, so focus moves into the question (on
 * "Keep it open", the answer that changes nothing) and back to the button when it is dismissed.
 */
export class CloseTicket {
  confirming = false;
  closing = false;
  error = '';

  constructor(
    private readonly host: LitElement,
    private readonly options: {
      context: () => { ctx: WidgetContext; ticketId: string };
      /** Where focus goes when the buttons it was on are gone. */
      focusAfter: () => HTMLElement | null | undefined;
    },
  ) {}

  private set(change: Partial<Pick<CloseTicket, 'confirming' | 'closing' | 'error'>>) {
    Object.assign(this, change);
    this.host.requestUpdate();
  }

  /** Shows the question, focus on its harmless answer. */
  async ask() {
    this.set({ confirming: true });
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('.confirm [data-answer="keep"]')?.focus();
  }

  /** Takes the question away, focus back on the button that asked. */
  async dismiss() {
    this.set({ confirming: false, error: '' });
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('[data-ask="close"]')?.focus();
  }

  async close() {
    if (this.closing) return;
    const { ctx, ticketId } = this.options.context();
    this.set({ closing: true, error: '' });
    await keepingFocus(this.host, async () => {
      try {
        const ticket = await ctx.api.close(ticketId);
        this.set({ confirming: false });
        this.host.dispatchEvent(new TicketUpdatedEvent(ticket));
        ctx.emit('support-ticket-closed', { ticket: publicTicket(ticket) });
      } catch (error) {
        this.set({ error: `${ctx.i18n.t.close.failed} ${errorText(error, ctx.i18n)}` });
      } finally {
        this.set({ closing: false });
      }
    }, this.options.focusAfter);
  }

  /** The button that asks; gone while the question is on screen. */
  button(disabled = false) {
    const { t } = this.options.context().ctx.i18n;
    if (this.confirming) return nothing;
    return html`<button type="button" class="btn danger" part="close" data-ask="close" ?disabled=${disabled} @click=${() => void this.ask()}>
      ${t.close.action}
    </button>`;
  }

  /** The question, while it is asked. */
  confirmation(question: string, disabled = false) {
    const { t } = this.options.context().ctx.i18n;
    if (!this.confirming) return nothing;
    return html`<div class="confirm banner" data-tone="bad" role="group" aria-labelledby="confirm-text" @keydown=${this.onKeydown}>
      <p id="confirm-text">${question}</p>
      ${this.error ? html`<p class="field-error" id="close-error" role="alert">${this.error}</p>` : nothing}
      <div class="buttons">
        <button type="button" class="btn danger" part="close" ?disabled=${disabled || this.closing} @click=${() => void this.close()}>
          ${this.closing ? t.close.closing : t.close.yes}
        </button>
        <button type="button" class="btn secondary" data-answer="keep" @click=${() => void this.dismiss()}>${t.close.no}</button>
      </div>
    </div>`;
  }

  // Escape answers the question instead of leaving the ticket.
  private onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    void this.dismiss();
  };
}
