import { html, LitElement } from 'lit';
import { EXPORTPARTS, type WidgetContext } from '../../../context';
import { sharedStyles } from '../../../ui/shared.styles';
import type { ListFilters } from '../../customer/ticket-list/ticket-list';
import { styles } from './agent-view.styles';

/**
 * The agent's side. For now a read-only queue of every organisation, most urgent first;
 * the workspace (ticket actions, organisation panel) takes this place next.
 *
 * @summary Agent view (placeholder): the support queue.
 * @tag support-tickets-agent
 */
export class AgentView extends LitElement {
  static override styles = [sharedStyles, styles];

  static override properties = {
    ctx: { attribute: false },
    now: { attribute: false },
    filters: { state: true },
  };

  declare ctx: WidgetContext;
  declare now: Date;
  declare private filters: ListFilters;

  constructor() {
    super();
    this.filters = { status: '', q: '' };
  }

  focusHeading() {
    this.renderRoot.querySelector<HTMLElement & { focusHeading(): void }>('support-tickets-list')?.focusHeading();
  }

  protected override render() {
    const { t } = this.ctx.i18n;
    return html`<header class="header" part="header">
        <span class="title">${t.widgetLabel}</span>
        ${this.ctx.session.name ? html`<span class="muted" dir="auto">${this.ctx.session.name}</span>` : ''}
      </header>
      <support-tickets-list
        queue
        .ctx=${this.ctx}
        .now=${this.now}
        .filters=${this.filters}
        @st-filters=${(event: CustomEvent<ListFilters>) => (this.filters = event.detail)}
        exportparts=${EXPORTPARTS}
      ></support-tickets-list>`;
  }
}
