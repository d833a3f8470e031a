import { Task } from '@lit/task';
import { html } from 'lit';
import type { OrgListInput, OrgSummary } from '../../../api/types';
import { Debounce } from '../../../ui/debounce';
import { listStyles } from '../../../ui/list.styles';
import { loadMoreButton, Paging } from '../../../ui/paging';
import { sharedStyles } from '../../../ui/shared.styles';
import { emptyState, renderList, skeleton } from '../../../ui/states';
import { NavigateEvent } from '../../../workspace/events';
import { AgentElement } from '../agent-element';
import { styles } from './org-list.styles';

const PAGE_SIZE = 50;

/**
 * Every organisation by name, with its plan and open tickets, searchable by name or id (the
 * search is kept in the workspace's store); each opens the organisation's panel.
 *
 * @summary The agent's organisation directory.
 * @tag support-tickets-org-list
 * @csspart org-list - The list.
 */
export class OrgList extends AgentElement {
  static override styles = [sharedStyles, listStyles, styles];
  static override properties = { search: { state: true } };

  declare private search: string;

  private readonly typing = new Debounce(this);

  private readonly pages = new Paging<OrgSummary>(this, {
    next: (cursor) => this.store.orgList(this.ctx.api, { ...this.query(this.store.orgQuery), cursor }),
  });

  private readonly firstPage = new Task(this, {
    task: ([api, q], { signal }) => this.pages.load(() => this.store.orgList(api, this.query(q), signal)),
    args: () => [this.ctx.api, this.store.orgQuery] as const,
  });

  constructor() {
    super();
    this.search = '';
  }

  override connectedCallback() {
    super.connectedCallback();
    this.search = this.store.orgQuery;
  }

  private query(q: string): OrgListInput {
    return { ...(q.trim() ? { q: q.trim() } : {}), limit: PAGE_SIZE };
  }

  private onSearch(event: Event) {
    this.search = (event.target as HTMLInputElement).value;
    this.typing.run(() => this.store.searchOrgs(this.search));
  }

  protected override render() {
    const { orgs } = this.t;
    return html`<section class="orgs" aria-labelledby="heading">
      <div class="top">
        <h2 id="heading" tabindex="-1">${orgs.heading}</h2>
        <form class="field search" role="search" aria-label=${orgs.search} @submit=${(e: Event) => e.preventDefault()}>
          <label for="q">${orgs.search}</label>
          <input id="q" type="search" dir="auto" .value=${this.search} placeholder=${orgs.searchPlaceholder} @input=${this.onSearch} />
        </form>
      </div>
      ${renderList(this.firstPage, this.pages, this.i18n, {
        failed: orgs.loadFailed,
        loading: () => skeleton(this.i18n, '12rem'),
        empty: () => emptyState(orgs.emptyTitle, orgs.emptyBody),
        rows: (items) => this.renderRows(items),
      })}
    </section>`;
  }

  private renderRows(items: OrgSummary[]) {
    const { t, i18n } = this;
    return html`<ul class="list" part="org-list" aria-labelledby="heading">
        ${items.map(
          (org) => html`<li>
            <button type="button" class="row" data-id=${org.id} @click=${() => this.dispatchEvent(new NavigateEvent({ view: 'org', id: org.id }))}>
              <span class="name" dir="auto">${org.name}</span>
              <span class="chip plain">${i18n.labels.plan[org.planId]}</span>
              <span class="muted open">${t.orgs.open(i18n.number(org.openTickets))}</span>
            </button>
          </li>`,
        )}
      </ul>
      ${loadMoreButton(this.pages, i18n)}`;
  }
}
