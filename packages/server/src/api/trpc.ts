import { MAX_BATCH_CALLS, type RefusalReason } from '@support-tickets/core';
import { initTRPC, tracked, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { ensureOrganisation } from '../orgs/service';
import { recordPerson } from '../people/record';
import { ServiceFailure, type Result, type ServiceError, type ServiceErrorCode } from '../shared/result';
import type { Context } from './context';
import { describeIssues } from './inputs';

/** Carries a refusal's reason from `unwrap` to the error formatter, which sends it as `data.reason`. */
class Refusal extends Error {
  constructor(readonly reason: RefusalReason) {
    super(reason.kind);
  }
}

/** Subscription streams send a ping this often, so proxies and clients know they are alive. */
export const SSE_PING_MS = 10_000;
/** A client that hears nothing (not even a ping) for this long drops the stream and reconnects. */
export const SSE_RECONNECT_AFTER_MS = 25_000;

/** What tRPC says when a batch is over `maxBatchSize`; reworded with the limit. */
const TRPC_BATCH_TOO_LARGE = 'Batch call exceeds maximum size';

const t = initTRPC.context<Context>().create({
  // Plain JSON on the wire (no transformer): any HTTP client can call the API.
  sse: {
    ping: { enabled: true, intervalMs: SSE_PING_MS },
    client: { reconnectAfterInactivityMs: SSE_RECONNECT_AFTER_MS },
  },
  errorFormatter({ shape, error }) {
    const issues = error.cause instanceof ZodError ? describeIssues(error.cause.issues) : null;
    const message =
      error.code === 'INTERNAL_SERVER_ERROR'
        ? 'Something went wrong on our side. Please try again.'
        : error.message === TRPC_BATCH_TOO_LARGE
          ? `A batch may carry at most ${MAX_BATCH_CALLS} calls; send the others in another request.`
          : issues
          ? `Invalid input: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`
          : shape.message;
    // No stack traces leave the server.
    return {
      message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path ?? null,
        issues,
        // What a client words in its own language; `message` is the English explanation.
        reason: error.cause instanceof Refusal ? error.cause.reason : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** Anyone, token or not. */
export const publicProcedure = t.procedure;

/**
 * A verified token, within the person's rate limit (callers over HTTP only); an unknown
 * organisation is created on first sight, and the person's row kept as their token says.
 */
export const authedProcedure = t.procedure.use(async ({ ctx, type, next }) => {
  if (!ctx.user) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: ctx.authError ?? 'Sign in first: send "Authorization: Bearer <token>".',
    });
  }
  const refused = ctx.rateLimit ? await ctx.rateLimit(ctx.user, type) : null;
  if (refused) throw toTRPCError(refused);
  await ensureOrganisation(ctx, ctx.user);
  await recordPerson(ctx, ctx.user);
  return next({ ctx: { user: ctx.user } });
});

/** Support agents only. */
export const agentProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'agent') throw new TRPCError({ code: 'FORBIDDEN', message: 'Only support agents can do this.' });
  return next();
});

const CODES: Record<ServiceErrorCode, TRPCError['code']> = {
  not_found: 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  conflict: 'CONFLICT',
  invalid: 'BAD_REQUEST',
  unauthorized: 'UNAUTHORIZED',
  rate_limited: 'TOO_MANY_REQUESTS',
  // Retryable: a client reconnects (to this server once it is back, or another one).
  unavailable: 'SERVICE_UNAVAILABLE',
};

/** The one place service (and core) errors become tRPC errors. */
export function toTRPCError({ code, message, reason }: ServiceError): TRPCError {
  return new TRPCError({ code: CODES[code], message, ...(reason ? { cause: new Refusal(reason) } : {}) });
}

/** A refusal as data inside an answer (one ticket of a bulk action): tRPC's code, the message, the reason. */
export function errorOutput({ code, message, reason }: ServiceError) {
  return { code: CODES[code], message, reason: reason ?? null };
}

/** The longest wait a rate-limited call of the response was told, for its `Retry-After` header. */
export function retryAfterSeconds(errors: readonly TRPCError[]): number | null {
  let longest: number | null = null;
  for (const error of errors) {
    const reason = error.cause instanceof Refusal ? error.cause.reason : null;
    if (reason?.kind === 'rate_limited') longest = Math.max(longest ?? 0, reason.retryAfterSeconds);
  }
  return longest;
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw toTRPCError(result.error);
}

/**
 * A service's stream of changes as tRPC sends it: each one `tracked` by its event id, so a
 * client that reconnects resumes after the last it saw; a failure midway becomes a tRPC error
 * here, like a refusal returned before the stream began.
 */
export async function* trackedChanges<T extends { eventId: string }>(changes: AsyncIterable<T>) {
  try {
    for await (const change of changes) yield tracked(change.eventId, change);
  } catch (error) {
    throw error instanceof ServiceFailure ? toTRPCError(error.error) : error;
  }
}
