// Test support: views against the real router, in-process. A server on a temp database (the
// server's testing entry), its Hono app as the widget client's `fetch`, and its change stream
// read through the same app; views mounted inside the contexts `<support-tickets>` provides.
import type { LitElement } from 'lit';
import { EventSource as FetchEventSource } from 'eventsource';
import { createTestServer, type ApiClient, type TestServer } from '@support-tickets/server/testing';
import type { TokenClaims } from '@support-tickets/server';
import { createApi, type SupportApi } from '../api/client';
import type { SupportTicketsError } from '../api/errors';
import { readSession } from '../api/session';
import { clockContext, ContextProvider, storeContext, widgetContext, type WidgetContext } from '../base/context';
import { localize } from '../i18n/localize';
import { LiveHub } from '../live/hub';
import type { Lang } from '../translations/index';
import { agentStoreContext, AgentStore } from '../views/agent/agent-store';
import { WorkspaceStore } from '../workspace/store';
import '../index';
import '../views/agent/index';
import '../views/agent/admin';
import '../views/customer/pages';
import '../views/customer/ticket';

export const CUSTOMER = { sub: 'cust-1', role: 'customer', org: 'org-1', orgName: 'Acme', name: 'Ava' } as const satisfies TokenClaims;
export const COLLEAGUE = { sub: 'cust-2', role: 'customer', org: 'org-1', orgName: 'Acme', name: 'Cyrus' } as const satisfies TokenClaims;
export const ADMIN = { sub: 'admin-1', role: 'org_admin', org: 'org-1', orgName: 'Acme', name: 'Anna' } as const satisfies TokenClaims;
export const AGENT = { sub: 'agent-1', role: 'agent', name: 'Sara' } as const satisfies TokenClaims;
export const AGENT_2 = { sub: 'agent-2', role: 'agent', name: 'Reza' } as const satisfies TokenClaims;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** `fetch` that gives up when its signal aborts, as a browser's does (the app answers regardless). */
export function abortable(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return (input, init) => {
    const signal = init?.signal;
    if (!signal) return fetch(input, init);
    const aborted = new Promise<never>((_, reject) => {
      const abort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
      if (signal.aborted) abort();
      else signal.addEventListener('abort', abort, { once: true });
    });
    return Promise.race([fetch(input, init), aborted]);
  };
}

/** An `EventSource` whose requests go to `fetch` (the server's app): the live stream, in-process. */
export function eventSourceOver(fetch: typeof globalThis.fetch): typeof EventSource {
  return class extends FetchEventSource {
    constructor(url: string | URL) {
      super(url, { fetch });
    }
  } as unknown as typeof EventSource;
}

export interface Harness {
  server: TestServer;
  /** The API as a person of these claims, to arrange what a test starts from. */
  as(claims: TokenClaims): Promise<ApiClient>;
  /** What the mounted views emitted as public events. */
  emitted: Array<[string, unknown]>;
  /** Failures the views' API reported (`support-error`). */
  errors: SupportTicketsError[];
  /** The calls the views' API made, in order, with their input. */
  calls(path: string): unknown[];
  /** The context a view gets from `<support-tickets>`, for this person; `fetch` replaces the server's (to inject failures). */
  context(claims: TokenClaims, lang?: Lang, fetch?: typeof globalThis.fetch): Promise<WidgetContext>;
  /** Mounts a view inside the contexts of `<support-tickets>` and a workspace, as this person. */
  mount<T extends LitElement>(tag: string, props: Record<string, unknown>, options: MountOptions): Promise<T>;
  /** Moves the clock a mounted view reads (as `<support-tickets>` does every 30 s). */
  tick(el: LitElement, now: Date): Promise<unknown>;
  /** Stops the streams, removes the elements and closes the server. */
  close(): Promise<void>;
}

