import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { I18n } from '../i18n/localize';
import { errorState } from './states';

/**
 * A chunk of the widget imported the first time it is asked for: one download however many
 * ask, and a failed one may be tried again.
 */
export function onDemand(load: () => Promise<unknown>): () => Promise<unknown> {
  let chunk: Promise<unknown> | null = null;
  return () =>
    (chunk ??= load().catch((error: unknown) => {
      chunk = null;
      throw error;
    }));
}

/**
 * The element `tag` in `root` once its chunk has defined it. Before, the tag is a bare element
 * without its properties and methods: none is there to ask (and no file or choice can be in it).
 */
export function definedIn<K extends keyof HTMLElementTagNameMap>(root: ParentNode, tag: K): HTMLElementTagNameMap[K] | null {
  const element = root.querySelector(tag);
  const defined = customElements.get(tag);
  return defined && element instanceof defined ? element : null;
}

/**
 * The elements of an on-demand chunk, for the element that shows them: it asks for the chunk
 * when one is about to show, renders again when it arrives, and shows a retry when it fails.
 */
export class ChunkOf implements ReactiveController {
  private status: 'idle' | 'loading' | 'ready' | 'failed';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<unknown>,
    /** An element the chunk defines: already defined, the chunk is here. */
    private readonly tag: string,
  ) {
    this.status = customElements.get(tag) ? 'ready' : 'idle';
    host.addController(this);
  }

  hostConnected() {}

  /** `content` once the chunk is here; until then "Loading…", or the failure with a retry. */
  render(i18n: I18n, content: unknown) {
    // A chunk fetched ahead (or by another element) shows at once, without a "Loading…" first.
    if (this.status !== 'ready' && customElements.get(this.tag)) this.status = 'ready';
    // Asked for once; after a failure only the person's retry asks again.
    if (this.status === 'idle') this.request();
    if (this.status === 'ready') return content;
    if (this.status === 'failed') return errorState(i18n, new TypeError('chunk'), { retry: () => this.retry() });
    return html`<div class="state" aria-busy="true"><p class="muted">${i18n.t.loading}</p></div>`;
  }

  private retry() {
    this.request();
    this.host.requestUpdate();
  }

  private request() {
    this.status = 'loading';
    this.load().then(
      () => this.settle('ready'),
      () => this.settle('failed'),
    );
  }

  private settle(status: 'ready' | 'failed') {
    this.status = status;
    this.host.requestUpdate();
  }
}
