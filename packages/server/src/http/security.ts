import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Security headers on every answer: no sniffing, no referrer, never framed, and a content
 * policy that lets an answer load nothing (the API's answers are data, not pages). A route
 * that serves a page or a script sets its own Content-Security-Policy or
 * Cross-Origin-Resource-Policy, which this keeps.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    overwrite: false,
  });
}

/** API answers are one caller's data at one moment: no cache (browser, proxy or CDN) keeps them. */
export const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  // On the answer's own headers: `c.header` once the handler has answered would copy the
  // answer into a new one whose body is a stream, which Node then writes chunk by chunk.
  c.res.headers.set('Cache-Control', 'no-store');
};
