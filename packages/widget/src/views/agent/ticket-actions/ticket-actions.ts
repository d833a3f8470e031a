import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { CATEGORIES, PRIORITIES, type Category, type Priority, type TicketActionName } from '@support-tickets/core';
import type { Org, TicketDetail, UpdateInput } from '../../../api/types';
import { CloseTicket } from '../../../ui/close-ticket';
import { keepingFocus } from '../../../ui/focus';
import { panelStyles } from '../../../ui/panel.styles';
import { sharedStyles } from '../../../ui/shared.styles';
import { errorText } from '../../../ui/states';
import { TicketUpdatedEvent } from '../../../workspace/events';
import { AgentElement } from '../agent-element';
import { styles } from './ticket-actions.styles';

type Action = 'accept' | 'assignee' | 'priority' | 'category';
type Field = 'assignee' | 'priority' | 'category';
/** Keys that step a closed select through its options (and fire `change` at every step). */
const STEPPING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * What an agent does to a ticket besides writing: accept it, change its priority (only the
 * priorities of the organisation's plan, each with its target) or category, close it, as far
 * as the ticket's `actions` (core's decision, sent by the server) allow. Each
 * answers with the ticket as it now is, so the SLA and due time on the page change at once; a
 * refusal is shown beside the control, in the page's language when the server says why.
 * A select stepped with the keyboard only shows the choice; Enter or leaving it saves it, once.
 *
 * @summary Accept, priority, category and close, for agents.
 * @tag support-tickets-agent-actions
 * @csspart actions - The box.
 * @csspart accept - The accept button.
 * @csspart close - The close button.
 */
export class TicketActions extends AgentElement {
  static override styles = [sharedStyles, panelStyles, styles];

  static override properties = {
    ticket: { attribute: false },
    org: { attribute: false },
    busy: { state: true },
    pending: { state: true },
    failure: { state: true },
  };

  declare ticket: TicketDetail;
  /** The ticket's organisation, for its plan's priorities; undefined while loading. */
  declare org: Org | undefined;
  declare private busy: Action | null;
  declare private failure: { action: Action; message: string } | null;
  /** A choice stepped to with the keyboard, not yet confirmed. */
  declare private pending: Partial<Record<Field, string>>;
  /** The last key stepped the select: its `change` is a step, not a choice. */
  private stepping = false;

  /** The agents a ticket may be assigned to (`agent.list`). */
  private readonly agents = new Task(this, {
    task: ([api], { signal }) => api.call('agent.list', (client) => client.agent.list.query(undefined, { signal }), signal),
    args: () => [this.ctx.api] as const,
  });

  private readonly closing = new CloseTicket(this, {
    context: () => ({ ctx: this.ctx, ticketId: this.ticket.id }),
    focusAfter: () => this.renderRoot.querySelector<HTMLElement>('#actions-heading'),
  });

  constructor() {
    super();
    this.org = undefined;
    this.busy = null;
    this.failure = null;
    this.pending = {};
  }

  protected override updated() {
    // A refused or pending change leaves the selects showing what the ticket really has.
    for (const select of this.renderRoot.querySelectorAll<HTMLSelectElement>('select')) {
      const field = select.name as Field;
      const value = this.pending[field] ?? this.current(field);
      if (select.value !== value && this.busy !== field) select.value = value;
    }
  }

  private async act(action: Action, run: () => Promise<TicketDetail>) {
    if (this.busy || this.closing.closing) return;
    this.busy = action;
    this.failure = null;
    const target = () => this.renderRoot.querySelector<HTMLElement>(action === 'accept' ? '#actions-heading' : `#${action}`);
    await keepingFocus(this, async () => {
      try {
        this.dispatchEvent(new TicketUpdatedEvent(await run()));
      } catch (error) {
        this.failure = { action, message: errorText(error, this.i18n) };
      } finally {
        this.busy = null;
      }
    }, target);
  }

  /** What the ticket has for a select's field ('' for nobody assigned). */
  private current(field: Field): string {
    return field === 'assignee' ? (this.ticket.assigneeId ?? '') : this.ticket[field];
  }

  /** A pointer's choice saves at once; a keyboard step waits for Enter or leaving the field. */
  private onChange(event: Event) {
    const select = event.target as HTMLSelectElement;
    if (this.stepping) this.pending = { ...this.pending, [select.name]: select.value };
    else this.save(select.name as Field, select.value);
  }

  private onKeydown(event: KeyboardEvent) {
    this.stepping = STEPPING_KEYS.has(event.key);
    if (event.key !== 'Enter') return;
    event.preventDefault();
    this.confirm(event);
  }

  private confirm(event: Event) {
    const field = (event.target as HTMLSelectElement).name as Field;
    const value = this.pending[field];
    this.stepping = false;
    if (value === undefined) return;
    const { [field]: _, ...rest } = this.pending;
    this.pending = rest;
    this.save(field, value);
  }

