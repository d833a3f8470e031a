import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { EXPORTPARTS } from '../../../base/context';
import { headerStyles } from '../../../ui/header.styles';
import { ChunkOf, onDemand } from '../../../ui/on-demand';
import { sharedStyles } from '../../../ui/shared.styles';
import type { CustomerRoute, Route } from '../../../workspace/events';
import { Workspace } from '../../../workspace/workspace';
import { styles } from './customer-view.styles';

// The new-ticket form and the plan table: loaded when one first opens, not with the list.
const loadPages = onDemand(() => import('../pages'));
// A ticket's page: fetched as soon as this view shows (see connectedCallback).
const loadTicket = onDemand(() => import('../ticket'));

/**
 * The customer's (and organisation admin's) side: tickets, a ticket, a new ticket, plans.
 *
 * @summary Customer view: routes between the list, a ticket, the new-ticket form and plans.
 * @tag support-tickets-customer
 */
export class CustomerView extends Workspace<CustomerRoute> {
  static override styles = [sharedStyles, headerStyles, styles];

  /** The organisation and its plan: the header, the form's priorities and the plan table use it. */
  private readonly org = new Task(this, {
    task: ([api], { signal }) => api.getOrg(signal),
    args: () => [this.ctx.api] as const,
  });

  private readonly pages = new ChunkOf(this, loadPages, 'support-tickets-form');
  private readonly ticketPage = new ChunkOf(this, loadTicket, 'support-tickets-detail');

  constructor() {
    super({ view: 'list' });
    // Support moved the organisation to another plan: the priorities offered change at once.
    this.follow({ matches: (change) => change.kind === 'plan_changed', refresh: () => this.org.run() });
  }

  override connectedCallback() {
    super.connectedCallback();
    // Downloaded beside the list's request rather than when a ticket is opened, so opening one
    // waits only on the ticket; should it fail, opening a ticket asks again (and offers a retry).
    void loadTicket().catch(() => undefined);
  }

  protected override tabOf(route: CustomerRoute): CustomerRoute['view'] {
    return route.view === 'plans' ? 'plans' : 'list';
  }

  protected override owns(route: Route): route is CustomerRoute {
    return ['list', 'create', 'detail', 'plans'].includes(route.view);
  }

  override navigate(route: CustomerRoute, replace = false) {
    super.navigate(route, replace);
    // The plan may have changed without a ticket to tell about it: the form offers what is true now.
    if (route.view === 'create' && this.org.status !== TaskStatus.PENDING) void this.org.run();
  }

  override back(): boolean {
    // Plans is a tab of its own, but Escape there still leads home to the tickets.
    if (this.route.view === 'plans') {
      this.navigate({ view: 'list' });
      return true;
    }
    return super.back();
  }

  protected override render() {
    const { t, i18n } = this;
    const org = this.org.value;
    return html`${this.renderHeader({
        label: t.nav.label,
        brand: org
          ? html`<span class="org muted"><span dir="auto">${org.name}</span> · <span class="chip plain">${i18n.labels.plan[org.plan.id]}</span></span>`
          : nothing,
        tabs: [
          [{ view: 'list' }, t.nav.tickets],
          [{ view: 'plans' }, t.nav.plans],
        ],
        actions: html`<button type="button" class="btn" part="new-ticket" ?hidden=${this.route.view === 'create'} @click=${() => this.navigate({ view: 'create' })}>
          ${t.nav.newTicket}
        </button>`,
      })}
      <div class="view">${this.renderRoute()}</div>`;
  }

  private renderRoute() {
    const route = this.route;
    switch (route.view) {
      case 'list':
        return html`<support-tickets-list exportparts=${EXPORTPARTS}></support-tickets-list>`;
      case 'detail':
        return this.ticketPage.render(this.i18n, html`<support-tickets-detail .ticketId=${route.id} exportparts=${EXPORTPARTS}></support-tickets-detail>`);
      case 'create':
        return this.pages.render(
          this.i18n,
          html`<support-tickets-form .from=${route.from} .org=${this.org.value} .orgError=${this.org.error} exportparts=${EXPORTPARTS}></support-tickets-form>`,
        );
      case 'plans':
        return this.pages.render(this.i18n, html`<support-tickets-plans .org=${this.org.value} exportparts=${EXPORTPARTS}></support-tickets-plans>`);
    }
  }
}
