import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { withoutThread, type TicketDetail } from '../../../api/types';
import type { WidgetContext } from '../../../context';
import { panelStyles } from '../../../ui/panel.styles';
import { sharedStyles } from '../../../ui/shared.styles';
import { errorText } from '../../../ui/states';
import { keepingFocus } from '../focus';
import { TicketUpdatedEvent, type AgentDrafts } from '../navigation';
import { styles } from './agent-composer.styles';
import { agentText } from '../../../translations/agent/index';

type Mode = 'reply' | 'note';
const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/**
 * Writes on a ticket: a reply to the customer, or an internal note that only support sees.
 * The two look different (a note's box is dashed and labelled as internal) so nobody sends
 * one for the other. Drafts of both are kept per ticket; Ctrl/⌘+Enter sends.
 *
 * @summary The agent's reply and internal-note composer.
 * @tag support-tickets-agent-composer
 * @csspart composer - The form.
 * @csspart submit - The send button.
 */
export class AgentComposer extends LitElement {
  static override styles = [sharedStyles, panelStyles, styles];

  static override properties = {
    ctx: { attribute: false },
    ticket: { attribute: false },
    drafts: { attribute: false },
    sending: { state: true },
    error: { state: true },
  };

  declare ctx: WidgetContext;
  declare ticket: TicketDetail;
  declare drafts: AgentDrafts;
  declare private sending: boolean;
  declare private error: string;

  constructor() {
    super();
    this.sending = false;
    this.error = '';
  }

  private get mode(): Mode {
    return this.drafts.modes.get(this.ticket.id) ?? 'reply';
  }

  private get store(): Map<string, string> {
    return this.mode === 'note' ? this.drafts.notes : this.drafts.replies;
  }

  private get text(): string {
    return this.store.get(this.ticket.id) ?? '';
  }

  private setMode(mode: Mode) {
    this.drafts.modes.set(this.ticket.id, mode);
    this.error = '';
    this.requestUpdate();
  }

  private async send() {
    const mode = this.mode;
    const body = this.text;
    if (this.sending) return;
    if (!body.trim()) {
      this.error = agentText(this.ctx.i18n).ticket.empty;
      return;
    }
    this.sending = true;
    this.error = '';
    await keepingFocus(this, () => this.deliver(mode, body), () => this.renderRoot.querySelector('textarea'));
  }

  private async deliver(mode: Mode, body: string) {
    const { t } = this.ctx.i18n;
    try {
      const ticket = mode === 'note' ? await this.ctx.api.note(this.ticket.id, body) : await this.ctx.api.reply(this.ticket.id, body);
      (mode === 'note' ? this.drafts.notes : this.drafts.replies).delete(this.ticket.id);
      this.dispatchEvent(new TicketUpdatedEvent(ticket));
      if (mode === 'reply') this.ctx.emit('support-ticket-replied', { ticket: withoutThread(ticket) });
    } catch (error) {
      this.error = `${mode === 'note' ? agentText(this.ctx.i18n).ticket.noteFailed : t.composer.failed} ${errorText(error, this.ctx.i18n)}`;
    } finally {
      this.sending = false;
    }
  }

  private onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.send();
    }
  };

  protected override render() {
    const { t } = this.ctx.i18n;
    const a = agentText(this.ctx.i18n).ticket;
    const mode = this.mode;
    const note = mode === 'note';
    const tab = (value: Mode, label: string) =>
      html`<label class="mode" data-mode=${value}>
        <input type="radio" name="mode" value=${value} .checked=${mode === value} @change=${() => this.setMode(value)} />
        <span>${label}</span>
      </label>`;
    return html`<form
      class="composer box"
      part="composer"
      data-mode=${mode}
      novalidate
      aria-busy=${this.sending ? 'true' : 'false'}
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.send();
      }}
    >
      <fieldset class="modes">
        <legend class="visually-hidden">${a.compose}</legend>
        ${tab('reply', a.modeReply)} ${tab('note', a.modeNote)}
      </fieldset>
      <label for="body">${note ? a.noteLabel : a.replyLabel}</label>
      ${note ? html`<p class="note-warning" id="note-warning">${a.internalNote}</p>` : nothing}
      <textarea
        id="body"
        rows="5"
        dir="auto"
        .value=${live(this.text)}
        aria-describedby="${note ? 'note-warning ' : ''}body-hint${this.error ? ' body-error' : ''}"
        aria-invalid=${this.error ? 'true' : 'false'}
        @input=${(e: Event) => this.store.set(this.ticket.id, (e.target as HTMLTextAreaElement).value)}
        @keydown=${this.onKeydown}
      ></textarea>
      <p class="hint" id="body-hint">${IS_MAC ? t.composer.hintMac : t.composer.hint}</p>
      ${this.error ? html`<p class="field-error" id="body-error" role="alert">${this.error}</p>` : nothing}
      <div class="buttons">
        <button type="submit" class="btn ${note ? 'note' : ''}" part="submit" ?disabled=${this.sending}>
          ${this.sending ? t.composer.sending : this.error ? t.retry : note ? a.addNote : a.sendReply}
        </button>
      </div>
    </form>`;
  }
}
