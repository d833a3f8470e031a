import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SupportApi } from '../api/client';
import type { Session } from '../api/session';
import type { DetailOf, SupportTicketsEventName } from '../events';
import type { I18n } from '../i18n/localize';
import type { LiveHub } from '../live/hub';
import type { WorkspaceStore } from '../workspace/store';

/** What every view needs from `<support-tickets>`; a new object whenever one of them changes. */
export interface WidgetContext {
  api: SupportApi;
  i18n: I18n;
  session: Session;
  /** The live change stream: views listen to refresh what they show. */
  live: LiveHub;
  /** The resource the host preselects in the new-ticket form (the `resource-id` attribute), if any. */
  resourceId?: string;
  /** Dispatches a public event on `<support-tickets>`. */
  emit<K extends SupportTicketsEventName>(name: K, detail: DetailOf<K>): void;
}

// Values elements provide to the elements inside them, through the web components' context
// protocol (a `context-request` event that bubbles out of shadow roots until a provider
// answers), in the few lines the widget needs: every consumer subscribes.

/** A key of the protocol, typed by the value it stands for. */
export type Context<T> = symbol & { __context__: T };
export const createContext = <T>(name: string) => Symbol(name) as Context<T>;

/** Provided by `<support-tickets>` to every view inside it. */
export const widgetContext = createContext<WidgetContext>('support-tickets');
/** The time views read relative times against; `<support-tickets>` moves it on every 30 s. */
export const clockContext = createContext<Date>('support-tickets-clock');
/** Provided by a workspace (the customer's or the agent's) to the views inside it. */
export const storeContext = createContext<WorkspaceStore>('support-tickets-workspace');

type Callback<T> = (value: T, unsubscribe: () => void) => void;

class ContextRequestEvent<T> extends Event {
  constructor(
    readonly context: Context<T>,
    readonly contextTarget: Element,
    readonly callback: Callback<T>,
    readonly subscribe: boolean,
  ) {
    super('context-request', { bubbles: true, composed: true });
  }
}

/** Answers the requests for `context` from inside `host`, now and whenever the value changes. */
export class ContextProvider<T> {
  private readonly subscribers = new Set<Callback<T>>();

  constructor(
    host: Element,
    private readonly context: Context<T>,
    private value?: T,
  ) {
    host.addEventListener('context-request', (event) => {
      const request = event as ContextRequestEvent<T>;
      if (request.context !== context || request.contextTarget === host) return;
      event.stopPropagation();
      if (request.subscribe) this.subscribers.add(request.callback);
      if (this.value !== undefined) request.callback(this.value, () => this.subscribers.delete(request.callback));
    });
  }

  set(value: T) {
    if (value === this.value) return;
    this.value = value;
    for (const callback of this.subscribers) callback(value, () => this.subscribers.delete(callback));
  }
}

/** The value of `context` around the host while it is connected; the host re-renders when it changes. */
export class ContextConsumer<T> implements ReactiveController {
  value: T | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly context: Context<T>,
    private readonly changed?: (value: T) => void,
  ) {
    host.addController(this);
  }

  hostConnected() {
    const callback: Callback<T> = (value, unsubscribe) => {
      this.unsubscribe = unsubscribe;
      this.value = value;
      this.changed?.(value);
      this.host.requestUpdate();
    };
    this.host.dispatchEvent(new ContextRequestEvent(this.context, this.host, callback, true));
  }

  hostDisconnected() {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}

/** The parts a view forwards to its parent, so the host can style them through `::part`. */
export const PARTS = [
  'header',
  'nav',
  'new-ticket',
  'list',
  'ticket',
  'sla',
  'filters',
  'load-more',
  'form',
  'submit',
  'detail',
  'thread',
  'message',
  'composer',
  'close',
  'banner',
  'timeline',
  'plans',
  'plan-table',
  'current-plan',
  'empty',
  'error',
  'queue',
  'note',
  'actions',
  'accept',
  'explanation',
  'org-panel',
  'plan-form',
  'org-list',
  'sla-overview',
] as const;
export const EXPORTPARTS = PARTS.join(', ');
