import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ListInput, TicketRow } from '../../../api/types';
import { Deadlines } from '../../../live/deadlines';
import { listStyles } from '../../../ui/list.styles';
import { loadMoreButton, Paging } from '../../../ui/paging';
import { sharedStyles } from '../../../ui/shared.styles';
import { emptyState, renderList } from '../../../ui/states';
import { NavigateEvent } from '../../../workspace/events';
import { AgentElement } from '../agent-element';
import { agentStyles } from '../agent.styles';
import { NO_QUEUE_FILTERS, queueQuery, type QueueFilters } from '../agent-store';
import { selectBox } from '../team/queue-row';
import { styles } from './agent-queue.styles';
import { ticketRow } from './ticket-row';

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
 * @csspart queue - The list of tickets.
 * @csspart ticket - A row.
 * @csspart filters - The filters.
 */
export class AgentQueue extends AgentElement {
  static override styles = [sharedStyles, listStyles, agentStyles, styles];

  static override properties = {
    active: { type: Boolean },
    range: { state: true },
    pitch: { state: true },
    activeIndex: { state: true },
    stale: { state: true },
    selected: { state: true },
  };

  /** Tickets picked for a bulk action (Space or a click on a row's box). */
  declare private selected: ReadonlyMap<string, TicketRow>;

  /** Shown (the workspace keeps the queue, hidden, while a ticket is open). */
  declare active: boolean;
  /** The rows drawn: [from, to). */
  declare private range: { from: number; to: number };
  /** One row's height with its gap, measured. */
  declare private pitch: number;
  /** The row in the tab order (and the one a return from a ticket focuses). */
  declare private activeIndex: number;
  /** Changes arrived while the agent is deep in the queue: offer to show the latest. */
  declare private stale: boolean;

  /** A live change came while hidden: re-read when shown again. */
  private dirty = false;
  private frame = 0;
  /** Where the list's top was in the viewport when last measured. */
  private listTop = 0;
  private resizeObserver: ResizeObserver | null = null;
  /** The rows the window was last worked out for. */
  private windowFor: TicketRow[] | null = null;

  /** Every read that replaces the rows restarts the paging, so answers to older reads are dropped. */
  private readonly pages = new Paging<TicketRow>(this, {
    next: (cursor) => this.read({ ...queueQuery(this.filters), limit: PAGE_SIZE, cursor }),
  });

  private readonly firstPage = new Task(this, {
    task: async ([, filters], { signal }) => {
      const current = this.pages.restart();
      const page = await this.read({ ...queueQuery(filters), limit: PAGE_SIZE }, signal);
      if (!current()) return page;
      this.pages.first(page);
      this.activeIndex = 0;
      this.stale = false;
      return page;
    },
    args: () => [this.ctx.api, this.filters] as const,
  });

  private readonly live = this.follow({ refresh: () => this.refreshLive(), delayMs: 400 });
  private readonly deadlines = new Deadlines();

  constructor() {
    super();
    this.active = true;
    this.range = { from: 0, to: 0 };
    this.pitch = FALLBACK_PITCH_PX;
    this.activeIndex = 0;
    this.stale = false;
    this.selected = new Map();
  }

