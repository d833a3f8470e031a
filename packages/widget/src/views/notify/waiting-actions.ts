import type { TicketDetail } from '../../api/types';
import { NOTIFY_TRANSLATIONS } from '../../translations/notify/index';
import type { NotifyKit } from './kit';

/**
 * The two answers of the waiting-on-you banner (SPEC §6, fair auto-close): "Resolved, close it
 * now" closes the ticket; "I still need help" opens the reply box of the page it is on.
 * Parts: `resolved`, `need-help`.
 */
export const waitingActions = ({ WidgetElement, html, css, nothing, publicTicket, TicketUpdatedEvent, errorText, sharedStyles }: NotifyKit): CustomElementConstructor =>
  class WaitingActions extends WidgetElement {
    static override styles = [sharedStyles, css`:host { display: block; margin-block-start: 0.5rem; } .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }`];
    static override properties = { ticket: { attribute: false }, closing: { state: true }, error: { state: true } };

    declare ticket: TicketDetail;
    declare closing: boolean;
    declare error: string;

    constructor() {
      super();
      this.closing = false;
      this.error = '';
    }

    get words() {
      return NOTIFY_TRANSLATIONS[this.i18n.lang].waiting;
    }

    async closeNow() {
      if (this.closing) return;
      this.closing = true;
      this.error = '';
      try {
        const ticket = await this.ctx.api.close(this.ticket.id);
        this.dispatchEvent(new TicketUpdatedEvent(ticket));
        this.ctx.emit('support-ticket-closed', { ticket: publicTicket(ticket) });
      } catch (error) {
        this.error = `${this.words.failed} ${errorText(error, this.i18n)}`;
      } finally {
        this.closing = false;
      }
    }

    /** The reply box is the page's: found in the shadow root this element is drawn in. */
    needHelp() {
      const box = (this.getRootNode() as ParentNode).querySelector<HTMLTextAreaElement>('textarea');
      box?.scrollIntoView({ block: 'center' });
      box?.focus();
    }

    protected override render() {
      const words = this.words;
      return html`<div class="buttons">
          <button type="button" class="btn" part="resolved" ?disabled=${this.closing} @click=${() => void this.closeNow()}>${words.resolved}</button>
          <button type="button" class="btn secondary" part="need-help" @click=${() => this.needHelp()}>${words.needHelp}</button>
        </div>
        ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}`;
    }
  };
