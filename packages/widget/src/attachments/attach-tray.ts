import { ATTACHMENT_MAX_BYTES, MAX_ATTACHMENTS_PER_MESSAGE } from '@support-tickets/core';
import { css, html, LitElement, nothing } from 'lit';
import type { WidgetContext } from '../base/context';
import { sharedStyles } from '../ui/shared.styles';
import { uploadFile, UploadError, type UploadHandle } from './upload';
import { ATTACH_WORDS, fileSize, type AttachWords } from './words';

interface Item {
  key: number;
  name: string;
  size: number;
  status: 'uploading' | 'done' | 'failed';
  progress: number;
  id?: string;
  error?: string;
  handle?: UploadHandle;
}

let keys = 0;

/**
 * The files of a message being written: an attach button (a file picker), files dropped on or
 * pasted into the surrounding form, each uploaded at once with its own progress bar and
 * cancel, as a chip with its size; a failed file says why on its own line and leaves the
 * typed text alone. The form asks `ids` when sending and `clear()` once sent.
 *
 * @tag st-attach
 */
export class AttachTray extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      .row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
      ul { list-style: none; margin: 0.5rem 0 0; padding: 0; display: grid; gap: 0.375rem; }
      li { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
      progress { inline-size: 8rem; }
      .error { color: var(--_bad, #b42318); flex-basis: 100%; margin: 0; }
      :host([dragging]) .row { outline: 2px dashed currentColor; outline-offset: 4px; }
    `,
  ];

  static override properties = { ctx: { attribute: false }, items: { state: true }, dragging: { state: true } };

  declare ctx: WidgetContext | undefined;
  declare private items: Item[];
  declare private dragging: boolean;
  private form: HTMLFormElement | null = null;

  constructor() {
    super();
    this.ctx = undefined;
    this.items = [];
    this.dragging = false;
  }

  /** Ids of the files that finished uploading, in the order they were added; undefined when none did (the message goes without). */
  get ids(): string[] | undefined {
    const ids = this.items.filter((item) => item.status === 'done').map((item) => item.id!);
    return ids.length > 0 ? ids : undefined;
  }

  /** Why the message cannot go yet (files still uploading), or ''. */
  get waiting(): string {
    return this.items.some((item) => item.status === 'uploading') ? this.words.wait : '';
  }

  /** Forgets every file (the message went). */
  clear() {
    this.items = [];
  }

  private get words(): AttachWords {
    return ATTACH_WORDS[this.ctx?.i18n.lang ?? 'fa'];
  }

  override connectedCallback() {
    super.connectedCallback();
    this.form = this.closest('form');
    this.form?.addEventListener('paste', this.onPaste);
    this.form?.addEventListener('dragover', this.onDragOver);
    this.form?.addEventListener('dragleave', this.onDragLeave);
    this.form?.addEventListener('drop', this.onDrop);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.form?.removeEventListener('paste', this.onPaste);
    this.form?.removeEventListener('dragover', this.onDragOver);
    this.form?.removeEventListener('dragleave', this.onDragLeave);
    this.form?.removeEventListener('drop', this.onDrop);
  }

  private onPaste = (event: ClipboardEvent) => {
    const files = [...(event.clipboardData?.files ?? [])];
    if (files.length === 0) return; // text pastes into the field as usual
    event.preventDefault();
    this.add(files);
  };

  private onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.dragging = true;
    this.toggleAttribute('dragging', true);
  };

  private onDragLeave = () => {
    this.dragging = false;
    this.toggleAttribute('dragging', false);
  };

  private onDrop = (event: DragEvent) => {
    const files = [...(event.dataTransfer?.files ?? [])];
    this.onDragLeave();
    if (files.length === 0) return;
    event.preventDefault();
    this.add(files);
  };

  private onPick = (event: Event) => {
    const input = event.target as HTMLInputElement;
    this.add([...(input.files ?? [])]);
    input.value = '';
  };

  /** Uploads each file at once; past the most a message carries, a file is refused on its own line. */
  private add(files: File[]) {
    const ctx = this.ctx;
    if (!ctx) return;
    for (const file of files) {
      const taken = this.items.filter((item) => item.status !== 'failed').length;
      const name = file.name || `${this.words.pasted}.${(file.type.split('/')[1] ?? 'png').replace(/\W/g, '')}`;
      const item: Item = { key: ++keys, name, size: file.size, status: 'uploading', progress: 0 };
      this.items = [...this.items, item];
      if (taken >= MAX_ATTACHMENTS_PER_MESSAGE) {
        this.update1(item, { status: 'failed', error: this.words.tooMany(ctx.i18n.number(MAX_ATTACHMENTS_PER_MESSAGE)) });
        continue;
      }
      const handle = uploadFile(ctx.api.files, file, name, (progress) => this.update1(item, { progress }));
      item.handle = handle;
      handle.done.then(
        (uploaded) => this.update1(item, { status: 'done', id: uploaded.id, progress: 1 }),
        (error: unknown) => this.update1(item, { status: 'failed', error: this.describe(error) }),
      );
    }
  }

  private update1(item: Item, change: Partial<Item>) {
    Object.assign(item, change);
    this.items = [...this.items];
  }

  private describe(error: unknown): string {
    const w = this.words;
    if (!(error instanceof UploadError)) return w.failed;
    if (error.kind === 'cancelled') return w.cancelled;
    const lang = this.ctx?.i18n.lang ?? 'fa';
    if (error.reason?.kind === 'file_too_large') return w.tooLarge(fileSize(ATTACHMENT_MAX_BYTES, lang));
    if (error.reason?.kind === 'quota_exceeded') return w.quota(fileSize(error.reason.quotaBytes, lang));
    return w.failed;
  }

  private discard(item: Item) {
    item.handle?.cancel();
    this.items = this.items.filter((other) => other !== item);
  }

  override render() {
    const ctx = this.ctx;
    if (!ctx) return nothing;
    const w = this.words;
    const lang = ctx.i18n.lang;
    const full = this.items.filter((item) => item.status !== 'failed').length >= MAX_ATTACHMENTS_PER_MESSAGE;
    return html`<div class="row" part="attachments">
        <input id="files" type="file" multiple hidden @change=${this.onPick} />
        <button type="button" class="btn secondary" ?disabled=${full} @click=${() => this.renderRoot.querySelector<HTMLInputElement>('#files')?.click()}>
          ${w.attach}
        </button>
        <span class="hint">${this.dragging ? w.dropHere : w.limits(ctx.i18n.number(MAX_ATTACHMENTS_PER_MESSAGE), fileSize(ATTACHMENT_MAX_BYTES, lang))}</span>
      </div>
      ${this.items.length === 0
        ? nothing
        : html`<ul aria-label=${w.files}>
            ${this.items.map(
              (item) => html`<li data-status=${item.status}>
                <span class="chip plain">${item.name} · ${fileSize(item.size, lang)}</span>
                ${item.status === 'uploading'
                  ? html`<progress max="1" .value=${item.progress} aria-label=${w.progress(item.name)}></progress>
                      <button type="button" class="btn link" @click=${() => item.handle?.cancel()}>${w.cancel(item.name)}</button>`
                  : html`<button type="button" class="btn link" @click=${() => this.discard(item)}>${w.remove(item.name)}</button>`}
                ${item.error ? html`<p class="error" role="alert">${item.error}</p>` : nothing}
              </li>`,
            )}
          </ul>`}`;
  }
}
