import type { LifecycleErrorCode, RefusalReason } from '@support-tickets/core';

/** Why the service refused: core's lifecycle codes plus "no such ticket for you". */
export type ServiceErrorCode = LifecycleErrorCode | 'not_found';

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
