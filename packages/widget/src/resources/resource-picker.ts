import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import type { WidgetContext } from '../base/context';
import type { RouterOutputs } from '@support-tickets/server';
import { WidgetElement } from '../base/widget-element';
import { formStyles } from '../ui/form.styles';
import { definedIn } from '../ui/on-demand';
import { sharedStyles } from '../ui/shared.styles';
import { RESOURCE_WORDS } from './words';

type Resource = RouterOutputs['me']['get']['resources'][number];

/** With more resources than this, a search narrows the list. */
const FILTER_FROM = 6;

/**
 * The cloud resources a new ticket is about: the ones the person's token lists (as the server
 * verified them, `me.get`), as checkboxes, with a search when there are many. The host's
 * `resource-id` is picked to start with when the token lists it. The picks live in the
 * workspace's store with the rest of the draft; the form asks `ids` when sending.
 *
 * @summary Pick the resources a new ticket is about.
 * @tag st-resources
 */
export class ResourcePicker extends WidgetElement {
  static override styles = [
    sharedStyles,
    formStyles,
    css`
      :host { display: block; }
      ul { list-style: none; margin: 0.4rem 0 0; padding: 0; display: grid; gap: 0.5rem; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); }
      input[type='search'] { margin-block-start: 0.4rem; }
      .count { font-weight: 400; color: var(--_muted); }
    `,
  ];

  static override properties = { query: { state: true } };

  declare private query: string;

  private readonly resources = new Task(this, {
    task: async ([api], { signal }) => {
      const { resources } = await api.call('me.get', (client) => client.me.get.query(undefined, { signal }), signal);
      // The host's preselection applies once, to a draft nobody has picked for yet.
      const preset = this.ctx.resourceId;
      this.store.ticketResources ??= preset && resources.some((r) => r.id === preset) ? [preset] : [];
      return resources;
    },
    args: () => [this.ctx.api] as const,
  });

  constructor() {
    super();
    this.query = '';
  }

  private get words() {
    return RESOURCE_WORDS[this.i18n.lang];
  }

  private get chosen(): readonly string[] {
    return this.store.ticketResources ?? [];
  }

  /** The ids picked, in the token's order; undefined when none (the ticket goes without). */
  get ids(): string[] | undefined {
    const ids = (this.resources.value ?? []).filter((r) => this.chosen.includes(r.id)).map((r) => r.id);
    return ids.length > 0 ? ids : undefined;
  }

  private toggle(id: string, on: boolean) {
    const rest = this.chosen.filter((chosen) => chosen !== id);
    this.store.ticketResources = on ? [...rest, id] : rest;
    this.requestUpdate();
  }

  private found(resource: Resource): boolean {
    const query = this.query.trim().toLocaleLowerCase();
    return !query || [resource.name, resource.type, resource.region ?? '', resource.id].some((part) => part.toLocaleLowerCase().includes(query));
  }

  protected override render() {
    const { words, i18n } = this;
    const list = this.resources.value;
    const picked = this.chosen.length;
    return html`<fieldset class="field" aria-describedby="resources-hint">
      <legend class="label">
        ${words.legend} <span class="count">${`(${words.optional})`}</span>
        ${picked ? html`<span class="count">· ${words.chosen(picked, i18n.number(picked))}</span>` : nothing}
      </legend>
      <p class="hint" id="resources-hint">${words.hint}</p>
      ${this.resources.render({
        pending: () => html`<p class="muted" aria-busy="true">${this.t.loading}</p>`,
        error: () => html`<p class="field-error">${words.loadFailed}</p>`,
        complete: () => (list ? this.renderList(list) : nothing),
      })}
    </fieldset>`;
  }

  private renderList(list: readonly Resource[]) {
    const { words } = this;
    const shown = list.filter((r) => this.chosen.includes(r.id) || this.found(r));
    return html`${list.length > FILTER_FROM
        ? html`<input type="search" aria-label=${words.filter} placeholder=${words.filter} .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />`
        : nothing}
      ${shown.length === 0
        ? html`<p class="muted" role="status">${words.none}</p>`
        : html`<ul>
            ${shown.map(
              (r) => html`<li>
                <label class="option">
                  <input type="checkbox" value=${r.id} .checked=${this.chosen.includes(r.id)} @change=${(e: Event) => this.toggle(r.id, (e.target as HTMLInputElement).checked)} />
                  <span class="option-text">
                    <span class="option-label" dir="auto">${r.name}</span>
                    <span class="muted" dir="auto">${r.region ? `${r.type} · ${r.region}` : r.type}</span>
                  </span>
                </label>
              </li>`,
            )}
          </ul>`}`;
  }
}

/** The form's resource picker (`<st-resources>`), when the token lists resources (else nothing, and nothing asked). */
export function resourcePicker(ctx: WidgetContext) {
  return ctx.session.resources ? html`<st-resources></st-resources>` : nothing;
}

/** The resource picker of the form in `root`, asked for the chosen ids when sending. */
export const pickerIn = (root: ParentNode): ResourcePicker | null => definedIn(root, 'st-resources');