export interface MountOptions {
  claims: TokenClaims;
  lang?: Lang;
  /** The clock the views read; the server's by default. */
  now?: Date;
  /** The workspace's store; a new one by default (an `AgentStore` for agents). */
  store?: WorkspaceStore;
  fetch?: typeof globalThis.fetch;
  /** The host's `resource-id` attribute. */
  resourceId?: string;
}

/** A real server for one test file (or test), and what mounting views on it takes. */
export async function startHarness(start?: string): Promise<Harness> {
  // The attachments chunk, which forms and threads load on demand, is loaded here, in the hook:
  // a test's waits then never include its first load.
  await import('../attachments/index');
  const server = await createTestServer(start ? { start } : {});
  const hubs: LiveHub[] = [];
  const clocks = new Map<Element, ContextProvider<Date>>();
  const emitted: Array<[string, unknown]> = [];
  const errors: SupportTicketsError[] = [];
  const requests: Array<{ path: string; input: unknown }> = [];
  /** Notes each call (`/trpc/ticket.list?input=…`, or a POST body) on its way to `fetch`. */
  const recording =
    (fetch: typeof globalThis.fetch): typeof globalThis.fetch =>
    (input, init) => {
      const url = new URL(String(input));
      const raw = init?.method === 'POST' ? (init.body as string | null) : url.searchParams.get('input');
      requests.push({ path: url.pathname.replace(/^.*\/trpc\//, ''), input: raw ? JSON.parse(raw) : undefined });
      return fetch(input, init);
    };

  const context = async (claims: TokenClaims, lang: Lang = 'en', given?: typeof globalThis.fetch): Promise<WidgetContext> => {
    const fetch = recording(given ?? abortable(server.fetch));
    const token = await server.token(claims);
    const session = readSession(token);
    if (!session) throw new Error('unreadable test token');
    const api: SupportApi = createApi({
      url: 'http://support.test',
      tokens: { current: async () => token, refresh: async () => null },
      onError: (error) => errors.push(error),
      fetch,
      EventSource: eventSourceOver(server.fetch),
    });
    const live = new LiveHub();
    live.start(api);
    hubs.push(live);
    return { api, i18n: localize(lang), session, live, emit: (name, detail) => void emitted.push([name, detail]) };
  };

  return {
    server,
    as: (claims) => server.clientFor(claims),
    emitted,
    errors,
    calls: (path) => requests.filter((request) => request.path === path).map((request) => request.input),
    context,
    async mount<T extends LitElement>(tag: string, props: Record<string, unknown>, options: MountOptions) {
      const host = document.createElement('div');
      const store = options.store ?? (options.claims.role === 'agent' ? new AgentStore() : new WorkspaceStore());
      const ctx = await context(options.claims, options.lang, options.fetch);
      new ContextProvider(host, widgetContext, options.resourceId ? { ...ctx, resourceId: options.resourceId } : ctx);
      clocks.set(host, new ContextProvider(host, clockContext, options.now ?? server.clock.now()));
      new ContextProvider(host, storeContext, store);
      if (store instanceof AgentStore) new ContextProvider(host, agentStoreContext, store);
      const el = document.createElement(tag) as T;
      Object.assign(el, props);
      host.append(el);
      document.body.append(host);
      await el.updateComplete;
      return el;
    },
    tick(el, now) {
      clocks.get(el.parentElement!)?.set(now);
      return el.updateComplete;
    },
    async close() {
      for (const hub of hubs.splice(0)) hub.stop();
      document.body.replaceChildren();
      await server.close({ removeFile: true });
    },
  };
}

/** A ticket opened by `claims` through the API, as it answers. */
export async function openTicket(
  client: ApiClient,
  input: { subject?: string; body?: string; category?: 'activation' | 'technical' | 'financial' | 'sales'; priority?: 'critical' | 'urgent' | 'high' | 'normal' | 'low' } = {},
) {
  return client.ticket.create.mutate({ subject: 'VM does not boot', body: 'It is down.', category: 'technical', ...input });
}
