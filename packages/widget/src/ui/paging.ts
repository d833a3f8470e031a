import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { I18n } from '../i18n/localize';
import { errorText } from './states';

/** A page of a list read by cursor, as `ticket.list` and `org.list` answer. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * The rows of a list read a page at a time: the rows so far, the cursor of the next page and
 * "load more" (one at a time; a failure keeps the rows and is kept until the next attempt).
 * A view reads its first page through `load`, or reads it itself and hands it over with `first`.
 */
export class Paging<T extends { id: string }> {
  items: T[] = [];
  cursor: string | null = null;
  loading = false;
  error: unknown = null;
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      /** Reads the page that `cursor` points to. */
      next: (cursor: string) => Promise<Page<T>>;
      /** What of a page the list shows, and where it goes on from (all of it, by default). */
      keep?: (page: Page<T>) => Page<T>;
    },
  ) {}

  /** The list starts over from this page; an earlier failure to load more is forgotten. */
  first(page: Page<T>) {
    const kept = this.options.keep?.(page) ?? page;
    // A "load more" still on its way belongs to the rows this page replaces.
    this.generation++;
    this.error = null;
    this.replace(kept.items, kept.nextCursor);
  }

  /**
   * Reads the first page (new filters, or a re-read) and starts the list over from it, unless a
   * later read began meanwhile. Pages asked for before it are dropped when they arrive.
   */
  async load(read: () => Promise<Page<T>>): Promise<Page<T>> {
    const current = this.restart();
    const page = await read();
    if (current()) this.first(page);
    return page;
  }

  /** The rows are now these (a re-read), going on from `cursor`. */
  replace(items: T[], cursor: string | null) {
    this.items = items;
    this.cursor = cursor;
    this.host.requestUpdate();
  }

  /**
   * A read that will replace the rows has begun: pages still on their way from reads started
   * before it are dropped. The answer says whether this read is still the latest.
   */
  restart(): () => boolean {
    const generation = ++this.generation;
    return () => generation === this.generation;
  }

  async loadMore() {
    if (!this.cursor || this.loading) return;
    const generation = this.generation;
    this.loading = true;
    this.error = null;
    this.host.requestUpdate();
    try {
      const page = await this.options.next(this.cursor);
      if (generation !== this.generation) return;
      const { items, nextCursor } = this.options.keep?.(page) ?? page;
      const seen = new Set(this.items.map((item) => item.id));
      this.items = [...this.items, ...items.filter((item) => !seen.has(item.id))];
      this.cursor = nextCursor;
    } catch (error) {
      if (generation === this.generation) this.error = error;
    } finally {
      this.loading = false;
      this.host.requestUpdate();
    }
  }
}

/** "Load more" under a list while there is more, and why the last attempt failed (it then offers to try again). */
export function loadMoreButton<T extends { id: string }>(paging: Paging<T>, i18n: I18n) {
  const { t } = i18n;
  return html`${paging.error ? html`<p class="field-error" role="alert">${errorText(paging.error, i18n)}</p>` : nothing}
  ${paging.cursor
    ? html`<button type="button" class="btn secondary" part="load-more" ?disabled=${paging.loading} @click=${() => paging.loadMore()}>
        ${paging.loading ? t.list.loadingMore : paging.error ? t.retry : t.list.loadMore}
      </button>`
    : nothing}`;
}
