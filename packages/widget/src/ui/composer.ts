import { html, nothing, type LitElement } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { publicTicket, type TicketDetail } from '../api/types';
import type { WidgetContext } from '../base/context';
import { TicketUpdatedEvent } from '../workspace/events';
import type { ComposeMode, WorkspaceStore } from '../workspace/store';
import { keepingFocus } from './focus';
import { sendHint, sendOnCtrlEnter } from './keys';
import { attachTray, trayIn } from './files';
import { errorText } from './states';

export interface ComposerOptions {
  context: () => { ctx: WidgetContext; store: WorkspaceStore; ticketId: string; mode: ComposeMode };
  /** What a failure to send is called in this mode ("Your reply was not sent…"). */
  failed?: (mode: ComposeMode) => string;
  /** After a failure: e.g. re-read the ticket, which may have been closed meanwhile (the text stays). */
  afterFailure?: (error: unknown) => void;
  /** The newest timeline event the writer has on screen; undefined sends regardless (the collision guard). */
  seen?: () => number | undefined;
}

/**
 * Writing on a ticket, the customer's and the agent's alike: the draft kept in the workspace
 * (per ticket and mode), sending once at a time (Ctrl/⌘+Enter too), the text kept and "Try
 * again" offered on a failure, and the ticket as the API answers it handed to the page
 * (`TicketUpdatedEvent`); a reply also fires `support-ticket-replied`.
 */
export class Composer {
  sending = false;
  error = '';
  /** Messages sent so far: each one starts a fresh field, whatever the old one held. */
  private sent = 0;

  constructor(
    private readonly host: LitElement,
    private readonly options: ComposerOptions,
  ) {}

  get text(): string {
    const { store, ticketId, mode } = this.options.context();
    return store.draft(ticketId, mode);
  }

  /** Forgets a failure shown for another mode or ticket. */
  reset() {
    this.error = '';
    this.host.requestUpdate();
  }

  async send() {
    if (this.sending) return;
    const { ctx, store, ticketId, mode } = this.options.context();
    const body = this.text;
    const tray = trayIn(this.host.renderRoot);
    if (!body.trim() || tray?.waiting) {
      this.error = tray?.waiting || ctx.i18n.t.composer.empty;
      this.host.requestUpdate();
      return;
    }
    this.sending = true;
    this.error = '';
    this.host.requestUpdate();
    await keepingFocus(this.host, async () => {
      try {
        const files = tray?.ids;
        const seen = this.options.seen?.();
        const ticket: TicketDetail = mode === 'note' ? await ctx.api.note(ticketId, body, files, seen) : await ctx.api.reply(ticketId, body, files, seen);
        store.setDraft(ticketId, mode, '');
        tray?.clear();
        this.sent++;
        this.host.dispatchEvent(new TicketUpdatedEvent(ticket));
        if (mode === 'reply') ctx.emit('support-ticket-replied', { ticket: publicTicket(ticket) });
      } catch (error) {
        this.error = `${this.options.failed?.(mode) ?? ctx.i18n.t.composer.failed} ${errorText(error, ctx.i18n)}`;
        this.options.afterFailure?.(error);
      } finally {
        this.sending = false;
        this.host.requestUpdate();
      }
    }, () => this.host.renderRoot.querySelector('textarea'));
  }

  private onSubmit = (event: Event) => {
    event.preventDefault();
    void this.send();
  };

  private onKeydown = sendOnCtrlEnter(() => void this.send());

  /** The form: `above` goes before the field (a mode switch), `buttons` after the send button. */
  render(view: { id: string; label: string; rows: number; send: string; class?: string; above?: unknown; warning?: string; buttons?: unknown }) {
    const { ctx, store, ticketId, mode } = this.options.context();
    const { t } = ctx.i18n;
    const described = [view.warning ? `${view.id}-warning` : '', `${view.id}-hint`, this.error ? `${view.id}-error` : ''].filter(Boolean).join(' ');
    return html`<form
      class="composer ${view.class ?? ''}"
      part="composer"
      data-mode=${mode}
      novalidate
      aria-busy=${this.sending ? 'true' : 'false'}
      @submit=${this.onSubmit}
    >
      ${view.above ?? nothing}
      <label for=${view.id}>${view.label}</label>
      ${view.warning ? html`<p class="note-warning" id="${view.id}-warning">${view.warning}</p>` : nothing}
      ${keyed(
        `${ticketId} ${mode} ${this.sent}`,
        html`<textarea
          id=${view.id}
          rows=${view.rows}
          dir="auto"
          .value=${this.text}
          aria-describedby=${described}
          aria-invalid=${this.error ? 'true' : 'false'}
          @input=${(e: Event) => store.setDraft(ticketId, mode, (e.target as HTMLTextAreaElement).value)}
          @keydown=${this.onKeydown}
        ></textarea>`,
      )}
      <p class="hint" id="${view.id}-hint">${sendHint(t)}</p>
      ${attachTray(ctx)}
      ${this.error ? html`<p class="field-error" id="${view.id}-error" role="alert">${this.error}</p>` : nothing}
      <div class="buttons">
        <button type="submit" class="btn ${mode === 'note' ? 'note' : ''}" part="submit" ?disabled=${this.sending}>
          ${this.sending ? t.composer.sending : this.error ? t.retry : view.send}
        </button>
        ${view.buttons ?? nothing}
      </div>
    </form>`;
  }
}
