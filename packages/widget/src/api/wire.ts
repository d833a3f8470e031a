import type { AppRouter } from '@support-tickets/server';
import type { TRPCClient } from '@trpc/client';
import type { inferRouterError } from '@trpc/server';

/** The `data` of the API's errors, as the router's error formatter shapes it. */
export type ErrorData = inferRouterError<AppRouter>['data'];

/** The API answered with an error: its message and tRPC's error `data` (the code, issues, reason). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly data: ErrorData | undefined,
  ) {
    super(message);
  }
}

export interface WireOptions {
  /** The tRPC endpoint, `${apiUrl}/trpc`. */
  url: string;
  headers: () => Promise<Record<string, string>>;
  fetch?: typeof fetch | undefined;
}

interface Answer {
  result?: { data?: unknown };
  error?: { message?: string; data?: ErrorData };
}

/**
 * The router's client, typed by the router itself, speaking tRPC's HTTP wire format without
 * batching and without a transformer (the server sends plain JSON): a query is a GET with its
 * input in `?input=`, a mutation a POST with its input as the body, and the answer
 * `{ result: { data } }` or `{ error: { message, data } }`. `@trpc/client`'s links, observables
 * and stream parsing (with what they pull from `@trpc/server`) weigh a third of the main file's
 * gzipped size for these two requests; subscriptions go through `live.ts` the same way.
 */
export function createWireClient({ url, headers, fetch }: WireOptions): TRPCClient<AppRouter> {
  const send = async (kind: string, path: string, input: unknown, options?: { signal?: AbortSignal | null }) => {
    const query = kind === 'query';
    const search = query && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : '';
    const init: RequestInit = {
      method: query ? 'GET' : 'POST',
      headers: { ...(query ? {} : { 'content-type': 'application/json' }), ...(await headers()) },
      signal: options?.signal ?? null,
      ...(query || input === undefined ? {} : { body: JSON.stringify(input) }),
    };
    const target = `${url}/${path}${search}`;
    const response = await (fetch ? fetch(target, init) : globalThis.fetch(target, init));
    const answer = (await response.json()) as Answer;
    if (answer.error) throw new ApiError(answer.error.message ?? '', answer.error.data);
    return answer.result?.data;
  };
  // `client.ticket.get.query(input, { signal })`: the path is collected property by property.
  const step = (path: string[]): unknown =>
    new Proxy(() => {}, {
      // Not a thenable: awaiting a part of the client must not call a procedure named `then`.
      get: (_, key) => (typeof key === 'string' && key !== 'then' ? step([...path, key]) : undefined),
      apply: (_, __, args: [unknown, { signal?: AbortSignal | null }?]) => send(path.at(-1) ?? '', path.slice(0, -1).join('.'), ...args),
    });
  return step([]) as TRPCClient<AppRouter>;
}
