/**
 * Node HTTP server options for whoever starts a listener for the app (`serverOptions` of
 * `@hono/node-server`'s `serve`): a client that is slow to send, or sends nothing, is cut off in
 * seconds rather than Node's minute or more. A live stream is an answer, not a request: these
 * never end one.
 *
 * @example
 * serve({ fetch: server.app.fetch, port: 3000, serverOptions: HTTP_TIMEOUTS });
 */
export const HTTP_TIMEOUTS = {
  /** Until a request's headers are in (a socket that sends nothing included). */
  headersTimeout: 10_000,
  /** Until a whole request is in, its body too (the API takes at most 1 MB). */
  requestTimeout: 30_000,
  /** An idle kept-alive socket between requests. */
  keepAliveTimeout: 5_000,
  /** How often the two timeouts above are checked. */
  connectionsCheckingInterval: 1_000,
} as const;

export type HttpTimeouts = { -readonly [K in keyof typeof HTTP_TIMEOUTS]: number };
