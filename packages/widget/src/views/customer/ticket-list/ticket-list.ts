import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { STATUSES, type Status } from '@support-tickets/core';
import type { Ticket } from '../../../api/types';
import type { WidgetContext } from '../../../context';
import { LiveRefresh } from '../../../live/live-refresh';
import { Debounce } from '../../../ui/debounce';
import { slaChip } from '../../../ui/sla';
import { listStyles } from '../../../ui/list.styles';
import { sharedStyles } from '../../../ui/shared.styles';
import { loadMoreButton, Paging } from '../../../ui/paging';
import { emptyState, errorState } from '../../../ui/states';
import { relativeTime } from '../../../ui/time';
import { NavigateEvent } from '../../navigation';
import { styles } from './ticket-list.styles';

export interface ListFilters {
  status: Status | '';
  q: string;
}

const PAGE_SIZE = 25;
/** The API's largest page: a live refresh re-reads at most this many rows. */
const MAX_PAGE_SIZE = 100;

/**
 * The person's tickets (an org admin's: the organisation's), newest activity first, with a
 * status filter, a subject search and "load more" paging. Live: a change to any of them
 * re-reads the rows shown.
 *
 * @summary A list of tickets with filters and paging.
 * @tag support-tickets-list
 * @fires st-filters - The filters changed (internal).
 * @csspart list - The list.
 * @csspart ticket - A row.
 */
export class TicketList extends LitElement {
  static override styles = [sharedStyles, listStyles, styles];

  static override properties = {
    ctx: { attribute: false },
    now: { attribute: false },
    filters: { attribute: false },
    search: { state: true },
  };

  declare ctx: WidgetContext;
  declare now: Date;
  declare filters: ListFilters;
  /** What is typed in the search box, ahead of the debounced filter. */
  declare private search: string;

  private readonly typing = new Debounce(this);

  private readonly pages = new Paging<Ticket>(this, {
    next: (cursor) => {
      const { status, q } = this.filters;
      return this.ctx.api.listTickets({ ...this.query(status, q.trim()), limit: PAGE_SIZE, cursor });
    },
  });

  private readonly firstPage = new Task(this, {
    task: ([api, status, q], { signal }) =>
      this.pages.load(() => api.listTickets({ ...this.query(status, q), limit: PAGE_SIZE }, signal)),
    args: () => [this.ctx.api, this.filters.status, this.filters.q.trim()] as const,
  });

