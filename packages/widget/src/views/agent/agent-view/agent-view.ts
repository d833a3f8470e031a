import { html, LitElement, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { WidgetContext } from '../../../context';
import { EXPORTPARTS } from '../../../context';
import { headerStyles } from '../../../ui/header.styles';
import { sharedStyles } from '../../../ui/shared.styles';
import type { FocusableView } from '../../navigation';
import { ViewSwitch } from '../../view-switch';
import { AgentDrafts, AgentNavigateEvent, type AgentRoute } from '../navigation';
import { OrgDirectory } from '../org-directory';
import { NO_FILTERS, type QueueFilters } from '../queue-query';
import { styles } from './agent-view.styles';
import { agentText } from '../../../translations/agent/index';

type Tab = 'queue' | 'orgs' | 'overview';

/**
 * The agent's workspace: the queue of every organisation, a ticket, the organisations and one
 * organisation's panel, and the SLA overview. Keeps what must outlive a view: the queue (kept
 * drawn, hidden, while a ticket is open, so coming back finds it as it was), the filters, the
 * drafts, and where "back" leads.
 *
 * @summary Agent view: queue, ticket, organisations and SLA overview.
 * @tag support-tickets-agent
 */
export class AgentView extends LitElement {
  static override styles = [sharedStyles, headerStyles, styles];

  static override properties = {
    ctx: { attribute: false },
    now: { attribute: false },
    route: { state: true },
    filters: { state: true },
    orgQuery: { state: true },
  };

  declare ctx: WidgetContext;
  declare now: Date;
  declare private route: AgentRoute;
  declare private filters: QueueFilters;
  declare private orgQuery: string;

  private readonly drafts = new AgentDrafts();
  /** Names of the organisations seen so far, for the views that hold only an id. */
  private readonly directory = new OrgDirectory();
  /** Where each "back" leads: the routes the agent came through. */
  private history: AgentRoute[] = [];
  private readonly views = new ViewSwitch(this, {
    current: () => this.current(),
    back: () => {
      if (isTab(this.route.view)) return false;
      this.back();
      return true;
    },
  });

  constructor() {
    super();
    this.route = { view: 'queue' };
    this.filters = NO_FILTERS;
    this.orgQuery = '';
  }

  navigate(route: AgentRoute) {
    if (JSON.stringify(route) === JSON.stringify(this.route)) return;
    const top = isTab(route.view);
    this.history = top ? [] : [...this.history, this.route];
    this.route = route;
    this.views.focusNext();
  }

  back() {
    const previous = this.history.pop() ?? { view: 'queue' };
    this.route = previous;
    // Back in the queue: on the row that was opened.
    this.views.focusNext(previous.view === 'queue' ? 'return' : 'heading');
  }

  private onNavigate = (event: Event) => {
    if (event instanceof AgentNavigateEvent) this.navigate(event.route);
  };

  focusHeading() {
    this.current()?.focusHeading();
  }

  private current(): (LitElement & FocusableView) | null {
    return this.renderRoot.querySelector('.view > :not([hidden])');
  }

  private tab(): Tab {
    const view = this.route.view;
    return view === 'ticket' || view === 'queue' ? 'queue' : view === 'org' || view === 'orgs' ? 'orgs' : 'overview';
  }

  protected override render() {
    const { t } = this.ctx.i18n;
    const tab = this.tab();
    const tabButton = (id: Tab, label: string) =>
      html`<button type="button" class="tab" aria-current=${tab === id ? 'page' : 'false'} @click=${() => this.navigate({ view: id })}>
        ${label}
      </button>`;
    return html`<header class="header" part="header">
        <div class="brand">
          <span class="title">${t.widgetLabel}</span>
          ${this.ctx.session.name ? html`<span class="muted name" dir="auto">${this.ctx.session.name}</span>` : nothing}
        </div>
        <nav aria-label=${agentText(this.ctx.i18n).nav.label} part="nav">
          ${tabButton('queue', agentText(this.ctx.i18n).nav.queue)} ${tabButton('orgs', agentText(this.ctx.i18n).nav.orgs)} ${tabButton('overview', agentText(this.ctx.i18n).nav.overview)}
        </nav>
      </header>
      <div class="view" @st-agent-navigate=${this.onNavigate} @st-agent-back=${() => this.back()}>
        <support-tickets-queue
          .ctx=${this.ctx}
          .now=${this.now}
          .filters=${this.filters}
          .directory=${this.directory}
          .active=${this.route.view === 'queue'}
          ?hidden=${this.route.view !== 'queue'}
          exportparts=${EXPORTPARTS}
          @st-queue-filters=${(event: CustomEvent<QueueFilters>) => (this.filters = event.detail)}
        ></support-tickets-queue>
        ${this.renderRoute()}
      </div>`;
  }

  private renderRoute() {
    const { ctx, now, directory } = this;
    const route = this.route;
    switch (route.view) {
      case 'queue':
        return nothing;
      case 'ticket':
        return keyed(route.id, html`<support-tickets-agent-ticket
          .ctx=${ctx}
          .now=${now}
          .ticketId=${route.id}
          .drafts=${this.drafts}
          .directory=${directory}
          exportparts=${EXPORTPARTS}
        ></support-tickets-agent-ticket>`);
      case 'orgs':
        return html`<support-tickets-org-list
          .ctx=${ctx}
          .directory=${directory}
          .query=${this.orgQuery}
          exportparts=${EXPORTPARTS}
          @st-org-query=${(event: CustomEvent<string>) => (this.orgQuery = event.detail)}
        ></support-tickets-org-list>`;
      case 'org':
        return keyed(route.id, html`<support-tickets-org-panel
          .ctx=${ctx}
          .now=${now}
          .orgId=${route.id}
          .directory=${directory}
          exportparts=${EXPORTPARTS}
        ></support-tickets-org-panel>`);
      case 'overview':
        return html`<support-tickets-sla-overview .ctx=${ctx} .now=${now} exportparts=${EXPORTPARTS}></support-tickets-sla-overview>`;
    }
  }
}

function isTab(view: AgentRoute['view']): view is Tab {
  return view === 'queue' || view === 'orgs' || view === 'overview';
}
