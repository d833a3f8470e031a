import { html, nothing } from 'lit';
import { toSupportError } from '../../../api/errors';
import type { TicketDetail, TicketEvent } from '../../../api/types';
import { Composer } from '../../../ui/composer';
import { panelStyles } from '../../../ui/panel.styles';
import { sharedStyles } from '../../../ui/shared.styles';
import { eventText } from '../../../ui/timeline';
import type { ComposeMode } from '../../../workspace/store';
import { AgentElement } from '../agent-element';
import { MacroPickedEvent } from '../team/macro-picker';
import { conflictStyles, styles } from './agent-composer.styles';

/** The agent typed in the composer (for presence). */
export class ComposerTypingEvent extends Event {
  static readonly type = 'composer-typing';
  constructor() {
    super(ComposerTypingEvent.type);
  }
}

/**
 * Writes on a ticket: a reply to the customer, or an internal note that only support sees.
 * The two look different (a note's box is dashed and labelled as internal) so nobody sends
 * one for the other. Drafts of both are kept per ticket; Ctrl/⌘+Enter sends. Each message says
 * which timeline event was on screen: when someone wrote or changed the status meanwhile the
 * server refuses it, and the composer shows what changed, keeps the text and offers to send
 * anyway. Saved replies come from a picker (its button, or `/` in an empty reply).
 *
 * @summary The agent's reply and internal-note composer.
 * @tag support-tickets-agent-composer
 * @csspart composer - The form.
 * @csspart submit - The send button.
 * @csspart conflict - What changed while the agent wrote, with "Send anyway".
 * @csspart macros - The saved-reply picker.
 */
export class AgentComposer extends AgentElement {
  static override styles = [sharedStyles, panelStyles, styles, conflictStyles];
  static override properties = { ticket: { attribute: false }, conflict: { state: true }, picking: { state: true } };

  declare ticket: TicketDetail;
  /** The changes that made the last send out of date, while the agent decides. */
  declare conflict: TicketEvent[] | null;
  declare picking: boolean;
  /** Set by "Send anyway": the next send goes through whatever changed. */
  private force = false;

  private readonly composer = new Composer(this, {
    context: () => ({ ctx: this.ctx, store: this.store, ticketId: this.ticket.id, mode: this.mode }),
    failed: (mode) => (mode === 'note' ? this.t.note.failed : this.t.composer.failed),
    seen: () => (this.force ? undefined : this.ticket.events.at(-1)?.id),
    afterFailure: (error) => {
      const reason = toSupportError(error).reason;
      if (reason?.kind !== 'ticket_changed') return;
      this.conflict = reason.events.map((event) => ({ ...event, fromName: null, toName: null, messageId: null }));
      this.composer.reset();
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#conflict-heading')?.focus());
    },
  });

  constructor() {
    super();
    this.conflict = null;
    this.picking = false;
  }

  private get mode(): ComposeMode {
    return this.store.mode(this.ticket.id);
  }

  private setMode(mode: ComposeMode) {
    this.store.setMode(this.ticket.id, mode);
    this.composer.reset();
  }

  private async sendAnyway() {
    this.force = true;
    this.conflict = null;
    try {
      await this.composer.send();
    } finally {
      this.force = false;
    }
  }

  private onInput = (event: Event) => {
    const field = event.target as HTMLTextAreaElement;
    this.dispatchEvent(new ComposerTypingEvent());
    // "/" in an empty reply opens the saved replies instead of being typed.
    if (field.value === '/' && this.mode === 'reply') {
      this.store.setDraft(this.ticket.id, 'reply', '');
      field.value = '';
      this.picking = true;
    }
  };

  private onPicked = (event: MacroPickedEvent) => {
    this.picking = false;
    const field = () => this.renderRoot.querySelector('textarea');
    if (event.text) {
      const draft = this.store.draft(this.ticket.id, this.mode);
      this.store.setDraft(this.ticket.id, this.mode, draft ? `${draft}\n${event.text}` : event.text);
    }
    void this.updateComplete.then(() => field()?.focus());
  };

  protected override render() {
    const { t, mode } = this;
    const { team } = t;
    const note = mode === 'note';
    const tab = (value: ComposeMode, label: string) =>
      html`<label class="mode" data-mode=${value}>
        <input type="radio" name="mode" value=${value} .checked=${mode === value} @change=${() => this.setMode(value)} />
        <span>${label}</span>
      </label>`;
    return html`<div @input=${this.onInput}>
      ${this.conflict ? this.renderConflict(this.conflict) : nothing}
      ${this.composer.render({
        id: 'body',
        class: 'box',
        rows: 5,
        label: note ? t.note.label : t.note.replyLabel,
        send: note ? t.note.add : t.composer.send,
        ...(note ? { warning: t.note.warning } : {}),
        above: html`<fieldset class="modes">
            <legend class="visually-hidden">${t.note.compose}</legend>
            ${tab('reply', t.note.modeReply)} ${tab('note', t.note.modeNote)}
          </fieldset>
          ${this.picking ? html`<support-tickets-macro-picker .ticketId=${this.ticket.id} @macro-picked=${this.onPicked}></support-tickets-macro-picker>` : nothing}`,
        buttons: html`<button type="button" class="btn secondary" data-action="macros" aria-expanded=${this.picking ? 'true' : 'false'} @click=${() => (this.picking = !this.picking)}>
            ${team.macros}
          </button>
          <span class="muted hint">${team.macroHint}</span>`,
      })}
    </div>`;
  }

  private renderConflict(events: TicketEvent[]) {
    const { team } = this.t;
    return html`<section class="conflict box" part="conflict" role="alert" aria-labelledby="conflict-heading">
      <h3 id="conflict-heading" tabindex="-1">${team.changedHeading}</h3>
      <ul>
        ${events.map((event) => html`<li>${eventText(event, this.ctx)}</li>`)}
      </ul>
      <p>${team.changedBody}</p>
      <div class="buttons">
        <button type="button" class="btn" data-action="send-anyway" @click=${() => void this.sendAnyway()}>${team.sendAnyway}</button>
        <button type="button" class="btn secondary" data-action="review" @click=${() => (this.conflict = null)}>${team.review}</button>
      </div>
    </section>`;
  }
}
