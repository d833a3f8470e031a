import type { FetchCreateContextFnOptions } from '@trpc/server/adapters/fetch';
import type { Context as HonoContext } from 'hono';
import { bearerToken, TokenError, verifyToken } from '../auth/token';
import type { LiveDeps } from '../live/subscribe';
import type { Caller } from '../shared/caller';
import type { ServiceError } from '../shared/result';

/** A caller's budget of calls: null when the call may go ahead, else the refusal (saying when to call again). */
export type RateLimit = (caller: Caller, type: 'query' | 'mutation' | 'subscription') => Promise<ServiceError | null>;

/** What procedures run on: the service's dependencies, this server's event follower and live id seal. */
export type ApiDeps = LiveDeps;

export type Context = ApiDeps & {
  /** The verified caller; null without a token or with a bad one. */
  user: Caller | null;
  /** Why the token was refused, for the UNAUTHORIZED message. */
  authError: string | null;
  /** The rate limit of callers over HTTP; null in-process (tests, seeding, server-side scripts). */
  rateLimit: RateLimit | null;
};

/**
 * The context without HTTP: what tests and server-side callers build directly.
 *
 * @example
 * const caller = createCaller(createContextInner({ ...deps, follower, user: await verifyToken(secret, token) }));
 * // Tests: `callerFor(claims)` of `@support-tickets/server/testing` does this.
 */
export function createContextInner(
  opts: ApiDeps & { user: Caller | null; authError?: string | null; rateLimit?: RateLimit | null },
): Context {
  return { ...opts, authError: opts.authError ?? null, rateLimit: opts.rateLimit ?? null };
}

/**
 * The token of a request: the `Authorization: Bearer` header; for a subscription also the
 * `token` connection param, which is how a browser's EventSource (which cannot send headers)
 * authenticates `ticket.onChange`. Anywhere else a token in the URL is refused (URLs end up
 * in logs), with why.
 */
export function requestToken(
  authorization: string | undefined,
  info: Pick<FetchCreateContextFnOptions['info'], 'type' | 'connectionParams'>,
): { token: string | null; refusal: string | null } {
  const bearer = bearerToken(authorization);
  const inUrl = info.connectionParams?.token || null;
  if (bearer !== null || inUrl === null) return { token: bearer, refusal: null };
  if (info.type === 'subscription') return { token: inUrl, refusal: null };
  return { token: null, refusal: 'Send the token in the Authorization header; a token in the URL is taken only by live updates (ticket.onChange).' };
}

/** The Hono adapter's context: verifies the caller's token; calls count against `rateLimit`. */
export function createHonoContextFactory(deps: ApiDeps, authSecret: string, rateLimit: RateLimit | null) {
  return async (opts: FetchCreateContextFnOptions, c: HonoContext): Promise<Context> => {
    const { token, refusal } = requestToken(c.req.header('authorization'), opts.info);
    if (token === null) return createContextInner({ ...deps, user: null, authError: refusal, rateLimit });
    try {
      // Expiry is a security matter: judged on the real clock, never the domain's injected one.
      return createContextInner({ ...deps, user: await verifyToken(authSecret, token), rateLimit });
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      return createContextInner({ ...deps, user: null, authError: error.message, rateLimit });
    }
  };
}
