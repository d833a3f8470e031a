import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { PRIORITIES } from '@support-tickets/core';
import type { Org, Ticket } from '../../../api/types';
import type { WidgetContext } from '../../../context';
import { LiveRefresh } from '../../../live/live-refresh';
import { listStyles } from '../../../ui/list.styles';
import { pageStyles } from '../../../ui/page.styles';
import { panelStyles } from '../../../ui/panel.styles';
import { sharedStyles } from '../../../ui/shared.styles';
import { loadMoreButton, Paging, type Page } from '../../../ui/paging';
import { errorState } from '../../../ui/states';
import { AgentBackEvent, AgentNavigateEvent, OrgUpdatedEvent } from '../navigation';
import type { OrgDirectory } from '../org-directory';
import { agentSlaChip } from '../sla-chip';
import { styles } from './org-panel.styles';
import { agentText } from '../../../translations/agent/index';

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
export class OrgPanel extends LitElement {
  static override styles = [sharedStyles, pageStyles, panelStyles, listStyles, styles];

  static override properties = {
    ctx: { attribute: false },
    now: { attribute: false },
    orgId: { attribute: false },
    directory: { attribute: false },
    saved: { state: true },
  };

  declare ctx: WidgetContext;
  declare now: Date;
  declare orgId: string;
  declare directory: OrgDirectory;
  /** The organisation as the last plan change answered it, until the next read. */
  declare private saved: Org | null;

  private readonly org = new Task(this, {
    task: async ([api, orgId], { signal }) => {
      const org = await api.getOrg(signal, orgId);
      this.saved = null;
      this.directory?.remember([org]);
      return org;
    },
    args: () => [this.ctx.api, this.orgId] as const,
  });

  /** Its open tickets: the queue order puts closed ones last, so the first closed one ends the list. */
  private readonly tickets = new Paging<Ticket>(this, {
    next: (cursor) => this.ctx.api.listTickets({ orgId: this.orgId, sort: 'due', limit: PAGE_SIZE, cursor }),
    keep: (page): Page<Ticket> => {
      const open = page.items.filter((ticket) => ticket.status !== 'closed');
      return { items: open, nextCursor: open.length === page.items.length ? page.nextCursor : null };
    },
  });

  private readonly firstPage = new Task(this, {
    task: ([api, orgId], { signal }) =>
      this.tickets.load(() => api.listTickets({ orgId, sort: 'due', limit: PAGE_SIZE }, signal)),
    args: () => [this.ctx.api, this.orgId] as const,
  });

  private readonly live = new LiveRefresh(this, {
    matches: (change) => change.orgId === this.orgId,
    refresh: async () => {
      await Promise.all([this.org.run(), this.firstPage.run()]);
    },
    delayMs: 500,
  });

  constructor() {
    super();
    this.orgId = '';
    this.saved = null;
  }

  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  protected override render() {
    const { i18n } = this.ctx;
    const { t } = i18n;
    const org = this.saved ?? this.org.value;
    const failed = this.org.status === 3 && !org;
    return html`<section class="panel" part="org-panel" aria-labelledby="heading">
      <div class="top">
        <button type="button" class="btn link back" @click=${() => this.dispatchEvent(new AgentBackEvent())}>
          <span class="arrow" aria-hidden="true">←</span> ${agentText(this.ctx.i18n).back}
        </button>
        <h2 id="heading" tabindex="-1" dir="auto">${org?.name ?? (failed ? agentText(this.ctx.i18n).orgs.heading : t.loading)}</h2>
        ${org ? html`<p class="muted ref" dir="ltr">${org.id}</p>` : nothing}
      </div>
      ${failed
        ? errorState(i18n, this.org.error, { title: agentText(this.ctx.i18n).org.loadFailed, retry: () => void this.org.run() })
        : org
          ? this.renderOrg(org)
          : html`<div class="skeleton" style="block-size: 14rem"></div>`}
    </section>`;
  }

  private renderOrg(org: Org) {
    const { i18n } = this.ctx;
    const { t, labels } = i18n;
    const o = agentText(this.ctx.i18n).org;
    return html`<div class="layout">
      <div class="main">
        <section class="box" aria-labelledby="plan-heading">
          <h3 id="plan-heading">${o.plan}: <span class="chip plain current">${labels.plan[org.plan.id]}</span></h3>
          <dl class="targets">
            ${PRIORITIES.map((priority) => {
              const minutes = org.plan.responseMinutes[priority];
              return html`<div>
                <dt>${labels.priority[priority]}</dt>
                <dd>${minutes ? t.plans.target(i18n.duration(minutes)) : html`<span class="muted">${t.plans.notOffered}</span>`}</dd>
              </div>`;
            })}
            <div>
              <dt>${o.hours}</dt>
              <dd>${org.plan.hours === '24/7' ? t.plans.hours247 : t.plans.hoursBusiness}</dd>
            </div>
          </dl>
        </section>
        <support-tickets-plan-form
          .ctx=${this.ctx}
          .org=${org}
          exportparts="plan-form, submit"
          @st-org-updated=${(event: OrgUpdatedEvent) => (this.saved = event.org)}
        ></support-tickets-plan-form>
      </div>
      ${this.renderTickets(org)}
    </div>`;
  }

  private renderTickets(org: Org) {
    const { i18n } = this.ctx;
    const { labels } = i18n;
    const o = agentText(this.ctx.i18n).org;
    const count = org.openTickets;
    const tickets = this.tickets.items;
    let body;
    if (this.firstPage.status === 3) {
      body = errorState(i18n, this.firstPage.error, { retry: () => void this.firstPage.run() });
    } else if (this.firstPage.status !== 2 && tickets.length === 0) {
      body = html`<div class="skeleton" style="block-size: 8rem"></div>`;
    } else if (tickets.length === 0) {
      body = html`<p class="muted">${o.noTickets}</p>`;
    } else {
      body = html`<ul class="list" part="list" aria-labelledby="tickets-heading">
          ${tickets.map(
            (ticket) => html`<li>
              <button
                type="button"
                class="row"
                part="ticket"
                data-id=${ticket.id}
                @click=${() => this.dispatchEvent(new AgentNavigateEvent({ view: 'ticket', id: ticket.id }))}
              >
                <span class="subject" dir="auto">${ticket.subject}</span>
                ${agentSlaChip(ticket, this.now, i18n)}
                <span class="muted meta">${labels.status[ticket.status]} · ${labels.priority[ticket.priority]} · ${labels.category[ticket.category]}</span>
              </button>
            </li>`,
          )}
        </ul>
        ${loadMoreButton(this.tickets, i18n)}`;
    }
    return html`<section class="aside tickets" aria-labelledby="tickets-heading">
      <h3 id="tickets-heading">
        ${o.tickets}${typeof count === 'number' ? html` <span class="muted count">(${i18n.number(count)})</span>` : nothing}
      </h3>
      ${body}
    </section>`;
  }
}