  private toggle(ticket: TicketRow) {
    const next = new Map(this.selected);
    if (!next.delete(ticket.id)) next.set(ticket.id, ticket);
    this.selected = next;
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
  }

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('active') && this.active && this.dirty) {
      this.dirty = false;
      void this.refreshLive();
    }
    if (this.deadlines.passedSince(this.pages.items.slice(this.range.from, this.range.to), this.now)) this.live.schedule();
    // New rows: draw what the last measurement says is on screen; the next frame measures again.
    if (this.pages.items !== this.windowFor) {
      this.windowFor = this.pages.items;
      this.range = this.window(this.listTop);
    }
  }

  private get filters(): QueueFilters {
    return this.store.queueFilters;
  }

  /** A page of the queue, read through the store (its rows name their organisations). */
  private read(input: ListInput, signal?: AbortSignal) {
    return this.store.tickets(this.ctx.api, input, signal);
  }

  protected override updated() {
    const list = this.list();
    if (list) this.resizeObserver?.observe(list);
    // Measured in the next frame, not now: changing state here would render twice per update.
    this.onScroll();
  }

  /** On a return from a ticket: the row that was opened. */
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
    const { items, cursor, loading, error } = this.pages;
    if (to >= items.length - LOAD_AHEAD && cursor && !loading && !error) void this.pages.loadMore();
  }

  /** The rows on screen when the list's top is `top` px below the viewport's, with a margin. */
  private window(top: number) {
    const viewport = window.innerHeight || document.documentElement.clientHeight || 800;
    const from = Math.max(0, Math.floor(-top / this.pitch) - OVERSCAN);
    const to = Math.min(this.pages.items.length, Math.max(from, Math.ceil((viewport - top) / this.pitch)) + OVERSCAN);
    return { from, to };
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
    if (this.firstPage.status !== TaskStatus.COMPLETE || this.pages.loading) return;
    const depth = Math.max(PAGE_SIZE, this.range.to);
    if (depth > LIVE_DEPTH) {
      this.stale = true;
      return;
    }
    const current = this.pages.restart();
    const rows: TicketRow[] = [];
    let cursor: string | null = null;
    do {
      const page = await this.read({
        ...queueQuery(this.filters),
        limit: MAX_PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
      });
      if (!current()) return;
      rows.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && rows.length < depth);
    const activeId = this.pages.items[this.activeIndex]?.id;
    const hadFocus = this.renderRoot.querySelector('.row:focus') !== null;
    this.pages.replace(rows, cursor);
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

  private open(ticket: TicketRow, index: number) {
    this.activeIndex = index;
    this.dispatchEvent(new NavigateEvent({ view: 'ticket', id: ticket.id }));
  }

  private async moveTo(index: number) {
    const { items } = this.pages;
    if (items.length === 0) return;
    const target = Math.max(0, Math.min(items.length - 1, index));
    this.activeIndex = target;
    // Scroll, render, then focus: the row in the tab order is drawn wherever it is; scrolled to,
    // the window is worked out again at once (not a frame later) and drawn around it; only then
    // is it focused, so no redraw moves it from under the focus.
    await this.updateComplete;
    this.row(target)?.scrollIntoView?.({ block: 'nearest' });
    this.measure();
    await this.updateComplete;
    this.row(target)?.focus({ preventScroll: true });
    if (target >= items.length - LOAD_AHEAD && this.pages.cursor) void this.pages.loadMore();
  }

  private onKeydown = (event: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((window.innerHeight || 800) / this.pitch) - 1);
    const moves: Record<string, number> = {
      ArrowDown: this.activeIndex + 1,
      ArrowUp: this.activeIndex - 1,
      PageDown: this.activeIndex + page,
      PageUp: this.activeIndex - page,
      Home: 0,
      End: this.pages.items.length - 1,
    };
    const row = (event.target as Element).closest<HTMLElement>('.row');
    if (event.key === ' ' && row) {
      // Space picks the row for a bulk action; Enter opens it.
      event.preventDefault();
      const ticket = this.pages.items[Number(row.closest<HTMLElement>('.slot')?.dataset['index'])];
      if (ticket) this.toggle(ticket);
      return;
    }
    const target = moves[event.key];
    if (target === undefined || !row) return;
    event.preventDefault();
    void this.moveTo(target);
  };

  protected override render() {
    const { queue } = this.t;
    return html`<section class="queue-view" aria-labelledby="heading">
      <div class="top spread">
        <h2 id="heading" tabindex="-1">${queue.heading}</h2>
        <p class="hint">${queue.keyboardHint}</p>
      </div>
      <support-tickets-queue-filters exportparts="filters"></support-tickets-queue-filters>
      ${this.stale
        ? html`<div class="banner stale" role="status">
            <span>${queue.stale}</span>
            <button type="button" class="btn secondary" @click=${this.showLatest}>${queue.showLatest}</button>
          </div>`
        : nothing}
      <support-tickets-bulk-bar
        .tickets=${[...this.selected.values()]}
        exportparts="bulk"
        @bulk-done=${() => ((this.selected = new Map()), void this.refreshLive())}
      ></support-tickets-bulk-bar>
      ${this.renderBody()}
    </section>`;
  }

  private renderBody() {
    const { t, i18n } = this;
    return renderList(this.firstPage, this.pages, i18n, {
      failed: t.queue.loadFailed,
      loading: () => html`<div class="skeleton-list" aria-busy="true">
        <p class="visually-hidden" role="status">${t.loading}</p>
        ${[0, 1, 2, 3].map(() => html`<span class="skeleton skeleton-row"></span>`)}
      </div>`,
      empty: () =>
        JSON.stringify(this.filters) !== JSON.stringify(NO_QUEUE_FILTERS)
          ? emptyState(
              t.list.emptyFilteredTitle,
              t.list.emptyFilteredBody,
              html`<button type="button" class="btn secondary" @click=${() => this.store.filterQueue(NO_QUEUE_FILTERS)}>${t.list.clearFilters}</button>`,
            )
          : emptyState(t.queue.emptyTitle, t.queue.emptyBody),
      rows: (items, busy) => this.renderRows(items, busy),
    });
  }

  private renderRows(items: TicketRow[], busy: boolean) {
    const { t, i18n } = this;
    const { cursor } = this.pages;
    const { from, to } = this.range;
    // Every row of one render is read by the same agent at the same instant.
    const reader = { ownId: this.ctx.session.userId, now: this.now };
    const end = Math.max(to, Math.min(items.length, from + 1));
    const indexes: number[] = [];
    for (let i = from; i < end; i++) indexes.push(i);
    // The row in the tab order stays drawn wherever it is, so focus is never lost; in index
    // order, so the window growing around it never moves it in the DOM (a moved node loses focus).
    if (this.activeIndex < from) indexes.unshift(this.activeIndex);
    else if (this.activeIndex >= end) indexes.push(this.activeIndex);
    const count = i18n.number(items.length);
    return html`<ul
        class="rows"
        part="queue"
        aria-label=${t.queue.listLabel}
        aria-busy=${busy ? 'true' : 'false'}
        style="block-size: ${items.length * this.pitch}px"
        @keydown=${this.onKeydown}
      >
        ${repeat(
          indexes.filter((i) => items[i]),
          (i) => items[i]!.id,
          (i) => {
            const ticket = items[i]!;
            const selected = this.selected.has(ticket.id);
            const state = { ...reader, active: i === this.activeIndex, selected };
            return html`<li class="slot" data-index=${i} style="inset-block-start: ${i * this.pitch}px" aria-posinset=${i + 1} aria-setsize=${cursor ? -1 : items.length}>
              ${selectBox(ticket, selected, t, () => this.toggle(ticket))}
              ${ticketRow(ticket, state, t, i18n, { focus: () => (this.activeIndex = i), open: () => this.open(ticket, i) })}
            </li>`;
          },
        )}
      </ul>
      <div class="more">
        <p class="muted" role="status">${cursor ? t.queue.loaded(items.length, count) : t.queue.allLoaded(items.length, count)}</p>
        ${loadMoreButton(this.pages, i18n)}
      </div>`;
  }
}
