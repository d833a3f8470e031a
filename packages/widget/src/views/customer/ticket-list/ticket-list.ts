import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { STATUSES, type Status } from '@support-tickets/core';
import type { ListInput, TicketRow } from '../../../api/types';
import { WidgetElement } from '../../../base/widget-element';
import { Deadlines } from '../../../live/deadlines';
import { Debounce } from '../../../ui/debounce';
import { listStyles } from '../../../ui/list.styles';
import { loadMoreButton, Paging } from '../../../ui/paging';
import { sharedStyles } from '../../../ui/shared.styles';
import { customerChips } from '../../../ui/sla';
import { emptyState, renderList } from '../../../ui/states';
import { isolated } from '../../../ui/isolate';
import { relativeTime } from '../../../ui/time';
import { NavigateEvent } from '../../../workspace/events';
import { NO_LIST_FILTERS, type ListFilters } from '../../../workspace/store';
import { styles } from './ticket-list.styles';
import { subjectOf } from '../../../ui/search-match';

const PAGE_SIZE = 25;
/** The API's largest page: a live refresh re-reads at most this many rows. */
const MAX_PAGE_SIZE = 100;

/**
 * The person's tickets (an org admin's: the organisation's), in core's attention order (waiting
 * on them first, closed last; newest activity first within each), with a
 * status filter, a subject search and "load more" paging. The filters live in the workspace's
 * store. Live: a change to any of them re-reads the rows shown.
 *
 * @summary A list of tickets with filters and paging.
 * @tag support-tickets-list
 * @csspart list - The list.
 * @csspart ticket - A row.
 */
export class TicketList extends WidgetElement {
  static override styles = [sharedStyles, listStyles, styles];
  static override properties = { search: { state: true } };

  /** What is typed in the search box, ahead of the debounced filter. */
  declare private search: string;

  private readonly typing = new Debounce(this);

  private readonly pages = new Paging<TicketRow>(this, {
    next: (cursor) => this.ctx.api.listTickets({ ...this.query(this.filters), limit: PAGE_SIZE, cursor }),
  });

  private readonly firstPage = new Task(this, {
    task: ([api, filters], { signal }) => this.pages.load(() => api.listTickets({ ...this.query(filters), limit: PAGE_SIZE }, signal)),
    args: () => [this.ctx.api, this.filters] as const,
  });

  private readonly deadlines = new Deadlines();