  private save(field: Field, value: string) {
    if (value === this.current(field)) return;
    const { id } = this.ticket;
    if (field === 'assignee') {
      const assigneeId = value || null;
      void this.act(field, () => this.ctx.api.call('ticket.assign', (client) => client.ticket.assign.mutate({ id, assigneeId })));
      return;
    }
    const change: UpdateInput = field === 'priority' ? { priority: value as Priority } : { category: value as Category };
    void this.act(field, () => this.ctx.api.call('ticket.update', (client) => client.ticket.update.mutate({ id, ...change })));
  }

  /** The plan's priorities, plus the ticket's own when the plan no longer offers it. */
  private priorities(): Priority[] {
    const offered = this.org?.availablePriorities ?? [];
    return PRIORITIES.filter((p) => offered.includes(p) || p === this.ticket.priority);
  }

  private error(action: Action) {
    const failure = this.failure;
    return failure?.action === action ? html`<p class="field-error" id="${action}-error" role="alert">${failure.message}</p>` : nothing;
  }

  protected override render() {
    const { t, i18n, ticket } = this;
    const { labels } = i18n;
    const may = (action: TicketActionName) => ticket.actions.includes(action);
    const mine = ticket.assigneeId === this.ctx.session.userId;
    const busy = this.busy !== null || this.closing.closing;
    const plan = this.org?.plan;
    const option = (priority: Priority) => {
      const label = labels.priority[priority];
      const minutes = plan?.responseMinutes[priority];
      const offered = this.org?.availablePriorities.includes(priority) ?? true;
      const { option } = t.ticket;
      const text = !offered ? option.notOffered(label) : minutes ? option.target(label, t.target(i18n.duration(minutes))) : plan ? option.noTarget(label) : label;
      return html`<option value=${priority} ?selected=${priority === ticket.priority} ?disabled=${!offered}>${text}</option>`;
    };
    return html`<section class="actions box" part="actions" aria-labelledby="actions-heading">
      <h3 id="actions-heading" tabindex="-1">${t.ticket.actions}</h3>
      <div class="assignee">
        <span>${!ticket.assigneeId ? t.assignee.none : mine ? t.assignee.you : t.assignee.other}</span>
        ${may('accept')
          ? html`<button type="button" class="btn" part="accept" ?disabled=${busy} @click=${() => this.act('accept', () => this.ctx.api.call('ticket.accept', (client) => client.ticket.accept.mutate({ id: ticket.id })))}>
              ${this.busy === 'accept' ? t.ticket.accepting : ticket.assigneeId && !mine ? t.ticket.takeOver : t.ticket.accept}
            </button>`
          : nothing}
      </div>
      ${this.error('accept')}
      ${may('assign') ? this.renderAssignee(busy) : nothing}
      <div class="field">
        <label for="priority">${t.field.priority}</label>
        <select
          id="priority"
          name="priority"
          ?disabled=${!may('update') || busy}
          aria-describedby="priority-hint${this.failure?.action === 'priority' ? ' priority-error' : ''}"
          @change=${this.onChange}
          @keydown=${this.onKeydown}
          @blur=${this.confirm}
        >
          ${this.priorities().map(option)}
        </select>
        <p class="hint" id="priority-hint">
          ${this.busy === 'priority' ? t.saving : this.pending.priority ? t.ticket.confirmChoice : plan ? t.ticket.priorityHint(labels.plan[plan.id]) : t.loading}
        </p>
        ${this.error('priority')}
      </div>
      <div class="field">
        <label for="category">${t.field.category}</label>
        <select id="category" name="category" ?disabled=${!may('update') || busy} aria-describedby=${this.failure?.action === 'category' ? 'category-error' : nothing} @change=${this.onChange} @keydown=${this.onKeydown} @blur=${this.confirm}>
          ${CATEGORIES.map((c) => html`<option value=${c} ?selected=${c === ticket.category}>${labels.category[c]}</option>`)}
        </select>
        ${this.busy === 'category' || this.pending.category ? html`<p class="hint">${this.busy === 'category' ? t.saving : t.ticket.confirmChoice}</p>` : nothing}
        ${this.error('category')}
      </div>
      ${may('close') ? this.closing.button(busy) : nothing} ${this.closing.confirmation(t.ticket.closeConfirm, busy)}
    </section>`;
  }

  private renderAssignee(busy: boolean) {
    const { team } = this.t;
    const agents = this.agents.value ?? [];
    const current = this.ticket.assigneeId;
    return html`<div class="field">
      <label for="assignee">${team.assign}</label>
      <select id="assignee" name="assignee" ?disabled=${busy} aria-describedby=${this.failure?.action === 'assignee' ? 'assignee-error' : nothing} @change=${this.onChange} @keydown=${this.onKeydown} @blur=${this.confirm}>
        <option value="" ?selected=${!current}>${team.nobody}</option>
        ${current && !agents.some((a) => a.id === current) ? html`<option value=${current} selected>${current}</option>` : nothing}
        ${agents.map((agent) => html`<option value=${agent.id} ?selected=${agent.id === current}>${agent.name}</option>`)}
      </select>
      ${this.busy === 'assignee' || this.pending.assignee !== undefined ? html`<p class="hint">${this.busy === 'assignee' ? this.t.saving : this.t.ticket.confirmChoice}</p>` : nothing}
      ${this.error('assignee')}
    </div>`;
  }
}
