import { Task } from '@lit/task';
import { html, LitElement } from 'lit';
import type { OrgSummary } from '../../../api/types';
import type { WidgetContext } from '../../../context';
import { listStyles } from '../../../ui/list.styles';
import { Debounce } from '../../../ui/debounce';
import { sharedStyles } from '../../../ui/shared.styles';
import { loadMoreButton, Paging } from '../../../ui/paging';
import { emptyState, errorState } from '../../../ui/states';
import { AgentNavigateEvent } from '../navigation';
import type { OrgDirectory } from '../org-directory';
import { styles } from './org-list.styles';
import { agentText } from '../../../translations/agent/index';

const PAGE_SIZE = 50;

/**
 * Every organisation by name, with its plan and open tickets, searchable by name or id; each
 * opens the organisation's panel.
 *
 * @summary The agent's organisation directory.
 * @tag support-tickets-org-list
 * @fires st-org-query - The search changed (internal).
 * @csspart org-list - The list.
 */
export class OrgList extends LitElement {
  static override styles = [sharedStyles, listStyles, styles];

  static override properties = {
    ctx: { attribute: false },
    directory: { attribute: false },
    query: { attribute: false },
    search: { state: true },
  };

  declare ctx: WidgetContext;
  declare directory: OrgDirectory;
  /** The search, kept by the workspace. */
  declare query: string;
  declare private search: string;

  private readonly typing = new Debounce(this);

  private readonly pages = new Paging<OrgSummary>(this, {
    next: async (cursor) => {
      const q = this.query.trim();
      const page = await this.ctx.api.listOrgs({ ...(q ? { q } : {}), limit: PAGE_SIZE, cursor });
      this.directory?.remember(page.items);
      return page;
    },
  });

  private readonly firstPage = new Task(this, {
    task: async ([api, q], { signal }) => {
      const page = await this.pages.load(() => api.listOrgs({ ...(q ? { q } : {}), limit: PAGE_SIZE }, signal));
      this.directory?.remember(page.items);
      return page;
    },
    args: () => [this.ctx.api, this.query.trim()] as const,
  });

  constructor() {
    super();
    this.query = '';
    this.search = '';
  }

  override connectedCallback() {
    super.connectedCallback();
    this.search = this.query;
  }

  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private onSearch(event: Event) {
    this.search = (event.target as HTMLInputElement).value;
    this.typing.run(() => this.dispatchEvent(new CustomEvent<string>('st-org-query', { detail: this.search, bubbles: true })));
  }

  protected override render() {
    const o = agentText(this.ctx.i18n).orgs;
    return html`<section class="orgs" aria-labelledby="heading">
      <div class="top">
        <h2 id="heading" tabindex="-1">${o.heading}</h2>
        <form class="field search" role="search" aria-label=${o.search} @submit=${(e: Event) => e.preventDefault()}>
          <label for="q">${o.search}</label>
          <input id="q" type="search" dir="auto" .value=${this.search} placeholder=${o.searchPlaceholder} @input=${this.onSearch} />
        </form>
      </div>
      ${this.renderBody()}
    </section>`;
  }

  private renderBody() {
    const { i18n } = this.ctx;
    const { t, labels } = i18n;
    if (this.firstPage.status === 3) {
      return errorState(i18n, this.firstPage.error, { title: agentText(this.ctx.i18n).orgs.loadFailed, retry: () => void this.firstPage.run() });
    }
    const { items } = this.pages;
    if (this.firstPage.status !== 2 && items.length === 0) {
      return html`<div class="skeleton" style="block-size: 12rem" aria-busy="true">
        <span class="visually-hidden" role="status">${t.loading}</span>
      </div>`;
    }
    if (items.length === 0) return emptyState(agentText(this.ctx.i18n).orgs.emptyTitle, agentText(this.ctx.i18n).orgs.emptyBody);
    return html`<ul class="list" part="org-list" aria-labelledby="heading">
        ${items.map(
          (org) => html`<li>
            <button type="button" class="row" data-id=${org.id} @click=${() => this.dispatchEvent(new AgentNavigateEvent({ view: 'org', id: org.id }))}>
              <span class="name" dir="auto">${org.name}</span>
              <span class="chip plain">${labels.plan[org.planId]}</span>
              <span class="muted open">${agentText(this.ctx.i18n).orgs.open(i18n.number(org.openTickets))}</span>
            </button>
          </li>`,
        )}
      </ul>
      ${loadMoreButton(this.pages, i18n)}`;
  }
}
