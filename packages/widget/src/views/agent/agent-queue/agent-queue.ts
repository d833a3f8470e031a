import { Task } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Ticket } from '../../../api/types';
import type { WidgetContext } from '../../../context';
import { LiveRefresh } from '../../../live/live-refresh';
import { sharedStyles } from '../../../ui/shared.styles';
import { emptyState, errorState, errorText } from '../../../ui/states';
import { relativeTime } from '../../../ui/time';
import { AgentNavigateEvent } from '../navigation';
import type { OrgDirectory } from '../org-directory';
import { NO_FILTERS, QUEUE_FILTERS_EVENT, toQuery, type QueueFilters } from '../queue-query';
import { agentSlaChip } from '../sla-chip';
import { styles } from './agent-queue.styles';
import { agentText } from '../../../translations/agent/index';

const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 100;
/** Rows drawn beyond each edge of the screen, so scrolling never shows a blank. */
const OVERSCAN = 6;
/** Loading the next page starts this many rows before the loaded ones run out. */
const LOAD_AHEAD = 20;
/** A live change re-reads the queue down to what is on screen, when that is at most this deep. */
const LIVE_DEPTH = 300;
const FALLBACK_PITCH_PX = 80;

/**
 * The support queue of every organisation, ordered by what needs an answer first (the
 * server's `due` order: breached, then by reply due time, then tickets without a target).
 * Pages come by cursor as the agent scrolls and only the rows on screen are drawn: rows have
 * one height (per layout), each sits at `index × height` inside a list as tall as all of them.
 * One row is in the tab order; ↑ ↓ Home End PageUp PageDown move, Enter opens.
 *
 * @summary The agent's queue: filters, SLA state and time left, windowed rows.
 * @tag support-tickets-queue
 * @fires st-queue-filters - The filters changed (internal).
 * @csspart queue - The list of tickets.
 * @csspart ticket - A row.
 * @csspart filters - The filters.
 */
export class AgentQueue extends LitElement {
  static override styles = [sharedStyles, styles];

  static override properties = {
    ctx: { attribute: false },
    now: { attribute: false },
    filters: { attribute: false },
    directory: { attribute: false },
    active: { type: Boolean },
    items: { state: true },
    cursor: { state: true },
    loadingMore: { state: true },
    moreError: { state: true },
    range: { state: true },
    pitch: { state: true },
    activeIndex: { state: true },
    stale: { state: true },
  };

  declare ctx: WidgetContext;
  declare now: Date;
  declare filters: QueueFilters;
  declare directory: OrgDirectory;
  /** Shown (the workspace keeps the queue, hidden, while a ticket is open). */
  declare active: boolean;
  declare private items: Ticket[];
  declare private cursor: string | null;
  declare private loadingMore: boolean;
  declare private moreError: unknown;
  /** The rows drawn: [from, to). */
  declare private range: { from: number; to: number };
  /** One row's height with its gap, measured. */
  declare private pitch: number;
  /** The row in the tab order (and the one a return from a ticket focuses). */
  declare private activeIndex: number;
  /** Changes arrived while the agent is deep in the queue: offer to show the latest. */
  declare private stale: boolean;

  /** Bumped whenever the rows are replaced, so answers to older reads are dropped. */
  private generation = 0;
  /** A live change came while hidden: re-read when shown again. */
  private dirty = false;
  private frame = 0;
  /** Where the list's top was in the viewport when last measured. */
  private listTop = 0;
  private resizeObserver: ResizeObserver | null = null;
  private offDirectory: (() => void) | null = null;

  private readonly firstPage = new Task(this, {
    task: async ([api, filters], { signal }) => {
      const generation = ++this.generation;
      const page = await api.listTickets({ ...toQuery(filters), limit: PAGE_SIZE }, signal);
      if (generation !== this.generation) return page;
      this.items = page.items;
      this.cursor = page.nextCursor;
      this.moreError = null;
      this.activeIndex = 0;
      this.stale = false;
      return page;
    },
    args: () => [this.ctx.api, this.filters] as const,
  });

  private readonly live = new LiveRefresh(this, { refresh: () => this.refreshLive(), delayMs: 400 });

