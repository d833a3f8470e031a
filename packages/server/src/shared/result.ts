import type { LifecycleErrorCode, RefusalReason } from '@support-tickets/core';

/**
 * Why the service refused: core's lifecycle codes, "no such ticket for you", and for streams
 * that end badly "the token ran out" and "the server is going away; come back".
 */
export type ServiceErrorCode = LifecycleErrorCode | 'not_found' | 'unauthorized' | 'unavailable';

export interface ServiceError {
  code: ServiceErrorCode;
  message: string;
  reason?: RefusalReason;
}

/** Errors as values, turned into tRPC errors once, at the edge. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ServiceError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (
  code: ServiceErrorCode,
  message: string,
  reason?: RefusalReason,
): { ok: false; error: ServiceError } => ({
  ok: false,
  error: reason ? { code, message, reason } : { code, message },
});

export const ticketNotFound = () => fail('not_found', 'No such ticket.');

/**
 * A service error thrown where no value can be returned: a stream failing after it started.
 * The edge turns it into a tRPC error, like a returned one.
 */
export class ServiceFailure extends Error {
  override name = 'ServiceFailure';
  constructor(readonly error: ServiceError) {
    super(error.message);
  }
}
