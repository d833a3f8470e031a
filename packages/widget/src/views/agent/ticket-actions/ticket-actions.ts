import { html, LitElement, nothing } from 'lit';
import { CATEGORIES, PRIORITIES, type Category, type Priority } from '@support-tickets/core';
import { withoutThread, type Org, type TicketDetail } from '../../../api/types';
import type { WidgetContext } from '../../../context';
import { panelStyles } from '../../../ui/panel.styles';
import { sharedStyles } from '../../../ui/shared.styles';
import { errorText } from '../../../ui/states';
import { keepingFocus } from '../focus';
import { TicketUpdatedEvent } from '../navigation';
import { styles } from './ticket-actions.styles';
import { agentText } from '../../../translations/agent/index';

type Action = 'accept' | 'priority' | 'category' | 'close';

/**
 * What an agent does to a ticket besides writing: accept it, change its priority (only the
 * priorities of the organisation's plan, each with its target) or category, close it. Each
 * answers with the ticket as it now is, so the SLA and due time on the page change at once; a
 * refusal is shown beside the control, in the server's words.
 *
 * @summary Accept, priority, category and close, for agents.
 * @tag support-tickets-agent-actions
 * @csspart actions - The box.
 * @csspart accept - The accept button.
 * @csspart close - The close button.
 */
export class TicketActions extends LitElement {
  static override styles = [sharedStyles, panelStyles, styles];

  static override properties = {
    ctx: { attribute: false },
    ticket: { attribute: false },
    org: { attribute: false },
    busy: { state: true },
    failure: { state: true },
    confirmingClose: { state: true },
  };

  declare ctx: WidgetContext;
  declare ticket: TicketDetail;
  /** The ticket's organisation, for its plan's priorities; undefined while loading. */
  declare org: Org | undefined;
  declare private busy: Action | null;
  declare private failure: { action: Action; message: string } | null;
  declare private confirmingClose: boolean;

  constructor() {
    super();
    this.org = undefined;
    this.busy = null;
    this.failure = null;
    this.confirmingClose = false;
  }

  protected override updated() {
    // A refused or pending change leaves the selects showing what the ticket really has.
    for (const select of this.renderRoot.querySelectorAll<HTMLSelectElement>('select')) {
      const value = select.name === 'priority' ? this.ticket.priority : this.ticket.category;
      if (select.value !== value && this.busy !== select.name) select.value = value;
    }
  }

  private async act(action: Action, run: () => Promise<TicketDetail>) {
    if (this.busy) return;
    this.busy = action;
    this.failure = null;
    const select = action === 'priority' || action === 'category';
    await keepingFocus(this, () => this.run(action, run), () =>
      this.renderRoot.querySelector<HTMLElement>(select ? `#${action}` : '#actions-heading'),
    );
  }

  private async run(action: Action, run: () => Promise<TicketDetail>) {
    try {
      const ticket = await run();
      this.dispatchEvent(new TicketUpdatedEvent(ticket));
      if (action === 'close') {
        this.confirmingClose = false;
        this.ctx.emit('support-ticket-closed', { ticket: withoutThread(ticket) });
      }
    } catch (error) {
      this.failure = { action, message: errorText(error, this.ctx.i18n) };
    } finally {
      this.busy = null;
    }
  }

  private onPriority(event: Event) {
    const priority = (event.target as HTMLSelectElement).value as Priority;
    if (priority === this.ticket.priority) return;
    void this.act('priority', () => this.ctx.api.update(this.ticket.id, { priority }));
  }

  private onCategory(event: Event) {
    const category = (event.target as HTMLSelectElement).value as Category;
    if (category === this.ticket.category) return;
    void this.act('category', () => this.ctx.api.update(this.ticket.id, { category }));
  }

  /** The plan's priorities, plus the ticket's own when the plan no longer offers it. */
  private priorities(): Priority[] {
    const offered = this.org?.availablePriorities ?? [];
    return PRIORITIES.filter((p) => offered.includes(p) || p === this.ticket.priority);
  }

  private error(action: Action) {
    const failure = this.failure;
    return failure?.action === action
      ? html`<p class="field-error" id="${action}-error" role="alert">${failure.message}</p>`
      : nothing;
  }

