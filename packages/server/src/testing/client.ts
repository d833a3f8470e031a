import { createTRPCClient, httpBatchLink, httpLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '../api/root';

// No Node here: this part also runs in a DOM-like test environment (happy-dom).

/** Anything that answers a Request: a Hono app, `server.app`. */
export interface FetchHandler {
  fetch(request: Request): Response | Promise<Response>;
}

/**
 * `app.fetch` as a `fetch` function: requests go through the real HTTP handling (middleware,
 * tRPC adapter, JSON on the wire) without a socket. Relative URLs are read against `origin`.
 *
 * @example
 * const client = createTRPCClient<AppRouter>({ links: [httpLink({ url: '/trpc', fetch: fetchFrom(server.app) })] });
 */
export function fetchFrom(app: FetchHandler, origin = 'http://support.test'): typeof fetch {
  return async (input, init) => {
    if (input instanceof Request) return app.fetch(init ? new Request(input, init) : input);
    return app.fetch(new Request(new URL(String(input), origin), init));
  };
}

export type ApiClient = TRPCClient<AppRouter>;

/**
 * A typed tRPC client of the API over `fetch` (e.g. `fetchFrom(app)`), sending `token` as a
 * bearer token; `batch` sends calls of one tick together, as the widget does.
 */
export function apiClient(fetch: typeof globalThis.fetch, token: string | null, options: { batch?: boolean } = {}): ApiClient {
  const linkOptions = {
    url: 'http://support.test/trpc',
    fetch,
    headers: () => (token === null ? {} : { authorization: `Bearer ${token}` }),
  };
  return createTRPCClient<AppRouter>({ links: [options.batch ? httpBatchLink(linkOptions) : httpLink(linkOptions)] });
}
