import type { FetchCreateContextFnOptions } from '@trpc/server/adapters/fetch';
import type { Context as HonoContext } from 'hono';
import { bearerToken, TokenError, verifyToken, type AuthUser } from '../auth/token';
import type { ServiceDeps } from '../tickets/deps';

export type Context = ServiceDeps & {
  /** The verified caller; null without a token or with a bad one. */
  user: AuthUser | null;
  /** Why the token was refused, for the UNAUTHORIZED message. */
  authError: string | null;
};

/**
 * The context without HTTP: what tests and server-side callers build directly.
 *
 * @example
 * const caller = createCaller(createContextInner({ ...deps, user: { id: 'u1', role: 'agent', orgId: null, name: 'A', orgName: null } }));
 */
export function createContextInner(opts: ServiceDeps & { user: AuthUser | null; authError?: string | null }): Context {
  return { ...opts, authError: opts.authError ?? null };
}

/** The Hono adapter's context: verifies the bearer token of the request. */
export function createHonoContextFactory(deps: ServiceDeps, authSecret: string) {
  return async (_opts: FetchCreateContextFnOptions, c: HonoContext): Promise<Context> => {
    const token = bearerToken(c.req.header('authorization'));
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
