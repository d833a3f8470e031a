import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { CATEGORIES, PLAN_IDS, PRIORITIES, STATUSES } from '@support-tickets/core';
import type { OrgSummary } from '../../../api/types';
import type { WidgetContext } from '../../../context';
import { Debounce } from '../../../ui/debounce';
import { formStyles } from '../../../ui/form.styles';
import { sharedStyles } from '../../../ui/shared.styles';
import { QUEUE_FILTERS_EVENT, type QueueFilters } from '../queue-query';
import type { OrgDirectory } from '../org-directory';
import { styles } from './queue-filters.styles';
import { agentText } from '../../../translations/agent/index';

const ORG_SUGGESTIONS = 20;
/** Below this width the filters used less often fold into "More filters". */
const NARROW_PX = 560;

/**
 * The queue's filters: status, priority, category, plan, organisation (searched by name as
 * the agent types), "assigned to me" and a subject search. Typing waits for a pause. In a
 * narrow box all but status and search fold into "More filters", so the queue stays in view.
 *
 * @summary Filters of the agent queue.
 * @tag support-tickets-queue-filters
 * @fires st-queue-filters - The filters changed (internal).
 * @csspart filters - The form.
 */
export class QueueFiltersForm extends LitElement {
  static override styles = [sharedStyles, formStyles, styles];

  static override properties = {
    ctx: { attribute: false },
    filters: { attribute: false },
    directory: { attribute: false },
    search: { state: true },
    orgText: { state: true },
    orgs: { state: true },
    orgUnknown: { state: true },
    narrow: { state: true },
    moreOpen: { state: true },
  };

  declare ctx: WidgetContext;
  declare filters: QueueFilters;
  declare directory: OrgDirectory;
  /** What is typed in the subject search, ahead of the filter. */
  declare private search: string;
  /** What is typed in the organisation field. */
  declare private orgText: string;
  declare private orgs: OrgSummary[];
  declare private orgUnknown: boolean;
  declare private narrow: boolean;
  declare private moreOpen: boolean;

  private resize: ResizeObserver | null = null;

  /** What this form last asked for, until the workspace hands it back as `filters`. */
  private latest: QueueFilters | null = null;
  private readonly sent = new WeakSet<QueueFilters>();
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
    this.search = this.filters?.q ?? '';
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

  protected override willUpdate(changed: PropertyValues<this>) {
    // Filters changed elsewhere (cleared, or restored): the fields show them.
    const before = changed.get('filters') as QueueFilters | undefined;
    if (!changed.has('filters') || !this.filters) return;
    // Changes made in one go build on each other, not on filters the workspace has not handed back yet.
    if (this.filters === this.latest || !this.sent.has(this.filters)) this.latest = null;
    if (this.filters.orgId !== (before?.orgId ?? '') && this.filters.orgId !== this.resolve(this.orgText)?.id) {
      this.orgText = this.filters.orgId ? (this.directory?.name(this.filters.orgId) ?? this.filters.orgId) : '';
    }
    if (this.filters.q !== (before?.q ?? '') && this.filters.q !== this.search.trim()) this.search = this.filters.q;
  }

  protected override updated() {
    // Options render after the selects' own bindings; settle each selection once they exist.
    for (const select of this.renderRoot.querySelectorAll<HTMLSelectElement>('select')) {
      const value = String(this.filters[select.name as keyof QueueFilters] ?? '');
      if (select.value !== value) select.value = value;
    }
  }

  private set(change: Partial<QueueFilters>) {
    const filters = { ...(this.latest ?? this.filters), ...change };
    this.latest = filters;
    this.sent.add(filters);
    this.dispatchEvent(new CustomEvent<QueueFilters>(QUEUE_FILTERS_EVENT, { detail: filters, bubbles: true }));
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
      if (match.id !== (this.latest ?? this.filters).orgId) this.set({ orgId: match.id });
      return;
    }
    if (!this.orgText.trim() && (this.latest ?? this.filters).orgId) this.set({ orgId: '' });
    this.orgTyping.run(() => void this.suggest(this.orgText));
  }

  /** Suggests organisations whose name or id contains the text; an exact one becomes the filter. */
  private async suggest(text: string) {
    this.orgRequest?.abort();
    const request = (this.orgRequest = new AbortController());
    try {
      const page = await this.ctx.api.listOrgs({ ...(text.trim() ? { q: text.trim() } : {}), limit: ORG_SUGGESTIONS }, request.signal);
      if (request.signal.aborted) return;
      this.orgs = page.items;
      this.directory?.remember(page.items);
      const match = this.resolve(this.orgText);
      if (match && match.id !== (this.latest ?? this.filters).orgId) this.set({ orgId: match.id });
      this.orgUnknown = Boolean(this.orgText.trim()) && !match && page.items.length === 0;
      if (this.orgUnknown && (this.latest ?? this.filters).orgId) this.set({ orgId: '' });
    } catch {
      // Suggestions are a convenience; the field keeps working without them.
    }
  }

  protected override render() {
    const { t, labels } = this.ctx.i18n;
    const q = agentText(this.ctx.i18n).queue;
    const f = this.filters;
    const select = (name: keyof QueueFilters, label: string, all: string, values: readonly string[], text: (value: string) => string) =>
      html`<div class="field">
        <label for=${name}>${label}</label>
        <select id=${name} name=${name} @change=${this.onSelect}>
          <option value="" ?selected=${f[name] === ''}>${all}</option>
          ${values.map((value) => html`<option value=${value} ?selected=${f[name] === value}>${text(value)}</option>`)}
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
        ${this.orgs.map((o) => html`<option value=${o.name}>${labels.plan[o.planId]}</option>`)}
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
    const status = select('status', t.list.status, t.list.allStatuses, STATUSES, (v) => labels.status[v as keyof typeof labels.status]);
    const more = [
      select('priority', q.priority, q.allPriorities, PRIORITIES, (v) => labels.priority[v as keyof typeof labels.priority]),
      select('category', q.category, q.allCategories, CATEGORIES, (v) => labels.category[v as keyof typeof labels.category]),
      select('planId', q.plan, q.allPlans, [...PLAN_IDS, 'custom'], (v) => labels.plan[v as keyof typeof labels.plan]),
      org,
    ];
    const active = [f.priority, f.category, f.planId, f.orgId, f.mine].filter(Boolean).length;
    return html`<form class="filters" part="filters" role="search" aria-label=${q.filters} @submit=${(e: Event) => e.preventDefault()}>
      ${this.narrow
        ? html`${status} ${search}
            <details class="more" ?open=${this.moreOpen} @toggle=${(e: Event) => (this.moreOpen = (e.target as HTMLDetailsElement).open)}>
              <summary>${q.moreFilters(active, this.ctx.i18n.number(active))}</summary>
              <div class="filters">${more} ${mine}</div>
            </details>`
        : html`${status} ${more} ${search} ${mine}`}
    </form>`;
  }
}
