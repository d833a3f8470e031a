import type { RefusalReason } from '@support-tickets/core';
import { initTRPC, tracked, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { ensureOrganisation } from '../orgs/service';
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

/** A verified token; an unknown organisation is created on first sight. */
export const authedProcedure = t.procedure.use(async ({ ctx, next }) => {
  if (!ctx.user) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: ctx.authError ?? 'Sign in first: send "Authorization: Bearer <token>".',
    });
  }
  await ensureOrganisation(ctx, ctx.user);
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
  // Retryable: a client reconnects (to this server once it is back, or another one).
  unavailable: 'SERVICE_UNAVAILABLE',
};

/** The one place service (and core) errors become tRPC errors. */
export function toTRPCError({ code, message, reason }: ServiceError): TRPCError {
  return new TRPCError({ code: CODES[code], message, ...(reason ? { cause: new Refusal(reason) } : {}) });
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
export async function* trackedChanges<T extends { eventId: number }>(changes: AsyncIterable<T>) {
  try {
    for await (const change of changes) yield tracked(String(change.eventId), change);
  } catch (error) {
    throw error instanceof ServiceFailure ? toTRPCError(error.error) : error;
  }
}
