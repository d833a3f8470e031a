import { css, html, nothing } from 'lit';
import type { RouterInputs, RouterOutputs } from '@support-tickets/server';
import { errorText, refusalText } from '../../../ui/states';
import { sharedStyles } from '../../../ui/shared.styles';
import type { BulkRefusalCode } from '../../../translations/types';
import { AgentElement } from '../agent-element';

type BulkAction = RouterInputs['ticket']['bulk']['action'];
type BulkResult = RouterOutputs['ticket']['bulk']['results'][number];
type BulkRefusal = Extract<BulkResult, { ok: false }>['error'];

/** The bulk action is done: the queue clears its selection and reads itself again. */
export class BulkDoneEvent extends Event {
  static readonly type = 'bulk-done';
  constructor() {
    super(BulkDoneEvent.type);
  }
}

/**
 * One answer to many tickets (an outage): a reply to every selected ticket, or closing them.
 * The server decides each ticket on its own; the result of each is listed, by number.
 *
 * @summary The queue's bulk actions for the selected tickets.
 * @tag support-tickets-bulk-bar
 * @csspart bulk - The bar.
 */
export class BulkBar extends AgentElement {
  static override styles = [
    sharedStyles,
    css`
      .bulk { display: grid; gap: 0.5rem; padding: 0.75rem; border: 1px solid var(--_border-strong); border-radius: var(--_radius); margin-block-end: 0.75rem; }
      .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
      ul { margin: 0; padding-inline-start: 1.25rem; }
    `,
  ];
  static override properties = {
    tickets: { attribute: false },
    body: { state: true },
    sending: { state: true },
    results: { state: true },
    error: { state: true },
  };

  /** The selected tickets, by id, with their numbers for the results. */
  declare tickets: ReadonlyArray<{ id: string; number: number }>;
  declare body: string;
  declare sending: boolean;
  declare results: BulkResult[] | null;
  declare error: string;

  constructor() {
    super();
    this.tickets = [];
    this.body = '';
    this.sending = false;
    this.results = null;
    this.error = '';
  }

  private async run(action: BulkAction) {
    if (this.sending) return;
    this.sending = true;
    this.error = '';
    try {
      const ids = this.tickets.map((ticket) => ticket.id);
      const { results } = await this.ctx.api.call('ticket.bulk', (client) => client.ticket.bulk.mutate({ ids, action }));
      this.results = results;
      if (action.type === 'reply') this.body = '';
      this.dispatchEvent(new BulkDoneEvent());
    } catch (error) {
      this.error = errorText(error, this.i18n);
    } finally {
      this.sending = false;
    }
  }

  protected override render() {
    const { t, i18n } = this;
    const { team } = t;
    const count = this.tickets.length;
    if (count === 0 && !this.results) return nothing;
    return html`<section class="bulk" part="bulk" aria-labelledby="bulk-heading">
      <h3 id="bulk-heading">${team.selected(i18n.number(count))}</h3>
      ${count > 0
        ? html`<label for="bulk-body">${team.bulkReply}</label>
            <textarea id="bulk-body" rows="3" dir="auto" .value=${this.body} @input=${(e: Event) => (this.body = (e.target as HTMLTextAreaElement).value)}></textarea>
            <div class="buttons">
              <button type="button" class="btn" data-action="bulk-reply" ?disabled=${this.sending || !this.body.trim()} @click=${() => this.run({ type: 'reply', body: this.body })}>
                ${this.sending ? t.composer.sending : team.bulkSend}
              </button>
              <button type="button" class="btn secondary" data-action="bulk-close" ?disabled=${this.sending} @click=${() => this.run({ type: 'close' })}>${team.bulkClose}</button>
              <button type="button" class="btn link" data-action="bulk-clear" @click=${() => this.dispatchEvent(new BulkDoneEvent())}>${team.clearSelection}</button>
            </div>`
        : nothing}
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      ${this.results ? this.renderResults(this.results) : nothing}
    </section>`;
  }

  private renderResults(results: BulkResult[]) {
    const { i18n, t } = this;
    const ok = results.filter((r) => r.ok);
    const failed = results.filter((r) => !r.ok);
    const number = (id: string) => i18n.ticketNumber(this.numbers.get(id) ?? 0);
    return html`<div role="status">
      <p>${t.team.bulkDone(i18n.number(ok.length), i18n.number(failed.length))}</p>
      <ul class="results">
        ${results.map(
          (r) => html`<li data-ok=${r.ok ? 'true' : 'false'}>
            ${r.ok ? `${i18n.ticketNumber(r.ticket.number)} ✓` : `${number(r.id)}: ${this.refusal(r.error)}`}
          </li>`,
        )}
      </ul>
    </div>`;
  }

  /** Why one ticket was not done, for people: the server's reason in words, else what its code means. */
  private refusal(error: BulkRefusal): string {
    const { bulkRefused } = this.t.team;
    return (error.reason && refusalText(error.reason, this.i18n)) || (bulkRefused[error.code as BulkRefusalCode] ?? bulkRefused.other);
  }

  /** Numbers of the tickets the last action was for (kept past clearing the selection). */
  private numbers = new Map<string, number>();

  protected override willUpdate() {
    for (const ticket of this.tickets) this.numbers.set(ticket.id, ticket.number);
  }
}
