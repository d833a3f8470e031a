import { LitElement, type CSSResultGroup, type PropertyValues } from 'lit';
import type { I18n } from '../i18n/localize';
import { LiveRefresh, type LiveRefreshOptions } from '../live/live-refresh';
import type { Translation } from '../translations/index';
import { sharedStyles } from '../ui/shared.styles';
import { WorkspaceChangeEvent, type WorkspaceStore } from '../workspace/store';
import { clockContext, ContextConsumer, storeContext, widgetContext, type WidgetContext } from './context';

/**
 * The base of every view of the widget, as Shoelace's elements share `ShoelaceElement`: it
 * takes the widget's context (API, language, person, live stream), the clock and the
 * workspace's store from the elements around it, re-renders when one of them changes, and
 * knows how to put focus on its heading. A view renders only once it has a context.
 */
export class WidgetElement extends LitElement {
  static override styles: CSSResultGroup = [sharedStyles];

  private readonly context = new ContextConsumer(this, widgetContext);
  private readonly clock = new ContextConsumer(this, clockContext);
  private readonly workspace = new ContextConsumer(this, storeContext, (store) => this.watch(store));
  private watched: WorkspaceStore | undefined;

  /** The widget's context: only read once the element renders (it has one then). */
  protected get ctx(): WidgetContext {
    return this.context.value!;
  }

  protected get i18n(): I18n {
    return this.ctx.i18n;
  }

  /** The widget's strings in the page's language. */
  protected get t(): Translation {
    return this.ctx.i18n.t;
  }

  protected get now(): Date {
    return this.clock.value ?? new Date();
  }

  /** The workspace's filters, drafts and directory. */
  protected get store(): WorkspaceStore {
    return this.workspace.value!;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.watch(undefined);
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    return this.context.value !== undefined && super.shouldUpdate(changed);
  }

  /** Refreshes what the view shows when the live stream reports a change to it. */
  protected follow(options: Omit<LiveRefreshOptions, 'hub'>): LiveRefresh {
    return new LiveRefresh(this, { ...options, hub: () => this.context.value?.live });
  }

  /** The live stream, once the view has its context. */
  protected get hub() {
    return this.context.value?.live;
  }

  /** Moves focus to the view's heading (a new view was opened). */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private onStoreChange = () => this.requestUpdate();

  private watch(store: WorkspaceStore | undefined) {
    if (store === this.watched) return;
    this.watched?.removeEventListener(WorkspaceChangeEvent.type, this.onStoreChange);
    this.watched = store;
    store?.addEventListener(WorkspaceChangeEvent.type, this.onStoreChange);
  }
}
