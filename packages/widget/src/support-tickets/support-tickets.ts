import { html, LitElement, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { createApi, type SupportApi } from '../api/client';
import { readSession, type Session } from '../api/session';
import { clockContext, ContextProvider, EXPORTPARTS, widgetContext, type WidgetContext } from '../base/context';
import { dispatch, type DetailOf, type SupportTicketsEventName } from '../events';
import { localize, type I18n } from '../i18n/localize';
import { LiveHub } from '../live/hub';
import { loadTranslation, toLang, translation, type Lang } from '../translations/index';
import { sharedStyles } from '../ui/shared.styles';
import { ChunkOf, onDemand } from '../ui/on-demand';
import { emptyState } from '../ui/states';
import { styles } from './support-tickets.styles';

const CLOCK_MS = 30_000;

// The agent's workspace is a chunk of its own, beside this file: customers never download it.
const loadAgentView = onDemand(() => import('../views/agent/index'));

/**
 * The support tickets of the signed-in person, embeddable in any page with one script tag.
 * Customers and organisation admins see their tickets, open and answer them, and see their
 * support plan; agents get the workspace (the queue of every organisation, tickets with
 * internal notes, organisations and their plans, the SLA overview), loaded on demand from a
 * second file beside this one. Everything on screen follows changes live (`ticket.onChange`).
 *
 * @summary Embeddable helpdesk: a customer's tickets, or the agent workspace, by the token's role.
 * @tag support-tickets
 *
 * @fires {CustomEvent<{ ticket: Ticket }>} support-ticket-created - A ticket was opened.
 * @fires {CustomEvent<{ ticket: Ticket }>} support-ticket-replied - The person replied to a ticket (an agent's internal note is not a reply).
 * @fires {CustomEvent<{ ticket: Ticket }>} support-ticket-closed - The person closed a ticket.
 * @fires {CustomEvent<{ error: SupportTicketsError }>} support-error - An API call failed (after one token refresh, if any).
 *
 * @slot footer - Shown under every view, e.g. a phone number or a link to the status page.
 *
 * @csspart base - The widget's box.
 * @csspart header - The header with navigation.
 * @csspart nav - The navigation between tickets and plans.
 * @csspart new-ticket - The "New ticket" button.
 * @csspart list - The list of tickets.
 * @csspart ticket - A ticket row.
 * @csspart sla - An SLA chip.
 * @csspart filters - The filters (status and subject search; for agents also priority, category, plan, organisation, assigned to me).
 * @csspart load-more - The "Load more" button.
 * @csspart form - The new-ticket form.
 * @csspart submit - The submit button of a form (open ticket, send reply).
 * @csspart detail - A ticket's page.
 * @csspart thread - The conversation.
 * @csspart message - One message of the conversation.
 * @csspart composer - The reply form.
 * @csspart close - The "Close ticket" button.
 * @csspart banner - The notice of a ticket waiting on the customer, or closed.
 * @csspart timeline - A ticket's timeline.
 * @csspart plans - The support plans page.
 * @csspart plan-table - The plan comparison table.
 * @csspart current-plan - The organisation's plan column header.
 * @csspart empty - An empty state.
 * @csspart error - An error state.
 * @csspart queue - Agents: the queue's list of tickets.
 * @csspart note - Agents: an internal note in a ticket's conversation.
 * @csspart actions - Agents: a ticket's actions (accept, priority, category, close).
 * @csspart accept - Agents: the accept button.
 * @csspart explanation - Agents: the "Why is this due then?" disclosure.
 * @csspart org-panel - Agents: an organisation's panel.
 * @csspart plan-form - Agents: the form that changes an organisation's plan.
 * @csspart org-list - Agents: the list of organisations.
 * @csspart sla-overview - Agents: the SLA overview.
 *
 * @cssproperty [--st-font=inherit] - Font family; the host page's by default.
 * @cssproperty [--st-font-size=1rem] - Base font size.
 * @cssproperty --st-accent - Buttons, links and focus rings.
 * @cssproperty --st-accent-fg - Text on the accent colour.
 * @cssproperty --st-link - Link colour (the accent by default).
 * @cssproperty --st-bg - Background.
 * @cssproperty --st-surface - Raised and muted surfaces (rows on hover, support messages).
 * @cssproperty --st-fg - Text.
 * @cssproperty --st-muted - Secondary text.
 * @cssproperty --st-border - Borders.
 * @cssproperty --st-border-strong - Borders of inputs.
 * @cssproperty --st-danger - Errors and overdue SLAs; `--st-danger-bg` behind them.
 * @cssproperty --st-warning - SLAs at risk; `--st-warning-bg` behind them.
 * @cssproperty --st-success - SLAs on track and met; `--st-success-bg` behind them.
 * @cssproperty --st-info - Waiting-on-you notices; `--st-info-bg` behind them.
 * @cssproperty --st-focus - Focus ring colour.
 * @cssproperty [--st-radius=8px] - Corner radius.
 * @cssproperty [--st-gap=1rem] - Spacing unit.
 * @cssproperty [--st-padding=1rem] - Padding of the widget's box.
 * @cssproperty [--st-border-width=1px] - Border of the widget's box (0 to blend into the page).
 * @cssproperty [--st-min-height=24rem] - Minimum height, so the page does not jump while loading.
 */
export class SupportTickets extends LitElement {
  static override styles = [sharedStyles, styles];

  static override properties = {
    apiUrl: { attribute: 'api-url' },
    token: {},
    lang: { reflect: true },
    resourceId: { attribute: 'resource-id' },
    getToken: { attribute: false },
    session: { state: true },
    tokenProblem: { state: true },
    generation: { state: true },
  };

  /** Where the server is; the API is at `${apiUrl}/trpc`. Empty: this page's origin. */
  declare apiUrl: string;
  /** The signed-in person's API token (JWT). */
  declare token: string;
  /** `fa` (default, right-to-left, Jalali dates) or `en`. */
  declare lang: string;
  /**
   * A cloud resource to preselect in the new-ticket form (an `id` of the token's `resources`),
   * e.g. the server the page is about. Ignored when the token does not list it.
   */
  declare resourceId: string;
  /**
   * Gives a fresh token: called when there is no `token`, and once when the API answers
   * UNAUTHORIZED (then the call is retried with the new token).
   */
  declare getToken: (() => Promise<string>) | undefined;

  declare private session: Session | null;
  declare private tokenProblem: 'missing' | 'unreadable' | 'pending' | null;
  /** Bumped when the person changes: views start over (drafts belong to the person). */
  declare private generation: number;

  /** The agent's workspace, loaded when an agent's token arrives. */
  private readonly agentView = new ChunkOf(this, loadAgentView, 'support-tickets-agent');
  private readonly live = new LiveHub();
  /** What the live stream follows: it restarts when the API or the person changes. */
  private liveFor: { api: SupportApi; generation: number } | null = null;
  private currentToken: string | null = null;
  private api: SupportApi | null = null;
  private context: WidgetContext | null = null;
  private readonly provider = new ContextProvider(this, widgetContext);
  private readonly clockProvider = new ContextProvider(this, clockContext, new Date());
  private clock: ReturnType<typeof setInterval> | undefined;
  private tokenRequest: Promise<string | null> | null = null;
  /** The language on screen: the one asked for once its words are here, until then the one shown before. */
  private shown: I18n | null = null;
  /** A language whose download failed: not asked for again until `lang` changes. */
  private failedLang: Lang | null = null;

  constructor() {
    super();
    this.apiUrl = '';
    this.token = '';
    this.lang = 'fa';
    this.resourceId = '';
    this.getToken = undefined;
    this.session = null;
    this.tokenProblem = 'missing';
    this.generation = 0;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.clockProvider.set(new Date());
    this.clock = setInterval(() => this.clockProvider.set(new Date()), CLOCK_MS);
    this.followChanges();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.clock);
    this.live.stop();
    this.liveFor = null;
  }

  /** Opens the live stream for the current person, or closes it when there is none. */
  private followChanges() {
    if (!this.isConnected || !this.api || !this.session) {
      this.live.stop();
      this.liveFor = null;
      return;
    }
    if (this.liveFor?.api === this.api && this.liveFor.generation === this.generation && this.live.following) return;
    this.liveFor = { api: this.api, generation: this.generation };
    this.live.start(this.api);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('token') || changed.has('getToken')) this.adoptToken();
    if (changed.has('apiUrl') || !this.api) this.api = this.makeApi();
    if (changed.has('lang')) this.failedLang = null;
    this.followChanges();
    const i18n = this.language();
    if (!this.api || !this.session || !i18n) {
      this.context = null;
      return;
    }
    const ctx = this.context;
    if (!ctx || ctx.api !== this.api || ctx.i18n !== i18n || ctx.session !== this.session || ctx.resourceId !== this.resourceId) {
      this.context = {
        api: this.api,
        i18n,
        session: this.session,
        live: this.live,
        resourceId: this.resourceId,
        emit: (name, detail) => this.emit(name, detail),
      };
      this.provider.set(this.context);
    }
  }

  /**
   * The words to show: those of `lang` once here (English is downloaded the first time it is
   * asked for), the previous language's meanwhile so nothing on screen starts over, and none
   * before the first. Should the download fail, Persian (always here) rather than nothing.
   */
  private language(): I18n | null {
    const wanted = toLang(this.lang);
    if (translation(wanted)) return (this.shown = localize(wanted));
    if (this.failedLang === wanted) return (this.shown ??= localize('fa'));
    loadTranslation(wanted).then(
      () => this.requestUpdate(),
      () => {
        this.failedLang = wanted;
        this.requestUpdate();
      },
    );
    return this.shown;
  }

  /** Takes the `token` attribute, or asks `getToken` when there is none. */
  private adoptToken() {
    if (this.token) {
      if (this.token !== this.currentToken) this.useToken(this.token, true);
      return;
    }
    if (this.getToken) {
      this.tokenProblem = 'pending';
      void this.requestToken().then((token) => {
        if (!token) this.tokenProblem = 'missing';
      });
      return;
    }
    this.currentToken = null;
    this.session = null;
    this.tokenProblem = 'missing';
  }

  private useToken(token: string, personMayChange: boolean) {
    const previous = this.session;
    this.currentToken = token;
    const session = readSession(token);
    this.tokenProblem = session ? null : 'unreadable';
    const samePerson = previous && session && previous.userId === session.userId && previous.role === session.role;
    if (samePerson) return;
    this.session = session;
    if (personMayChange) this.generation += 1;
  }

  private requestToken(): Promise<string | null> {
    const getToken = this.getToken;
    if (!getToken) return Promise.resolve(null);
    this.tokenRequest ??= getToken()
      .then((token) => {
        if (token) this.useToken(token, !this.session);
        return token || null;
      })
      .catch(() => null)
      .finally(() => (this.tokenRequest = null));
    return this.tokenRequest;
  }

  private makeApi(): SupportApi {
    return createApi({
      url: this.apiUrl,
      tokens: {
        current: async () => this.currentToken ?? (this.tokenRequest ? await this.tokenRequest : null),
        refresh: () => this.requestToken(),
      },
      onError: (error) => this.emit('support-error', { error }),
    });
  }

  private emit<K extends SupportTicketsEventName>(name: K, detail: DetailOf<K>) {
    dispatch(this, name, detail);
  }

  protected override render() {
    const i18n = this.shown;
    // Before the first language arrives: the box, busy and wordless (no raw keys, no layout jump).
    if (!i18n) {
      return html`<div class="base" part="base" aria-busy="true">
        <div class="view"><div class="state"></div></div>
        <slot name="footer"></slot>
      </div>`;
    }
    return html`<div class="base" part="base" dir=${i18n.dir} lang=${i18n.lang}>
      <div class="view">${this.renderView(i18n)}</div>
      <slot name="footer"></slot>
    </div>`;
  }

  private renderView(i18n: I18n) {
    const ctx = this.context;
    if (this.tokenProblem === 'pending') {
      return html`<div class="state" aria-busy="true"><p class="muted">${i18n.t.loading}</p></div>`;
    }
    if (this.tokenProblem === 'unreadable') {
      return html`<div class="state" data-kind="error" role="alert" part="error"><p>${i18n.t.errors.badToken}</p></div>`;
    }
    if (!ctx) return emptyState(i18n.t.widgetLabel, i18n.t.errors.noToken);
    if (ctx.session.role !== 'agent') {
      return keyed(
        this.generation,
        html`<support-tickets-customer exportparts=${EXPORTPARTS}></support-tickets-customer>`,
      );
    }
    return this.agentView.render(i18n, keyed(this.generation, html`<support-tickets-agent exportparts=${EXPORTPARTS}></support-tickets-agent>`));
  }
}
