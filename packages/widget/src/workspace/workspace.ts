import { html, type TemplateResult } from 'lit';
import { ContextProvider, storeContext } from '../base/context';
import { WidgetElement } from '../base/widget-element';
import { BackEvent, NavigateEvent, type Route } from './events';
import { WorkspaceStore } from './store';

/** A view that knows where focus goes when it is opened. */
interface FocusableView extends WidgetElement {
  /** Back in a view: focus where the person was in it (the row they opened); false when there is nowhere. */
  focusReturn?(): boolean;
}

/**
 * A workspace, the customer's or the agent's: it routes between its views (tabs at the top,
 * pages under them that "back" and Escape leave for where the person came from), moves focus
 * into the view on screen after each switch (to its heading, or back where the person was;
 * never on first load: the host page keeps its focus), and owns the store its views share
 * (filters, drafts), provided to them as context.
 */
export abstract class Workspace<R extends Route> extends WidgetElement {
  static override properties = { route: { state: true } };

  declare protected route: R;
  /** Where each "back" leads: the routes the person came through. */
  private history: R[] = [];
  /** After the next update, focus goes into the view on screen. */
  private pendingFocus: 'heading' | 'return' | null = null;

  constructor(
    private readonly home: R,
    private readonly own = new WorkspaceStore(),
  ) {
    super();
    this.route = home;
    new ContextProvider(this, storeContext, own);
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented && this.back()) event.preventDefault();
    });
  }

  protected override get store(): WorkspaceStore {
    return this.own;
  }

  /** The tab a route belongs to; a tab is a route of its own, and opening one starts "back" over. */
  protected abstract tabOf(route: R): R['view'];
  /** Whether the event's route is one of this workspace's. */
  protected abstract owns(route: Route): route is R;

  override connectedCallback() {
    super.connectedCallback();
    this.renderRoot.addEventListener(NavigateEvent.type, (event) => {
      if (event instanceof NavigateEvent && this.owns(event.route)) this.navigate(event.route, event.replace);
    });
    this.renderRoot.addEventListener(BackEvent.type, () => this.back());
  }

  navigate(route: R, replace = false) {
    if (JSON.stringify(route) === JSON.stringify(this.route)) return;
    const tab = this.tabOf(route) === route.view;
    this.history = tab ? [] : replace ? this.history : [...this.history, this.route];
    this.route = route;
    this.pendingFocus = 'heading';
  }

  /** Goes where the person came from; false when there is nowhere (a tab). */
  back(): boolean {
    if (this.tabOf(this.route) === this.route.view) return false;
    const previous = this.history.pop() ?? this.home;
    this.route = previous;
    // Back in a tab: on the row that was opened.
    this.pendingFocus = this.tabOf(previous) === previous.view ? 'return' : 'heading';
    return true;
  }

  private current(): FocusableView | null {
    return this.renderRoot.querySelector('.view > :not([hidden])');
  }

  override focusHeading() {
    this.current()?.focusHeading();
  }

  protected override async updated() {
    const pending = this.pendingFocus;
    const view = pending && this.current();
    // A page whose chunk is still on its way: focus goes in once it is on screen.
    if (view && !(view instanceof WidgetElement)) return;
    this.pendingFocus = null;
    if (!view) return;
    await view.updateComplete;
    if (pending === 'return' && view.focusReturn?.()) return;
    view.focusHeading();
  }

  /** The header: the widget's name with `brand` beside it, the tabs, and `actions`. */
  protected renderHeader(view: { brand: unknown; label: string; tabs: ReadonlyArray<readonly [R, string]>; actions?: unknown }): TemplateResult {
    const current = this.tabOf(this.route);
    return html`<header class="header spread" part="header">
      <div class="brand"><span class="title">${this.t.widgetLabel}</span>${view.brand}</div>
      <div class="actions">
        <nav aria-label=${view.label} part="nav">
          ${view.tabs.map(
            ([route, label]) =>
              html`<button type="button" class="tab" aria-current=${current === route.view ? 'page' : 'false'} @click=${() => this.navigate(route)}>
                ${label}
              </button>`,
          )}
        </nav>
        ${view.actions}
      </div>
    </header>`;
  }
}
