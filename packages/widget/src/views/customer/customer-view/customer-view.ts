import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import type { Org } from '../../../api/types';
import { Drafts, EXPORTPARTS, type WidgetContext } from '../../../context';
import { LiveRefresh } from '../../../live/live-refresh';
import { headerStyles } from '../../../ui/header.styles';
import { sharedStyles } from '../../../ui/shared.styles';
import { NavigateEvent, type Route } from '../../navigation';
import { ViewSwitch } from '../../view-switch';
import type { ListFilters } from '../ticket-list/ticket-list';
import { styles } from './customer-view.styles';

/**
 * The customer's (and organisation admin's) side: tickets, a ticket, a new ticket, plans.
 * Keeps what must outlive a view: the route, the list filters and every draft.
 *
 * @summary Customer view: routes between the list, a ticket, the new-ticket form and plans.
 * @tag support-tickets-customer
 */
export class CustomerView extends LitElement {
  static override styles = [sharedStyles, headerStyles, styles];

  static override properties = {
    ctx: { attribute: false },
    now: { attribute: false },
    route: { state: true },
    filters: { state: true },
  };

  declare ctx: WidgetContext;
  declare now: Date;
  declare private route: Route;
  declare private filters: ListFilters;

  private readonly drafts = new Drafts();
  private readonly views = new ViewSwitch(this, {
    current: () => this.renderRoot.querySelector('.view > *'),
    back: () => {
      if (this.route.view === 'list') return false;
      this.navigate({ view: 'list' });
      return true;
    },
  });

  /** The organisation and its plan: the header, the form's priorities and the plan table use it. */
  private readonly org = new Task(this, {
    task: ([api], { signal }) => api.getOrg(signal),
    args: () => [this.ctx.api] as const,
  });

  /** Support moved the organisation to another plan: the priorities offered change at once. */
  private readonly livePlan = new LiveRefresh(this, {
    matches: (change) => change.kind === 'plan_changed',
    refresh: () => this.org.run(),
  });

  constructor() {
    super();
    this.route = { view: 'list' };
    this.filters = { status: '', q: '' };
  }

  navigate(route: Route) {
    this.route = route;
    this.views.focusNext();
    // The plan may have changed without a ticket to tell about it: the form offers what is true now.
    if (route.view === 'create' && this.org.status !== 1) void this.org.run();
  }

  private onNavigate = (event: Event) => {
    if (event instanceof NavigateEvent) this.navigate(event.route);
  };

  protected override render() {
    return html`${this.renderHeader()}
      <div class="view" @st-navigate=${this.onNavigate}>${this.renderRoute()}</div>`;
  }

  private renderHeader() {
    const { t, labels } = this.ctx.i18n;
    const org: Org | undefined = this.org.value;
    const onTickets = this.route.view === 'list' || this.route.view === 'detail';
    return html`<header class="header" part="header">
      <div class="brand">
        <span class="title">${t.widgetLabel}</span>
        ${org
          ? html`<span class="org muted"
              ><span dir="auto">${org.name}</span> · <span class="chip plain">${labels.plan[org.plan.id]}</span></span
            >`
          : nothing}
      </div>
      <div class="actions">
        <nav aria-label=${t.nav.label} part="nav">
          <button
            type="button"
            class="tab"
            aria-current=${onTickets ? 'page' : 'false'}
            @click=${() => this.navigate({ view: 'list' })}
          >
            ${t.nav.tickets}
          </button>
          <button
            type="button"
            class="tab"
            aria-current=${this.route.view === 'plans' ? 'page' : 'false'}
            @click=${() => this.navigate({ view: 'plans' })}
          >
            ${t.nav.plans}
          </button>
        </nav>
        <button
          type="button"
          class="btn"
          part="new-ticket"
          ?hidden=${this.route.view === 'create'}
          @click=${() => this.navigate({ view: 'create' })}
        >
          ${t.nav.newTicket}
        </button>
      </div>
    </header>`;
  }

  private renderRoute() {
    const { ctx, now } = this;
    const route = this.route;
    switch (route.view) {
      case 'list':
        return html`<support-tickets-list
          .ctx=${ctx}
          .now=${now}
          .filters=${this.filters}
          @st-filters=${(event: CustomEvent<ListFilters>) => (this.filters = event.detail)}
          exportparts=${EXPORTPARTS}
        ></support-tickets-list>`;
      case 'detail':
        return html`<support-tickets-detail
          .ctx=${ctx}
          .now=${now}
          .ticketId=${route.id}
          .drafts=${this.drafts}
          exportparts=${EXPORTPARTS}
        ></support-tickets-detail>`;
      case 'create':
        return html`<support-tickets-form
          .ctx=${ctx}
          .drafts=${this.drafts}
          .from=${route.from}
          .org=${this.org.value}
          .orgError=${this.org.error}
          exportparts=${EXPORTPARTS}
        ></support-tickets-form>`;
      case 'plans':
        return html`<support-tickets-plans .ctx=${ctx} .org=${this.org.value} exportparts=${EXPORTPARTS}></support-tickets-plans>`;
    }
  }
}
