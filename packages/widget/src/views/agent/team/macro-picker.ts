import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import type { RouterOutputs } from '@support-tickets/server';
import { Debounce } from '../../../ui/debounce';
import { sharedStyles } from '../../../ui/shared.styles';
import { AgentElement } from '../agent-element';

type Macro = RouterOutputs['macro']['list'][number];

/** A saved reply was picked: its text, placeholders filled for the ticket by the server. */
export class MacroPickedEvent extends Event {
  static readonly type = 'macro-picked';
  constructor(readonly text: string) {
    super(MacroPickedEvent.type);
  }
}

/**
 * Saved replies to insert into the reply: a search field and the matches, each a button
 * (Tab, Enter); Escape closes without picking. The server fills `{{customer.name}}` and the
 * other placeholders for this ticket.
 *
 * @summary The agent composer's saved-reply picker.
 * @tag support-tickets-macro-picker
 * @csspart macros - The picker.
 */
export class MacroPicker extends AgentElement {
  static override styles = [
    sharedStyles,
    css`
      .picker { display: grid; gap: 0.35rem; padding: 0.5rem; border: 1px solid var(--_border-strong); border-radius: var(--_radius); }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.25rem; max-block-size: 14rem; overflow: auto; }
      li button { inline-size: 100%; text-align: start; }
    `,
  ];
  static override properties = { ticketId: { attribute: false }, query: { state: true } };

  declare ticketId: string;
  declare query: string;
  private readonly debounce = new Debounce(this);

  private readonly macros = new Task(this, {
    task: ([api, ticketId, q], { signal }) =>
      api.call('macro.list', (client) => client.macro.list.query({ ticketId, ...(q ? { q } : {}) }, { signal }), signal),
    args: () => [this.ctx.api, this.ticketId, this.query] as const,
  });

  constructor() {
    super();
    this.query = '';
  }

  override firstUpdated() {
    this.renderRoot.querySelector('input')?.focus();
  }

  private pick(macro: Macro) {
    this.dispatchEvent(new MacroPickedEvent(macro.filled ?? macro.body));
  }

  protected override render() {
    const { team } = this.t;
    const items = this.macros.value ?? [];
    return html`<div class="picker" part="macros" role="group" aria-label=${team.macros} @keydown=${this.onKeydown}>
      <label for="macro-search">${team.macroSearch}</label>
      <input id="macro-search" type="search" autocomplete="off" @input=${this.onSearch} />
      ${this.macros.value && items.length === 0 ? html`<p class="muted" role="status">${team.macroNone}</p>` : nothing}
      <ul>
        ${items.map(
          (macro) => html`<li>
            <button type="button" class="btn secondary" data-macro=${macro.id} @click=${() => this.pick(macro)}><span dir="auto">${macro.title}</span></button>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private onSearch = (event: Event) => {
    // Read now: once an event from inside a shadow root has been dispatched, its target is gone.
    const query = (event.target as HTMLInputElement).value.trim();
    this.debounce.run(() => (this.query = query));
  };

  private onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.dispatchEvent(new MacroPickedEvent(''));
  };
}
