import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { PRIORITIES } from '@support-tickets/core';
import type { Org, TicketRow } from '../../../api/types';
import { listStyles } from '../../../ui/list.styles';
import { loadMoreButton, Paging, type Page } from '../../../ui/paging';
import { pageStyles } from '../../../ui/page.styles';
import { panelStyles } from '../../../ui/panel.styles';
import { sharedStyles } from '../../../ui/shared.styles';
import { renderList, renderTask } from '../../../ui/states';
import { BackEvent, NavigateEvent } from '../../../workspace/events';
import { OrgUpdatedEvent } from '../agent-store';
import { AgentElement } from '../agent-element';
import { agentSlaChip } from '../sla-chip';
import { styles } from './org-panel.styles';

const PAGE_SIZE = 25;

/**
 * One organisation for support: its plan (targets per priority and support hours), the form
 * to move it to another plan or give it a custom one, and its open tickets, most urgent first.
 *
 * @summary The agent's organisation panel.
 * @tag support-tickets-org-panel
 * @csspart org-panel - The panel.
 * @csspart plan-form - The plan form.
 * @csspart list - Its open tickets.
 * @csspart ticket - A ticket row.
 */
export class OrgPanel extends AgentElement {
  static override styles = [sharedStyles, pageStyles, panelStyles, listStyles, styles];

  static override properties = {
    orgId: { attribute: false },
    saved: { state: true },
  };

  declare orgId: string;
  /** The organisation as the last plan change answered it, until the next read. */
  declare private saved: Org | null;

  private readonly org = new Task(this, {
    task: async ([api, orgId], { signal }) => {
      const org = await this.store.org(api, orgId, signal);
      this.saved = null;
      return org;
    },
    args: () => [this.ctx.api, this.orgId] as const,
  });

  /** Its open tickets: the queue order puts closed ones last, so the first closed one ends the list. */
  private readonly tickets = new Paging<TicketRow>(this, {
    next: (cursor) => this.ctx.api.listTickets({ orgId: this.orgId, sort: 'due', limit: PAGE_SIZE, cursor }),
    keep: (page): Page<TicketRow> => {
      const open = page.items.filter((ticket) => ticket.status !== 'closed');
      return { items: open, nextCursor: open.length === page.items.length ? page.nextCursor : null };
    },
  });

  private readonly firstPage = new Task(this, {
    task: ([api, orgId], { signal }) => this.tickets.load(() => api.listTickets({ orgId, sort: 'due', limit: PAGE_SIZE }, signal)),
    args: () => [this.ctx.api, this.orgId] as const,
  });

  constructor() {
    super();
    this.orgId = '';
    this.saved = null;
    this.follow({
      matches: (change) => change.orgId === this.orgId,
      refresh: () => Promise.all([this.org.run(), this.firstPage.run()]),
      delayMs: 500,
    });
  }

  protected override render() {
    const { t, i18n } = this;
    const org = this.saved ?? this.org.value;
    const failed = this.org.status === TaskStatus.ERROR && !org;
    return html`<section class="panel" part="org-panel" aria-labelledby="heading">
      <div class="top">
        <button type="button" class="btn link back" @click=${() => this.dispatchEvent(new BackEvent())}>
          <span class="arrow" aria-hidden="true">←</span> ${t.back}
        </button>
        <h2 id="heading" tabindex="-1" dir="auto">${org?.name ?? (failed ? t.orgs.heading : t.loading)}</h2>
        ${org ? html`<p class="muted ref" dir="ltr">${org.id}</p>` : nothing}
      </div>
      ${renderTask(this.org, i18n, {
        failed: t.org.loadFailed,
        loading: () => html`<div class="skeleton" style="block-size: 14rem"></div>`,
        complete: (read) => this.renderOrg(this.saved ?? read),
      })}
    </section>`;
  }

  private renderOrg(org: Org) {
    const { t, i18n } = this;
    const { labels } = i18n;
    return html`<div class="layout">
      <div class="main">
        <section class="box" aria-labelledby="plan-heading">
          <h3 id="plan-heading">${t.field.plan}: <span class="chip plain current">${labels.plan[org.plan.id]}</span></h3>
          <dl class="targets">
            ${PRIORITIES.map((priority) => {
              const minutes = org.plan.responseMinutes[priority];
              return html`<div>
                <dt>${labels.priority[priority]}</dt>
                <dd>${minutes ? t.target(i18n.duration(minutes)) : html`<span class="muted">${t.plans.notOffered}</span>`}</dd>
              </div>`;
            })}
            <div>
              <dt>${t.org.hours}</dt>
              <dd>${t.hours[org.plan.hours]}</dd>
            </div>
            ${org.plan.architectureGuidance
              ? html`<div data-field="guidance">
                  <dt>${t.team.guidance}</dt>
                  <dd>${org.plan.architectureGuidance[i18n.lang]}</dd>
                </div>`
              : nothing}
          </dl>
        </section>
        <support-tickets-plan-form .org=${org} exportparts="plan-form, submit" @st-org-updated=${(event: OrgUpdatedEvent) => (this.saved = event.org)}></support-tickets-plan-form>
      </div>
      ${this.renderTickets(org)}
    </div>`;
  }

  private renderTickets(org: Org) {
    const { t, i18n } = this;
    const { labels } = i18n;
    return html`<section class="aside tickets" aria-labelledby="tickets-heading">
      <h3 id="tickets-heading">${t.org.tickets} <span class="muted count">(${i18n.number(org.openTickets)})</span></h3>
      ${renderList(this.firstPage, this.tickets, i18n, {
        loading: () => html`<div class="skeleton" style="block-size: 8rem"></div>`,
        empty: () => html`<p class="muted">${t.org.noTickets}</p>`,
        rows: (tickets) => html`<ul class="list" part="list" aria-labelledby="tickets-heading">
            ${tickets.map(
              (ticket) => html`<li>
                <button type="button" class="row" part="ticket" data-id=${ticket.id} @click=${() => this.dispatchEvent(new NavigateEvent({ view: 'ticket', id: ticket.id }))}>
                  <span class="subject" dir="auto">${ticket.subject}</span>
                  ${agentSlaChip(ticket, t, i18n)}
                  <span class="muted meta">${labels.status[ticket.status]} · ${labels.priority[ticket.priority]} · ${labels.category[ticket.category]}</span>
                </button>
              </li>`,
            )}
          </ul>
          ${loadMoreButton(this.tickets, i18n)}`,
      })}
    </section>`;
  }
}
