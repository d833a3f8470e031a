import { html, nothing, type LitElement } from 'lit';
import type { TicketDetail, TicketMessage } from '../api/types';
import type { WidgetContext } from '../base/context';
import { errorText } from './states';

/**
 * "Show earlier messages", the customer's and the agent's alike: a ticket comes with its
 * latest messages (50) and a cursor; each press brings the page before the oldest on screen.
 * What the reader looks at stays where it was (the button keeps its place on screen and the
 * older messages open below it), and focus stays on the button, or moves to the first message
 * brought in once there are no more. A failure is said beside the button, which retries.
 */
export class EarlierMessages {
  private ticketId = '';
  /** The latest page as last seen, and everything loaded before it, oldest first. */
  private latest: readonly TicketMessage[] = [];
  private older: TicketMessage[] = [];
  /** Where the next older page starts, once one was loaded; before that, the ticket's own. */
  private cursor: string | null = null;
  private expanded = false;
  private loading = false;
  private error = '';

  constructor(
    private readonly host: LitElement,
    private readonly context: () => WidgetContext,
  ) {}

  /** The thread to show: what was loaded before the ticket's latest page, then that page. */
  messages(ticket: TicketDetail): TicketMessage[] {
    if (ticket.id !== this.ticketId) {
      Object.assign(this, { ticketId: ticket.id, older: [], cursor: null, expanded: false, loading: false, error: '' });
    } else if (this.expanded && ticket.messages !== this.latest) {
      // The latest page moved on (a new message): the one before stays, so nothing between is lost.
      this.older = [...this.older, ...this.latest];
    }
    this.latest = ticket.messages;
    const onPage = new Set(ticket.messages.map((message) => message.id));
    const seen = new Set<string>();
    const before = this.older.filter((message) => !onPage.has(message.id) && !seen.has(message.id) && seen.add(message.id));
    return [...before, ...ticket.messages];
  }

  /** The button (and what went wrong), when there is more to load. */
  button(ticket: TicketDetail) {
    const cursor = this.expanded ? this.cursor : ticket.messagesCursor;
    if (!cursor) return nothing;
    const { t } = this.context().i18n;
    return html`<div class="earlier">
      <!-- Never disabled while loading: a disabled button would drop the keyboard's focus. -->
      <button type="button" class="btn secondary earlier-button" part="earlier" aria-disabled=${this.loading ? 'true' : 'false'} aria-busy=${this.loading ? 'true' : 'false'} @click=${() => void this.load(ticket.id, cursor)}>
        ${this.loading ? t.detail.earlierLoading : t.detail.earlier}
      </button>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </div>`;
  }

  private async load(ticketId: string, cursor: string) {
    if (this.loading) return;
    const ctx = this.context();
    const button = this.host.renderRoot.querySelector<HTMLElement>('.earlier-button');
    const top = button?.getBoundingClientRect().top;
    this.loading = true;
    this.error = '';
    this.host.requestUpdate();
    try {
      const page = await ctx.api.olderMessages(ticketId, cursor);
      if (ticketId !== this.ticketId) return;
      this.older = [...page.items, ...this.older];
      this.cursor = page.nextCursor;
      this.expanded = true;
      this.loading = false;
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.keepInPlace(top, page.items[0]?.id);
    } catch (error) {
      this.loading = false;
      this.error = errorText(error, ctx.i18n);
      this.host.requestUpdate();
    }
  }

  /** Scrolls back by however far the button moved; focus stays on it or goes to the first new message. */
  private keepInPlace(top: number | undefined, firstId: string | undefined) {
    const root = this.host.renderRoot;
    const button = root.querySelector<HTMLElement>('.earlier-button');
    const anchor = button ?? root.querySelector<HTMLElement>(`[data-message="${firstId}"]`);
    if (anchor && top !== undefined) {
      const moved = anchor.getBoundingClientRect().top - top;
      if (Math.abs(moved) >= 1) scrollParent(anchor).scrollBy({ top: moved, behavior: 'instant' });
    }
    if (!button) root.querySelector<HTMLElement>(`[data-message="${firstId}"]`)?.focus({ preventScroll: true });
  }
}

/** The nearest ancestor that scrolls (across shadow roots), else the page. */
function scrollParent(element: Element): Element {
  for (let node: Node | null = element.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (node instanceof Element) {
      const { overflowY } = getComputedStyle(node);
      if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) return node;
    }
  }
  return document.scrollingElement ?? document.documentElement;
}
