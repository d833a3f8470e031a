import { trpcServer } from '@hono/trpc-server';
import { Hono, type MiddlewareHandler } from 'hono';
import { MAX_BATCH_CALLS } from '@support-tickets/core';
import { bodyLimit } from 'hono/body-limit';
import { createHonoContextFactory, type ApiDeps } from '../api/context';
import { appRouter } from '../api/root';
import { retryAfterSeconds } from '../api/trpc';
import { mountAttachments } from './attachments';
import { corsFor } from './cors';
import { createRateLimit, type RateLimits } from './rate-limit';
import { noStore, securityHeaders } from './security';

export interface HttpAppOptions {
  deps: ApiDeps;
  authSecret: string;
  /** Origins allowed to call the API from a browser; `'*'` allows any. */
  corsOrigins: readonly string[];
  /** Each person's and organisation's budget of calls; false for none. */
  rateLimits: RateLimits | false;
}

// A batch of the largest messages fits; anything bigger is refused before parsing.
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The HTTP face of the server: security headers, CORS, `/health`, files under `/attachments`, the tRPC API under `/trpc`
 * (never cached, batches of at most 10 calls, each caller within a rate limit), a debug line per request.
 *
 * @example
 * const app = createHttpApp({ deps, authSecret, corsOrigins: ['https://panel.example.com'] });
 * const res = await app.request('/health');
 */
export function createHttpApp({ deps, authSecret, corsOrigins, rateLimits }: HttpAppOptions): { app: Hono; drain(): Promise<void> } {
  const app = new Hono();
  const inFlight = createInFlight();

  app.use('*', securityHeaders());
  app.use('/trpc/*', noStore);
  // Only the API and files touch the database; /health answers for itself (503 once it is closed).
  app.use('/trpc/*', inFlight.middleware);
  app.use('/attachments/*', inFlight.middleware);
  app.use('/attachments', inFlight.middleware);
  app.use('/attachments', noStore);
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    deps.log.debug?.(`${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - started)}ms`);
  });

  if (corsOrigins.length > 0) app.use('*', corsFor(corsOrigins));

  app.get('/health', async (c) => {
    const up = await deps.database.ping();
    return c.json({ ok: up, database: up ? 'up' : 'down' }, up ? 200 : 503);
  });

  // One budget per person for API calls and uploads alike.
  const rateLimit = rateLimits ? createRateLimit(rateLimits) : null;
  mountAttachments(app, { deps, authSecret, rateLimit });

  app.use(
    '/trpc/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json({ error: { message: 'The request body is too large.' } }, 413),
    }),
  );
  app.use(
    '/trpc/*',
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      // A larger batch is refused whole before any call runs (BAD_REQUEST, see the error formatter).
      maxBatchSize: MAX_BATCH_CALLS,
      createContext: createHonoContextFactory(deps, authSecret, rateLimit),
      responseMeta({ errors }) {
        const retryAfter = retryAfterSeconds(errors);
        return retryAfter === null ? {} : { headers: { 'retry-after': String(retryAfter) } };
      },
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          deps.log.error('procedure failed', { path, error: String(error.cause ?? error), stack: (error.cause as Error | undefined)?.stack });
        }
      },
    }),
  );

  return { app, drain: inFlight.drain };
}

/**
 * Counts requests being handled, so closing can wait for them before the database goes;
 * requests that arrive once closing began are refused with 503. A subscription counts only
 * until its stream starts: streams are ended by the live follower.
 */
function createInFlight() {
  let active = 0;
  let draining = false;
  let idle: (() => void) | null = null;
  const middleware: MiddlewareHandler = async (c, next) => {
    if (draining) return c.json({ error: { message: 'The server is shutting down.' } }, 503);
    active++;
    try {
      await next();
    } finally {
      active--;
      if (active === 0) idle?.();
    }
  };
  return {
    middleware,
    drain(): Promise<void> {
      draining = true;
      return active === 0 ? Promise.resolve() : new Promise<void>((resolve) => (idle = resolve));
    },
  };
}