  protected override render() {
    const { i18n, session } = this.ctx;
    const { t, labels } = i18n;
    const a = agentText(this.ctx.i18n).ticket;
    const ticket = this.ticket;
    const closed = ticket.status === 'closed';
    const mine = ticket.assigneeId === session.userId;
    const assignee = !ticket.assigneeId ? agentText(this.ctx.i18n).queue.unassigned : mine ? agentText(this.ctx.i18n).queue.assignedToYou : agentText(this.ctx.i18n).queue.assignedToOther;
    const canAccept = !closed && !(mine && ticket.status !== 'awaiting_response');
    const plan = this.org?.plan;
    const option = (priority: Priority) => {
      const label = labels.priority[priority];
      const minutes = plan?.responseMinutes[priority];
      const offered = this.org?.availablePriorities.includes(priority) ?? true;
      const text = !offered ? a.notOffered(label) : minutes ? a.priorityOption(label, i18n.duration(minutes)) : plan ? a.noTarget(label) : label;
      return html`<option value=${priority} ?selected=${priority === ticket.priority} ?disabled=${!offered}>${text}</option>`;
    };
    return html`<section class="actions box" part="actions" aria-labelledby="actions-heading">
      <h3 id="actions-heading" tabindex="-1">${a.actions}</h3>
      <div class="assignee">
        <span>${assignee}</span>
        ${canAccept
          ? html`<button type="button" class="btn" part="accept" ?disabled=${this.busy !== null} @click=${() =>
              this.act('accept', () => this.ctx.api.accept(ticket.id))}>
              ${this.busy === 'accept' ? a.accepting : ticket.assigneeId && !mine ? a.takeOver : a.accept}
            </button>`
          : nothing}
      </div>
      ${this.error('accept')}
      <div class="field">
        <label for="priority">${a.priority}</label>
        <select
          id="priority"
          name="priority"
          ?disabled=${closed || this.busy !== null}
          aria-describedby="priority-hint${this.failure?.action === 'priority' ? ' priority-error' : ''}"
          @change=${this.onPriority}
        >
          ${this.priorities().map(option)}
        </select>
        <p class="hint" id="priority-hint">
          ${this.busy === 'priority' ? a.saving : plan ? a.priorityHint(labels.plan[plan.id]) : t.loading}
        </p>
        ${this.error('priority')}
      </div>
      <div class="field">
        <label for="category">${a.category}</label>
        <select
          id="category"
          name="category"
          ?disabled=${closed || this.busy !== null}
          aria-describedby=${this.failure?.action === 'category' ? 'category-error' : nothing}
          @change=${this.onCategory}
        >
          ${CATEGORIES.map((c) => html`<option value=${c} ?selected=${c === ticket.category}>${labels.category[c]}</option>`)}
        </select>
        ${this.busy === 'category' ? html`<p class="hint">${a.saving}</p>` : nothing} ${this.error('category')}
      </div>
      ${closed ? nothing : this.renderClose()}
    </section>`;
  }

  private renderClose() {
    const { t } = this.ctx.i18n;
    const a = agentText(this.ctx.i18n).ticket;
    if (!this.confirmingClose) {
      return html`<button type="button" class="btn danger" part="close" ?disabled=${this.busy !== null} @click=${() => (this.confirmingClose = true)}>
        ${t.close.action}
      </button>`;
    }
    return html`<div
      class="confirm banner"
      data-tone="bad"
      role="group"
      aria-labelledby="confirm-text"
      @keydown=${(event: KeyboardEvent) => {
        // Escape answers the question instead of leaving the ticket.
        if (event.key !== 'Escape') return;
        event.preventDefault();
        this.confirmingClose = false;
      }}
    >
      <p id="confirm-text">${a.closeConfirm}</p>
      ${this.error('close')}
      <div class="buttons">
        <button type="button" class="btn danger" part="close" ?disabled=${this.busy !== null} @click=${() =>
          this.act('close', () => this.ctx.api.close(this.ticket.id))}>
          ${this.busy === 'close' ? t.close.closing : a.closeYes}
        </button>
        <button type="button" class="btn secondary" @click=${() => (this.confirmingClose = false)}>${a.closeNo}</button>
      </div>
    </div>`;
  }
}
