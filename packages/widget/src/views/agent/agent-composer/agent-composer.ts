import { html } from 'lit';
import type { TicketDetail } from '../../../api/types';
import { Composer } from '../../../ui/composer';
import { panelStyles } from '../../../ui/panel.styles';
import { sharedStyles } from '../../../ui/shared.styles';
import type { ComposeMode } from '../../../workspace/store';
import { AgentElement } from '../agent-element';
import { styles } from './agent-composer.styles';

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
export class AgentComposer extends AgentElement {
  static override styles = [sharedStyles, panelStyles, styles];
  static override properties = { ticket: { attribute: false } };

  declare ticket: TicketDetail;

  private readonly composer = new Composer(this, {
    context: () => ({ ctx: this.ctx, store: this.store, ticketId: this.ticket.id, mode: this.mode }),
    failed: (mode) => (mode === 'note' ? this.t.note.failed : this.t.composer.failed),
  });

  private get mode(): ComposeMode {
    return this.store.mode(this.ticket.id);
  }

  private setMode(mode: ComposeMode) {
    this.store.setMode(this.ticket.id, mode);
    this.composer.reset();
  }

  protected override render() {
    const { t, mode } = this;
    const note = mode === 'note';
    const tab = (value: ComposeMode, label: string) =>
      html`<label class="mode" data-mode=${value}>
        <input type="radio" name="mode" value=${value} .checked=${mode === value} @change=${() => this.setMode(value)} />
        <span>${label}</span>
      </label>`;
    return this.composer.render({
      id: 'body',
      class: 'box',
      rows: 5,
      label: note ? t.note.label : t.note.replyLabel,
      send: note ? t.note.add : t.composer.send,
      ...(note ? { warning: t.note.warning } : {}),
      above: html`<fieldset class="modes">
        <legend class="visually-hidden">${t.note.compose}</legend>
        ${tab('reply', t.note.modeReply)} ${tab('note', t.note.modeNote)}
      </fieldset>`,
    });
  }
}