  /** Re-reads the rows on screen (up to one full page) when one of them changes. */
  private readonly live = this.follow({
    refresh: async () => {
      if (this.firstPage.status !== TaskStatus.COMPLETE) return;
      const shown = this.pages.items;
      const limit = Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, shown.length));
      const page = await this.ctx.api.listTickets({ ...this.query(this.filters), limit });
      // Rows loaded beyond one full page stay as they are, after the fresh ones.
      const fresh = new Set(page.items.map((ticket) => ticket.id));
      const rest = shown.length > limit ? shown.slice(limit).filter((ticket) => !fresh.has(ticket.id)) : [];
      this.pages.replace([...page.items, ...rest], rest.length === 0 ? page.nextCursor : this.pages.cursor);
    },
  });

  constructor() {
    super();
    this.search = '';
  }

  protected override willUpdate() {
    if (this.deadlines.passedSince(this.pages.items, this.now)) this.live.schedule();
  }

  private get filters(): ListFilters {
    return this.store.listFilters;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.search = this.filters.q;
  }

  protected override updated() {
    // Options render after the select's own bindings; settle the selection once they exist.
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#status');
    if (select && select.value !== this.filters.status) select.value = this.filters.status;
  }

  private query({ status, q }: ListFilters): ListInput {
    return { ...(status ? { status } : {}), ...(q.trim() ? { q: q.trim() } : {}), sort: 'attention' };
  }

  private onStatus(event: Event) {
    const status = (event.target as HTMLSelectElement).value as Status | '';
    this.store.setListFilters({ ...this.filters, status });
  }

  private onSearch(event: Event) {
    this.search = (event.target as HTMLInputElement).value;
    this.typing.run(() => this.store.setListFilters({ ...this.filters, q: this.search }));
  }

  private clearFilters() {
    this.search = '';
    this.store.setListFilters(NO_LIST_FILTERS);
  }

  protected override render() {
    const { t } = this;
    const heading = this.ctx.session.role === 'org_admin' ? t.list.orgHeading : t.list.heading;
    return html`<section class="list-view" aria-labelledby="heading">
      <div class="top">
        <h2 id="heading" tabindex="-1">${heading}</h2>
        ${this.renderFilters()}
      </div>
      ${this.renderBody()}
    </section>`;
  }

  private renderFilters() {
    const { t, i18n } = this;
    return html`<form class="filters" part="filters" role="search" aria-label=${t.list.filters} @submit=${(e: Event) => e.preventDefault()}>
      <div class="field">
        <label for="status">${t.field.status}</label>
        <select id="status" @change=${this.onStatus}>
          <option value="" ?selected=${this.filters.status === ''}>${t.all.status}</option>
          ${STATUSES.map((status) => html`<option value=${status} ?selected=${this.filters.status === status}>${i18n.labels.status[status]}</option>`)}
        </select>
      </div>
      <div class="field search">
        <label for="q">${t.list.search}</label>
        <input id="q" type="search" dir="auto" .value=${this.search} placeholder=${t.list.searchPlaceholder} @input=${this.onSearch} />
      </div>
    </form>`;
  }

  private renderBody() {
    const { t, i18n } = this;
    const filtered = this.filters.status !== '' || this.filters.q.trim() !== '';
    return renderList(this.firstPage, this.pages, i18n, {
      failed: t.list.loadFailed,
      loading: () => html`<div class="list skeleton-list" aria-busy="true">
        <p class="visually-hidden" role="status">${t.loading}</p>
        ${[0, 1, 2].map(() => html`<div class="row skeleton-row"><span class="skeleton"></span></div>`)}
      </div>`,
      empty: () =>
        filtered
          ? emptyState(
              t.list.emptyFilteredTitle,
              t.list.emptyFilteredBody,
              html`<button type="button" class="btn secondary" @click=${this.clearFilters}>${t.list.clearFilters}</button>`,
            )
          : emptyState(
              t.list.emptyTitle,
              t.list.emptyBody,
              html`<button type="button" class="btn" @click=${() => this.dispatchEvent(new NavigateEvent({ view: 'create' }))}>${t.nav.newTicket}</button>`,
            ),
      rows: (items, busy) => {
        const count = i18n.number(items.length);
        return html`<ul class="list" part="list" aria-busy=${busy ? 'true' : 'false'} aria-labelledby="heading">
            ${items.map((ticket) => html`<li>${this.renderRow(ticket)}</li>`)}
          </ul>
          <div class="more">
            <p class="muted" role="status">${this.pages.cursor ? t.list.shown(items.length, count) : t.list.allShown(items.length, count)}</p>
            ${loadMoreButton(this.pages, i18n)}
          </div>`;
      },
    });
  }

  private renderRow(ticket: TicketRow) {
    const { t, i18n, now } = this;
    const { labels } = i18n;
    return html`<button type="button" class="row" part="ticket" data-id=${ticket.id} @click=${() => this.dispatchEvent(new NavigateEvent({ view: 'detail', id: ticket.id }))}>
      ${subjectOf(ticket)}
      ${customerChips(ticket, i18n, ticket.createdBy === this.ctx.session.userId ? 'you' : 'colleague')}
      <span class="meta muted">
        <span>${i18n.ticketNumber(ticket.number)}</span>
        <span>${labels.category[ticket.category]}</span>
        <span>${labels.priority[ticket.priority]}</span>
        ${this.ctx.session.role !== 'customer' ? html`<span>${isolated(t.list.by, ticket.createdByName)}</span>` : nothing}
      </span>
      <span class="updated muted">${relativeTime(i18n, ticket.updatedAt, now, t.updated)}</span>
    </button>`;
  }
}
