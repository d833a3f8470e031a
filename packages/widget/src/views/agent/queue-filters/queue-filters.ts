import { html, nothing } from 'lit';
import { CATEGORIES, PLAN_IDS, PRIORITIES, STATUSES, type DomainLabels } from '@support-tickets/core';
import type { OrgSummary } from '../../../api/types';
import type { Field } from '../../../translations/index';
import { Debounce } from '../../../ui/debounce';
import { formStyles } from '../../../ui/form.styles';
import { sharedStyles } from '../../../ui/shared.styles';
import { AgentElement } from '../agent-element';
import type { QueueFilters } from '../agent-store';
import { styles } from './queue-filters.styles';

const ORG_SUGGESTIONS = 20;
/** Below this width the filters used less often fold into "More filters". */
const NARROW_PX = 560;

/**
 * The queue's filters: status, priority, category, plan, organisation (searched by name as
 * the agent types), "assigned to me" and a subject search. Typing waits for a pause. In a
 * narrow box all but status and search fold into "More filters", so the queue stays in view.
 *
 * The filters live in the workspace's store, so the queue and this form read the same ones.
 *
 * @summary Filters of the agent queue.
 * @tag support-tickets-queue-filters
 * @csspart filters - The form.
 */
export class QueueFiltersForm extends AgentElement {
  static override styles = [sharedStyles, formStyles, styles];

  static override properties = {
    search: { state: true },
    orgText: { state: true },
    orgs: { state: true },
    orgUnknown: { state: true },
    narrow: { state: true },
    moreOpen: { state: true },
  };

  /** What is typed in the subject search, ahead of the filter. */
  declare private search: string;
  /** What is typed in the organisation field. */
  declare private orgText: string;
  declare private orgs: OrgSummary[];
  declare private orgUnknown: boolean;
  declare private narrow: boolean;
  declare private moreOpen: boolean;

  private resize: ResizeObserver | null = null;

  /** The filters the fields were last drawn from. */
  private shown: QueueFilters | null = null;
  private readonly searchTyping = new Debounce(this);
  private readonly orgTyping = new Debounce(this);
  private orgRequest: AbortController | null = null;

