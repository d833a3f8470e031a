import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClient,
} from '@trpc/client';
import { MAX_BATCH_CALLS } from '@support-tickets/core';
import type { AppRouter } from '@support-tickets/server';
import { EventSource as EventSourcePolyfill, type FetchLike } from 'eventsource';

export type { AppRouter, RouterInputs, RouterOutputs } from '@support-tickets/server';
export { TRPCClientError } from '@trpc/client';

type TokenSource = { token: string; getToken?: never } | { getToken: () => string | Promise<string>; token?: never };

export type SupportClientOptions = TokenSource & {
  /** The server's origin (`https://support.example.com`) or its tRPC endpoint (`…/trpc`). */
  url: string;
  /** A fetch implementation, for runtimes or tests that bring their own. */
  fetch?: typeof globalThis.fetch;
};

export type SupportClient = TRPCClient<AppRouter>;

/** `https://host` and `https://host/trpc` both name the API. */
export function trpcEndpoint(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return trimmed.endsWith('/trpc') ? trimmed : `${trimmed}/trpc`;
}

/**
 * A fully typed client of the support tickets API: queries and mutations batched over HTTP,
 * `ticket.onChange` over server-sent events. The token is read for every request, so a
 * `getToken` that refreshes is honoured.
 *
 * @example
 * const support = createSupportClient({ url: 'http://localhost:3000', token });
 * const ticket = await support.ticket.create.mutate({ subject: 'VM down', body: '…', category: 'technical' });
 * support.ticket.onChange.subscribe({ id: ticket.id }, { onData: (change) => console.log(change.kind) });
 */
export function createSupportClient(options: SupportClientOptions): SupportClient {
  const url = trpcEndpoint(options.url);
  const currentToken = async (): Promise<string> => (options.getToken ? options.getToken() : options.token);
  const fetchImpl = options.fetch;
  // Browsers have EventSource; Node 20 does not, and the polyfill also lets us pass our fetch.
  const EventSourceImpl = globalThis.EventSource ?? EventSourcePolyfill;
  // The polyfill fetches the stream itself, on every (re)connection: each gets a fresh token as
  // a header. (A browser's EventSource reconnects on its own with the URL's connection params.)
  const streamFetch: FetchLike = async (input, init) =>
    (fetchImpl ?? globalThis.fetch)(input, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${await currentToken()}` },
    });

  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        // EventSource cannot send headers: the token travels as connection params.
        true: httpSubscriptionLink({
          url,
          EventSource: EventSourceImpl,
          connectionParams: async () => ({ token: await currentToken() }),
          // The polyfill's own option (tRPC types the standard EventSourceInit only).
          ...(EventSourceImpl === EventSourcePolyfill
            ? { eventSourceOptions: { fetch: streamFetch } as EventSourceInit }
            : {}),
        }),
        false: httpBatchLink({
          url,
          // The server refuses a longer batch; more calls at once go in several requests.
          maxItems: MAX_BATCH_CALLS,
          ...(fetchImpl ? { fetch: fetchImpl } : {}),
          headers: async () => ({ authorization: `Bearer ${await currentToken()}` }),
        }),
      }),
    ],
  });
}
