import type { RefusalReason } from '@support-tickets/core';
import { ApiError, type ErrorData } from './wire';

/** tRPC's error codes as the API sends them, plus `NETWORK`: the request never reached the API. */
export type ErrorCode = ErrorData['code'] | 'NETWORK';

/** One input field the server refused (`path` like `subject`), with its reason. */
export type FieldIssue = NonNullable<ErrorData['issues']>[number];

/**
 * An API failure as the widget and the host see it (`support-error` carries one in
 * `detail.error`). `message` is the server's explanation, meant for people.
 */
export class SupportTicketsError extends Error {
  override name = 'SupportTicketsError';
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  /** The procedure that failed, e.g. `ticket.create`. */
  readonly procedure: string | null;
  /** Why the server refused, in data (`data.reason`), for wording the refusal in the page's language. */
  readonly reason: RefusalReason | null;

  constructor(
    code: ErrorCode,
    message: string,
    options: { issues?: FieldIssue[] | null; procedure?: string | null; reason?: RefusalReason | null; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
    this.procedure = options.procedure ?? null;
    this.reason = options.reason ?? null;
  }
}

export function toSupportError(error: unknown, procedure: string | null = null): SupportTicketsError {
  if (error instanceof SupportTicketsError) return error;
  const data = error instanceof ApiError ? error.data : undefined;
  // No error shape: the request never reached the API (offline, CORS, wrong URL).
  if (!data) {
    return new SupportTicketsError('NETWORK', error instanceof Error ? error.message : String(error), { procedure, cause: error });
  }
  const message = error instanceof Error ? error.message : '';
  return new SupportTicketsError(data.code, message, { issues: data.issues, procedure, reason: data.reason, cause: error });
}
