import type { FetchCreateContextFnOptions } from '@trpc/server/adapters/fetch';
import type { Context as HonoContext } from 'hono';
import { bearerToken, TokenError, verifyToken } from '../auth/token';
import type { EventFollower } from '../live/follower';
import type { Caller } from '../shared/caller';
import type { ServiceDeps } from '../shared/deps';

/** What procedures run on: the service's dependencies and this server's event follower. */
export type ApiDeps = ServiceDeps & { follower: EventFollower };

export type Context = ApiDeps & {
  /** The verified caller; null without a token or with a bad one. */
  user: Caller | null;
  /** Why the token was refused, for the UNAUTHORIZED message. */
  authError: string | null;
};

/**
 * The context without HTTP: what tests and server-side callers build directly.
 *
 * @example
 * const caller = createCaller(createContextInner({ ...deps, follower, user: await verifyToken(secret, token) }));
 * // Tests: `callerFor(claims)` of `@support-tickets/server/testing` does this.
 */
export function createContextInner(opts: ApiDeps & { user: Caller | null; authError?: string | null }): Context {
  return { ...opts, authError: opts.authError ?? null };
}

/**
 * The token of a request: the `Authorization: Bearer` header, or else the `token` connection
 * param, which is how a browser's EventSource (which cannot send headers) authenticates
 * `ticket.onChange`.
 */
export function requestToken(
  authorization: string | undefined,
  connectionParams: Record<string, string | undefined> | null,
): string | null {
  return bearerToken(authorization) ?? (connectionParams?.token || null);
}

/** The Hono adapter's context: verifies the caller's token. */
export function createHonoContextFactory(deps: ApiDeps, authSecret: string) {
  return async (opts: FetchCreateContextFnOptions, c: HonoContext): Promise<Context> => {
    const token = requestToken(c.req.header('authorization'), opts.info.connectionParams);
    if (token === null) return createContextInner({ ...deps, user: null });
    try {
      // Expiry is a security matter: judged on the real clock, never the domain's injected one.
      return createContextInner({ ...deps, user: await verifyToken(authSecret, token) });
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      return createContextInner({ ...deps, user: null, authError: error.message });
    }
  };
}