  constructor() {
    super();
    this.search = '';
    this.orgText = '';
    this.orgs = [];
    this.orgUnknown = false;
    this.narrow = false;
    this.moreOpen = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.search = this.store.queueFilters.q;
    if (typeof ResizeObserver === 'undefined') return;
    this.resize = new ResizeObserver(([entry]) => {
      const narrow = (entry?.contentRect.width ?? NARROW_PX) < NARROW_PX;
      if (narrow !== this.narrow) this.narrow = narrow;
    });
    this.resize.observe(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resize?.disconnect();
    this.resize = null;
    this.orgRequest?.abort();
  }

  private get filters(): QueueFilters {
    return this.store.queueFilters;
  }

  protected override willUpdate() {
    // Filters changed elsewhere (cleared, or restored): the fields show them.
    const before = this.shown;
    const filters = this.filters;
    if (filters === before) return;
    this.shown = filters;
    if (filters.orgId !== (before?.orgId ?? '') && filters.orgId !== this.resolve(this.orgText)?.id) {
      this.orgText = filters.orgId ? (this.store.orgName(filters.orgId) ?? filters.orgId) : '';
    }
    if (filters.q !== (before?.q ?? '') && filters.q !== this.search.trim()) this.search = filters.q;
  }

  protected override updated() {
    // Options render after the selects' own bindings; settle each selection once they exist.
    for (const select of this.renderRoot.querySelectorAll<HTMLSelectElement>('select')) {
      const value = String(this.filters[select.name as keyof QueueFilters] ?? '');
      if (select.value !== value) select.value = value;
    }
  }

  private set(change: Partial<QueueFilters>) {
    this.store.filterQueue(change);
  }

  private onSelect(event: Event) {
    const select = event.target as HTMLSelectElement;
    this.set({ [select.name]: select.value });
  }

  private onSearch(event: Event) {
    this.search = (event.target as HTMLInputElement).value;
    this.searchTyping.run(() => this.set({ q: this.search }));
  }

  /** The organisation the text names: by name (any case) or id, among those suggested. */
  private resolve(text: string): OrgSummary | undefined {
    const wanted = text.trim().toLocaleLowerCase();
    if (!wanted) return undefined;
    return this.orgs.find((org) => org.name.toLocaleLowerCase() === wanted || org.id.toLocaleLowerCase() === wanted);
  }

  private onOrgInput(event: Event) {
    this.orgText = (event.target as HTMLInputElement).value;
    this.orgUnknown = false;
    const match = this.resolve(this.orgText);
    if (match) {
      this.orgTyping.cancel();
      if (match.id !== this.filters.orgId) this.set({ orgId: match.id });
      return;
    }
    if (!this.orgText.trim() && this.filters.orgId) this.set({ orgId: '' });
    this.orgTyping.run(() => void this.suggest(this.orgText));
  }

  /** Suggests organisations whose name or id contains the text; an exact one becomes the filter. */
  private async suggest(text: string) {
    this.orgRequest?.abort();
    const request = (this.orgRequest = new AbortController());
    try {
      const page = await this.store.orgList(this.ctx.api, { ...(text.trim() ? { q: text.trim() } : {}), limit: ORG_SUGGESTIONS }, request.signal);
      if (request.signal.aborted) return;
      this.orgs = page.items;
      const match = this.resolve(this.orgText);
      if (match && match.id !== this.filters.orgId) this.set({ orgId: match.id });
      this.orgUnknown = Boolean(this.orgText.trim()) && !match && page.items.length === 0;
      if (this.orgUnknown && this.filters.orgId) this.set({ orgId: '' });
    } catch {
      // Suggestions are a convenience; the field keeps working without them.
    }
  }

  protected override render() {
    const { t, i18n } = this;
    const q = t.queue;
    const f = this.filters;
    const select = <K extends Field>(field: K, name: keyof QueueFilters, values: ReadonlyArray<keyof DomainLabels[K] & string>) =>
      html`<div class="field">
        <label for=${name}>${t.field[field]}</label>
        <select id=${name} name=${name} @change=${this.onSelect}>
          <option value="" ?selected=${f[name] === ''}>${t.all[field]}</option>
          ${values.map((value) => html`<option value=${value} ?selected=${f[name] === value}>${i18n.labels[field][value]}</option>`)}
        </select>
      </div>`;
    const org = html`<div class="field">
      <label for="org">${q.org}</label>
      <input
        id="org"
        type="search"
        dir="auto"
        autocomplete="off"
        list="org-options"
        .value=${this.orgText}
        placeholder=${q.orgPlaceholder}
        aria-describedby=${this.orgUnknown ? 'org-unknown' : nothing}
        @input=${this.onOrgInput}
        @focus=${() => this.orgs.length === 0 && void this.suggest(this.orgText)}
      />
      <datalist id="org-options">
        ${this.orgs.map((o) => html`<option value=${o.name}>${i18n.labels.plan[o.planId]}</option>`)}
      </datalist>
      ${this.orgUnknown ? html`<p class="hint" id="org-unknown">${q.orgUnknown}</p>` : nothing}
    </div>`;
    const search = html`<div class="field">
      <label for="q">${t.list.search}</label>
      <input id="q" type="search" dir="auto" .value=${this.search} placeholder=${t.list.searchPlaceholder} @input=${this.onSearch} />
    </div>`;
    const mine = html`<label class="check">
      <input type="checkbox" .checked=${f.mine} @change=${(e: Event) => this.set({ mine: (e.target as HTMLInputElement).checked })} />
      <span>${q.mine}</span>
    </label>`;
    const status = select('status', 'status', STATUSES);
    const more = [select('priority', 'priority', PRIORITIES), select('category', 'category', CATEGORIES), select('plan', 'planId', [...PLAN_IDS, 'custom']), org];
    const active = [f.priority, f.category, f.planId, f.orgId, f.mine].filter(Boolean).length;
    return html`<form class="filters" part="filters" role="search" aria-label=${q.filters} @submit=${(e: Event) => e.preventDefault()}>
      ${this.narrow
        ? html`${status} ${search}
            <details class="more" ?open=${this.moreOpen} @toggle=${(e: Event) => (this.moreOpen = (e.target as HTMLDetailsElement).open)}>
              <summary>${q.moreFilters(active, i18n.number(active))}</summary>
              <div class="filters">${more} ${mine}</div>
            </details>`
        : html`${status} ${more} ${search} ${mine}`}
    </form>`;
  }
}
