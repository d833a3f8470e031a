import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/**
 * CORS for `origins` (`'*'` allows any): a preflight is answered by `hono/cors`; an actual
 * request gets its headers on the answer once the handler has made it. `hono/cors` sets them
 * on a placeholder before the handler (and, for listed origins, appends `Vary` after it), and
 * each time Hono copies the handler's answer into a new one whose body is a stream, which Node
 * then writes chunk by chunk: up to a tenth of a list's CPU over HTTP.
 */
export function corsFor(origins: readonly string[]): MiddlewareHandler {
  const any = origins.includes('*');
  // One decision for preflights and actual requests: the origin to allow, or none.
  const allowed = (origin: string) => (origins.includes(origin) ? origin : null);
  const preflight = cors({
    // `'*'` as such, so `hono/cors` answers a preflight for any origin without `Vary: Origin`.
    origin: any ? '*' : allowed,
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'trpc-accept', 'x-trpc-source', 'Last-Event-ID', 'x-filename'],
    maxAge: 600,
  });
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    const { headers } = c.res;
    if (any) {
      headers.set('Access-Control-Allow-Origin', '*');
      return;
    }
    const origin = allowed(c.req.header('origin') ?? '');
    if (origin) headers.set('Access-Control-Allow-Origin', origin);
    headers.append('Vary', 'Origin');
  };
}
