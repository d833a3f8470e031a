// Test support: failures a real server does not produce on demand (the network gone, a 500),
// injected in front of its `fetch`, per procedure.
import type { RouterOutputs } from '@support-tickets/server';
import type { inferRouterError } from '@trpc/server';
import type { AppRouter } from '@support-tickets/server';

/** A procedure's path, as the router names it: `ticket.reply`. */
export type ProcedurePath = { [R in keyof RouterOutputs]: `${R & string}.${keyof RouterOutputs[R] & string}` }[keyof RouterOutputs];

type ErrorCode = inferRouterError<AppRouter>['data']['code'];

/** What a failing call meets: no network at all, or the server answering with an error. */
export type Failure = 'offline' | { code: ErrorCode; status: number; message: string };

/**
 * `fetch` in front of the server's: calls to a procedure in `failing` fail as told (until
 * removed from it), every other call reaches the server.
 */
export function failingFetch(fetch: typeof globalThis.fetch, failing: Map<ProcedurePath, Failure>): typeof globalThis.fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://support.test');
    const path = decodeURIComponent(url.pathname.replace(/^.*\/trpc\//, ''));
    const failure = [...failing].find(([procedure]) => procedure === path)?.[1];
    if (!failure) return fetch(input, init);
    if (failure === 'offline') throw new TypeError('Failed to fetch');
    // tRPC's error response, as the server's error formatter shapes it.
    const error = { message: failure.message, code: -32603, data: { code: failure.code, httpStatus: failure.status, path, issues: null, reason: null } };
    return new Response(JSON.stringify({ error }), { status: failure.status, headers: { 'content-type': 'application/json' } });
  };
}
