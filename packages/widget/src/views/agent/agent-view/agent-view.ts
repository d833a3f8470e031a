import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { ContextProvider, EXPORTPARTS } from '../../../base/context';
import { agentText, type AgentText } from '../../../translations/agent/index';
import { headerStyles } from '../../../ui/header.styles';
import { ChunkOf, onDemand } from '../../../ui/on-demand';
import { sharedStyles } from '../../../ui/shared.styles';
import type { AgentRoute, Route } from '../../../workspace/events';
import { Workspace } from '../../../workspace/workspace';
import { AgentStore, agentStoreContext } from '../agent-store';
import { styles } from './agent-view.styles';

// The organisations, the SLA overview and the webhooks: loaded when one of their tabs first opens.
const loadAdmin = onDemand(() => import('../admin'));

const TABS = ['queue', 'orgs', 'overview', 'webhooks'] as const;
const OWN = new Set<Route['view']>([...TABS, 'ticket', 'org']);

/**
 * The agent's workspace: the queue of every organisation, a ticket, the organisations and one
 * organisation's panel, the SLA overview and the webhooks. The queue stays drawn (hidden) while a ticket is
 * open, so coming back finds it as it was.
 *
 * @summary Agent view: queue, ticket, organisations and SLA overview.
 * @tag support-tickets-agent
 */
export class AgentView extends Workspace<AgentRoute> {
  static override styles = [sharedStyles, headerStyles, styles];

  private readonly admin = new ChunkOf(this, loadAdmin, 'support-tickets-org-list');

  constructor(store = new AgentStore()) {
    super({ view: 'queue' }, store);
    new ContextProvider(this, agentStoreContext, store);
  }

  protected override get t(): AgentText {
    return agentText(this.i18n);
  }

  protected override tabOf(route: AgentRoute): AgentRoute['view'] {
    return route.view === 'ticket' ? 'queue' : route.view === 'org' ? 'orgs' : route.view;
  }

  protected override owns(route: Route): route is AgentRoute {
    return OWN.has(route.view);
  }

  protected override render() {
    const { t, route } = this;
    const { name } = this.ctx.session;
    return html`${this.renderHeader({
        label: t.workspace.label,
        brand: name ? html`<span class="muted name" dir="auto">${name}</span>` : nothing,
        tabs: TABS.map((view) => [{ view }, t.workspace[view]] as const),
      })}
      <div class="view">
        <support-tickets-queue .active=${route.view === 'queue'} ?hidden=${route.view !== 'queue'} exportparts=${EXPORTPARTS}></support-tickets-queue>
        ${this.renderRoute()}
      </div>`;
  }

  private renderRoute() {
    const route = this.route;
    switch (route.view) {
      case 'queue':
        return nothing;
      case 'ticket':
        return keyed(route.id, html`<support-tickets-agent-ticket .ticketId=${route.id} exportparts=${EXPORTPARTS}></support-tickets-agent-ticket>`);
      case 'orgs':
        return this.admin.render(this.i18n, html`<support-tickets-org-list exportparts=${EXPORTPARTS}></support-tickets-org-list>`);
      case 'org':
        return this.admin.render(
          this.i18n,
          keyed(route.id, html`<support-tickets-org-panel .orgId=${route.id} exportparts=${EXPORTPARTS}></support-tickets-org-panel>`),
        );
      case 'overview':
        return this.admin.render(this.i18n, html`<support-tickets-sla-overview exportparts=${EXPORTPARTS}></support-tickets-sla-overview>`);
      case 'webhooks':
        return this.admin.render(this.i18n, html`<support-tickets-webhooks exportparts=${EXPORTPARTS}></support-tickets-webhooks>`);
    }
  }
}