  /** Re-reads the rows on screen (up to one full page) when one of them changes. */
  private readonly live = new LiveRefresh(this, {
    refresh: async () => {
      if (this.firstPage.status !== 2) return;
      const { status, q } = this.filters;
      const shown = this.pages.items;
      const limit = Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, shown.length));
      const page = await this.ctx.api.listTickets({ ...this.query(status, q.trim()), limit });
      // Rows loaded beyond one full page stay as they are, after the fresh ones.
      const fresh = new Set(page.items.map((ticket) => ticket.id));
      const rest = shown.length > limit ? shown.slice(limit).filter((ticket) => !fresh.has(ticket.id)) : [];
      this.pages.replace([...page.items, ...rest], rest.length === 0 ? page.nextCursor : this.pages.cursor);
    },
  });

  constructor() {
    super();
    this.filters = { status: '', q: '' };
    this.search = '';
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

  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private query(status: Status | '', q: string) {
    return { ...(status ? { status } : {}), ...(q ? { q } : {}), sort: 'updated' as const };
  }

  private setFilters(filters: ListFilters) {
    this.dispatchEvent(new CustomEvent<ListFilters>('st-filters', { detail: filters, bubbles: true }));
  }

  private onStatus(event: Event) {
    const status = (event.target as HTMLSelectElement).value as Status | '';
    this.setFilters({ ...this.filters, status });
  }

  private onSearch(event: Event) {
    this.search = (event.target as HTMLInputElement).value;
    this.typing.run(() => this.setFilters({ ...this.filters, q: this.search }));
  }

  private clearFilters() {
    this.search = '';
    this.setFilters({ status: '', q: '' });
  }

  private open(ticket: Ticket) {
    this.dispatchEvent(new NavigateEvent({ view: 'detail', id: ticket.id }));
  }

  protected override render() {
    const { t } = this.ctx.i18n;
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
    const { t, labels } = this.ctx.i18n;
    return html`<form class="filters" part="filters" role="search" aria-label=${t.list.filters} @submit=${(e: Event) => e.preventDefault()}>
      <div class="field">
        <label for="status">${t.list.status}</label>
        <select id="status" @change=${this.onStatus}>
          <option value="" ?selected=${this.filters.status === ''}>${t.list.allStatuses}</option>
          ${STATUSES.map(
            (status) => html`<option value=${status} ?selected=${this.filters.status === status}>${labels.status[status]}</option>`,
          )}
        </select>
      </div>
      <div class="field search">
        <label for="q">${t.list.search}</label>
        <input id="q" type="search" dir="auto" .value=${this.search} placeholder=${t.list.searchPlaceholder} @input=${this.onSearch} />
      </div>
    </form>`;
  }

  private renderBody() {
    const { i18n } = this.ctx;
    const { t } = i18n;
    const pending = this.firstPage.status === 1;
    if (this.firstPage.status === 3) {
      return errorState(i18n, this.firstPage.error, { title: t.list.loadFailed, retry: () => void this.firstPage.run() });
    }
    const { items, cursor } = this.pages;
    if ((pending || this.firstPage.status === 0) && items.length === 0) return this.renderSkeleton();
    const filtered = this.filters.status !== '' || this.filters.q.trim() !== '';
    if (items.length === 0) {
      if (filtered) {
        return emptyState(
          t.list.emptyFilteredTitle,
          t.list.emptyFilteredBody,
          html`<button type="button" class="btn secondary" @click=${this.clearFilters}>${t.list.clearFilters}</button>`,
        );
      }
      return emptyState(
        t.list.emptyTitle,
        t.list.emptyBody,
        html`<button type="button" class="btn" @click=${() => this.dispatchEvent(new NavigateEvent({ view: 'create' }))}>
          ${t.nav.newTicket}
        </button>`,
      );
    }
    const count = i18n.number(items.length);
    return html`<ul class="list" part="list" aria-busy=${pending ? 'true' : 'false'} aria-labelledby="heading">
        ${items.map((ticket) => html`<li>${this.renderRow(ticket)}</li>`)}
      </ul>
      <div class="more">
        <p class="muted" role="status">${cursor ? t.list.shown(items.length, count) : t.list.allShown(items.length, count)}</p>
        ${loadMoreButton(this.pages, i18n)}
      </div>`;
  }

  private renderRow(ticket: Ticket) {
    const { i18n } = this.ctx;
    const { t, labels } = i18n;
    const content = html`<span class="subject" dir="auto">${ticket.subject}</span>
      <span class="status chip plain" data-status=${ticket.status}>${labels.status[ticket.status]}</span>
      <span class="sla">${slaChip(ticket, this.now, i18n)}</span>
      <span class="meta muted">
        <span>${labels.category[ticket.category]}</span>
        <span>${labels.priority[ticket.priority]}</span>
        ${this.ctx.session.role !== 'customer' && ticket.createdByName
          ? html`<span dir="auto">${t.list.by(ticket.createdByName)}</span>`
          : nothing}
      </span>
      <span class="updated muted">${relativeTime(i18n, ticket.updatedAt, this.now, t.list.updated)}</span>`;
    return html`<button type="button" class="row" part="ticket" data-id=${ticket.id} @click=${() => this.open(ticket)}>
      ${content}
    </button>`;
  }

  private renderSkeleton() {
    return html`<div class="list skeleton-list" aria-busy="true">
      <p class="visually-hidden" role="status">${this.ctx.i18n.t.loading}</p>
      ${[0, 1, 2].map(() => html`<div class="row skeleton-row"><span class="skeleton"></span></div>`)}
    </div>`;
  }
}