  constructor() {
    super();
    this.filters = NO_FILTERS;
    this.active = true;
    this.items = [];
    this.cursor = null;
    this.loadingMore = false;
    this.moreError = null;
    this.range = { from: 0, to: 0 };
    this.pitch = FALLBACK_PITCH_PX;
    this.activeIndex = 0;
    this.stale = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    // Capturing on the window sees the page's scrolling and any scrolling box around the widget.
    window.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    window.addEventListener('resize', this.onScroll, { passive: true });
    if (typeof ResizeObserver !== 'undefined') this.resizeObserver = new ResizeObserver(this.onScroll);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('scroll', this.onScroll, { capture: true });
    window.removeEventListener('resize', this.onScroll);
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    cancelAnimationFrame(this.frame);
    this.offDirectory?.();
    this.offDirectory = null;
  }

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('directory')) {
      this.offDirectory?.();
      this.offDirectory = this.directory?.listen(() => this.requestUpdate()) ?? null;
    }
    if (changed.has('active') && this.active && this.dirty) {
      this.dirty = false;
      void this.refreshLive();
    }
    // New rows: draw what the last measurement says is on screen; the next frame measures again.
    if (changed.has('items')) this.range = this.window(this.listTop);
  }

  protected override updated() {
    const list = this.list();
    if (list) this.resizeObserver?.observe(list);
    // Measured in the next frame, not now: changing state here would render twice per update.
    this.onScroll();
  }

  /** The heading, or on a return from a ticket the row that was opened. */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  focusReturn(): boolean {
    const row = this.row(this.activeIndex);
    if (!row) return false;
    row.focus({ preventScroll: true });
    row.scrollIntoView?.({ block: 'nearest' });
    return true;
  }

  private list(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.rows');
  }

  private row(index: number): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>(`.slot[data-index="${index}"] .row`);
  }

  private onScroll = () => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.measure());
  };

  /** Which rows are on screen: the list's place in the viewport, divided by the row height. */
  private measure() {
    const list = this.list();
    if (!list || !this.active) return;
    const slot = list.querySelector<HTMLElement>('.slot');
    const height = slot?.offsetHeight ?? 0;
    if (height > 0 && height !== this.pitch) this.pitch = height;
    this.listTop = list.getBoundingClientRect().top;
    const { from, to } = this.window(this.listTop);
    if (from !== this.range.from || to !== this.range.to) this.range = { from, to };
    if (to >= this.items.length - LOAD_AHEAD && this.cursor && !this.loadingMore && !this.moreError) void this.loadMore();
  }

  /** The rows on screen when the list's top is `top` px below the viewport's, with a margin. */
  private window(top: number) {
    const viewport = window.innerHeight || document.documentElement.clientHeight || 800;
    const from = Math.max(0, Math.floor(-top / this.pitch) - OVERSCAN);
    const to = Math.min(this.items.length, Math.max(from, Math.ceil((viewport - top) / this.pitch)) + OVERSCAN);
    return { from, to };
  }

  private async loadMore() {
    if (!this.cursor || this.loadingMore) return;
    this.loadingMore = true;
    this.moreError = null;
    const generation = this.generation;
    try {
      const page = await this.ctx.api.listTickets({ ...toQuery(this.filters), limit: PAGE_SIZE, cursor: this.cursor });
      if (generation !== this.generation) return;
      const seen = new Set(this.items.map((ticket) => ticket.id));
      this.items = [...this.items, ...page.items.filter((ticket) => !seen.has(ticket.id))];
      this.cursor = page.nextCursor;
    } catch (error) {
      if (generation === this.generation) this.moreError = error;
    } finally {
      this.loadingMore = false;
    }
  }

  /**
   * A change somewhere: re-read the queue from the top down to what is on screen, keeping the
   * row the agent is on. Deep in the queue that is too much to re-read on every change: offer it.
   */
  private async refreshLive() {
    if (!this.active) {
      this.dirty = true;
      return;
    }
    if (this.firstPage.status !== 2 || this.loadingMore) return;
    const depth = Math.max(PAGE_SIZE, this.range.to);
    if (depth > LIVE_DEPTH) {
      this.stale = true;
      return;
    }
    const generation = ++this.generation;
    const rows: Ticket[] = [];
    let cursor: string | null = null;
    do {
      const page = await this.ctx.api.listTickets({
        ...toQuery(this.filters),
        limit: MAX_PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
      });
      if (generation !== this.generation) return;
      rows.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && rows.length < depth);
    const activeId = this.items[this.activeIndex]?.id;
    const hadFocus = this.renderRoot.querySelector('.row:focus') !== null;
    this.items = rows;
    this.cursor = cursor;
    const index = activeId ? rows.findIndex((ticket) => ticket.id === activeId) : -1;
    this.activeIndex = index >= 0 ? index : Math.min(this.activeIndex, Math.max(0, rows.length - 1));
    if (hadFocus) {
      await this.updateComplete;
      this.row(this.activeIndex)?.focus({ preventScroll: true });
    }
  }

  private showLatest() {
    this.stale = false;
    this.list()?.scrollIntoView?.({ block: 'start' });
    void this.firstPage.run();
  }

  private setFilters(filters: QueueFilters) {
    this.dispatchEvent(new CustomEvent<QueueFilters>(QUEUE_FILTERS_EVENT, { detail: filters, bubbles: true }));
  }

  private open(ticket: Ticket, index: number) {
    this.activeIndex = index;
    this.dispatchEvent(new AgentNavigateEvent({ view: 'ticket', id: ticket.id }));
  }

  private async moveTo(index: number) {
    if (this.items.length === 0) return;
    const target = Math.max(0, Math.min(this.items.length - 1, index));
    this.activeIndex = target;
    await this.updateComplete;
    const row = this.row(target);
    row?.focus({ preventScroll: true });
    row?.scrollIntoView?.({ block: 'nearest' });
    if (target >= this.items.length - LOAD_AHEAD && this.cursor) void this.loadMore();
  }

  private onKeydown = (event: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((window.innerHeight || 800) / this.pitch) - 1);
    const moves: Record<string, number> = {
      ArrowDown: this.activeIndex + 1,
      ArrowUp: this.activeIndex - 1,
      PageDown: this.activeIndex + page,
      PageUp: this.activeIndex - page,
      Home: 0,
      End: this.items.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined || !(event.target as Element).closest('.row')) return;
    event.preventDefault();
    void this.moveTo(target);
  };

  protected override render() {
    const { t } = this.ctx.i18n;
    return html`<section class="queue-view" aria-labelledby="heading">
      <div class="top">
        <h2 id="heading" tabindex="-1">${agentText(this.ctx.i18n).queue.heading}</h2>
        <p class="hint">${agentText(this.ctx.i18n).queue.keyboardHint}</p>
      </div>
      <support-tickets-queue-filters
        .ctx=${this.ctx}
        .filters=${this.filters}
        .directory=${this.directory}
        exportparts="filters"
        @st-queue-filters=${(event: CustomEvent<QueueFilters>) => {
          event.stopPropagation();
          this.setFilters(event.detail);
        }}
      ></support-tickets-queue-filters>
      ${this.stale
        ? html`<div class="banner stale" role="status">
            <span>${agentText(this.ctx.i18n).queue.stale}</span>
            <button type="button" class="btn secondary" @click=${this.showLatest}>${agentText(this.ctx.i18n).queue.showLatest}</button>
          </div>`
        : nothing}
      ${this.renderBody()}
    </section>`;
  }

  private renderBody() {
    const { i18n } = this.ctx;
    const { t } = i18n;
    const pending = this.firstPage.status === 1;
    if (this.firstPage.status === 3) {
      return errorState(i18n, this.firstPage.error, { title: agentText(this.ctx.i18n).queue.loadFailed, retry: () => void this.firstPage.run() });
    }
    if ((pending || this.firstPage.status === 0) && this.items.length === 0) {
      return html`<div class="skeleton-list" aria-busy="true">
        <p class="visually-hidden" role="status">${t.loading}</p>
        ${[0, 1, 2, 3].map(() => html`<span class="skeleton skeleton-row"></span>`)}
      </div>`;
    }
    if (this.items.length === 0) {
      const filtered = JSON.stringify(this.filters) !== JSON.stringify(NO_FILTERS);
      return filtered
        ? emptyState(
            t.list.emptyFilteredTitle,
            t.list.emptyFilteredBody,
            html`<button type="button" class="btn secondary" @click=${() => this.setFilters(NO_FILTERS)}>${t.list.clearFilters}</button>`,
          )
        : emptyState(agentText(this.ctx.i18n).queue.emptyTitle, agentText(this.ctx.i18n).queue.emptyBody);
    }
    const { from, to } = this.range;
    const end = Math.max(to, Math.min(this.items.length, from + 1));
    const indexes: number[] = [];
    for (let i = from; i < end; i++) indexes.push(i);
    // The row in the tab order stays drawn wherever it is, so focus is never lost.
    if (this.activeIndex < from || this.activeIndex >= end) indexes.push(this.activeIndex);
    const count = i18n.number(this.items.length);
    const setSize = this.cursor ? -1 : this.items.length;
    return html`<ul
        class="rows"
        part="queue"
        aria-label=${agentText(this.ctx.i18n).queue.listLabel}
        aria-busy=${pending ? 'true' : 'false'}
        style="block-size: ${this.items.length * this.pitch}px"
        @keydown=${this.onKeydown}
      >
        ${repeat(
          indexes.filter((i) => this.items[i]),
          (i) => this.items[i]!.id,
          (i) => html`<li
            class="slot"
            data-index=${i}
            style="inset-block-start: ${i * this.pitch}px"
            aria-posinset=${i + 1}
            aria-setsize=${setSize}
          >
            ${this.renderRow(this.items[i]!, i)}
          </li>`,
        )}
      </ul>
      <div class="more">
        <p class="muted" role="status">
          ${this.cursor ? agentText(this.ctx.i18n).queue.loaded(this.items.length, count) : agentText(this.ctx.i18n).queue.allLoaded(this.items.length, count)}
        </p>
        ${this.moreError ? html`<p class="field-error" role="alert">${errorText(this.moreError, i18n)}</p>` : nothing}
        ${this.cursor
          ? html`<button type="button" class="btn secondary" part="load-more" ?disabled=${this.loadingMore} @click=${this.loadMore}>
              ${this.loadingMore ? t.list.loadingMore : this.moreError ? t.retry : t.list.loadMore}
            </button>`
          : nothing}
      </div>`;
  }

  private renderRow(ticket: Ticket, index: number) {
    const { i18n, session } = this.ctx;
    const { t, labels } = i18n;
    const orgName = this.directory?.name(ticket.orgId);
    const assignee = !ticket.assigneeId
      ? agentText(this.ctx.i18n).queue.unassigned
      : ticket.assigneeId === session.userId
        ? agentText(this.ctx.i18n).queue.assignedToYou
        : agentText(this.ctx.i18n).queue.assignedToOther;
    return html`<button
      type="button"
      class="row"
      part="ticket"
      data-id=${ticket.id}
      data-sla=${ticket.sla}
      tabindex=${index === this.activeIndex ? '0' : '-1'}
      @focus=${() => (this.activeIndex = index)}
      @click=${() => this.open(ticket, index)}
    >
      <span class="subject" dir="auto">${ticket.subject}</span>
      <span class="sla">${agentSlaChip(ticket, this.now, i18n)}</span>
      <span class="status chip plain" data-status=${ticket.status}>${labels.status[ticket.status]}</span>
      <span class="meta muted">
        <span class="org"><bdi>${orgName ?? ticket.orgId}</bdi></span>
        ${ticket.orgPlan ? html`<span>${labels.plan[ticket.orgPlan]}</span>` : nothing}
        <span>${labels.priority[ticket.priority]}</span>
        <span>${labels.category[ticket.category]}</span>
        <span>${assignee}</span>
        <span>${relativeTime(i18n, ticket.updatedAt, this.now, t.list.updated)}</span>
      </span>
    </button>`;
  }
}
