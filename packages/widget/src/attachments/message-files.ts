import { showsInline } from '@support-tickets/core';
import { css, html, LitElement, nothing } from 'lit';
import type { TicketMessage } from '../api/types';
import type { WidgetContext } from '../base/context';
import { sharedStyles } from '../ui/shared.styles';
import { ATTACH_WORDS, fileSize } from './words';

type File = TicketMessage['attachments'][number];

/**
 * A message's files: images the server shows inline as thumbnails that open full size, every
 * other file as a chip with its name and size that downloads. Links are the server's signed
 * ones, read against the API's origin.
 *
 * @tag st-files
 */
export class MessageFiles extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; margin-block-start: 0.5rem; }
      ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; }
      /* A fixed box: the thread never jumps as images arrive, and a tiny image still shows. */
      img { display: block; inline-size: 6rem; block-size: 4.5rem; object-fit: cover; border-radius: var(--st-radius, 6px); border: 1px solid var(--_border, #d0d5dd); }
      a { color: inherit; }
    `,
  ];

  static override properties = { ctx: { attribute: false }, files: { attribute: false } };

  declare ctx: WidgetContext | undefined;
  declare files: readonly File[];

  constructor() {
    super();
    this.ctx = undefined;
    this.files = [];
  }

  override render() {
    const ctx = this.ctx;
    if (!ctx || this.files.length === 0) return nothing;
    const w = ATTACH_WORDS[ctx.i18n.lang];
    const base = new URL(ctx.api.files.url || '/', document.baseURI);
    return html`<ul aria-label=${w.files} part="files">
      ${this.files.map((file) => {
        const href = new URL(file.url, base).href;
        const size = fileSize(file.size, ctx.i18n.lang);
        return html`<li>
          ${showsInline(file.contentType)
            ? html`<a href=${href} target="_blank" rel="noopener noreferrer" title=${`${file.name} · ${size}`} aria-label=${w.open(file.name)}>
                <img src=${href} alt=${file.name} loading="lazy" />
              </a>`
            : html`<a class="chip plain" href=${href} download=${file.name} rel="noopener noreferrer" aria-label=${w.download(file.name)}>${file.name} · ${size}</a>`}
        </li>`;
      })}
    </ul>`;
  }
}
