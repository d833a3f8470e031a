import { isPlanId, isPriority, type RefusalReason } from '@support-tickets/core';
import { TRPCClientError } from '@trpc/client';

/** tRPC codes the API uses (SPEC §4), plus what can go wrong before the API answers. */
export type ErrorCode =
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_REQUEST'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK';

/** One input field the server refused, with its reason. */
export interface FieldIssue {
  field: string;
  /** zod's issue code when there is one, e.g. `too_small`, `too_big`. */
  code: string | null;
  message: string;
}

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
    options: { issues?: FieldIssue[]; procedure?: string | null; reason?: RefusalReason | null; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
    this.procedure = options.procedure ?? null;
    this.reason = options.reason ?? null;
  }
}

const KNOWN_CODES = new Set<string>([
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_REQUEST',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'INTERNAL_SERVER_ERROR',
]);

export function toSupportError(error: unknown, procedure: string | null = null): SupportTicketsError {
  if (error instanceof SupportTicketsError) return error;
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? null) as { code?: unknown; issues?: unknown; reason?: unknown } | null;
    const code = typeof data?.code === 'string' ? data.code : null;
    if (!code) {
      // No tRPC error shape: the request never reached the API (offline, CORS, wrong URL).
      return new SupportTicketsError('NETWORK', error.message, { procedure, cause: error });
    }
    const known: ErrorCode = KNOWN_CODES.has(code) ? (code as ErrorCode) : 'INTERNAL_SERVER_ERROR';
    const issues = fieldIssues(error.message, data?.issues);
    const reason = refusalReason(data?.reason);
    return new SupportTicketsError(known, error.message, { issues, procedure, reason, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SupportTicketsError('NETWORK', message, { procedure, cause: error });
}

/**
 * Input validation failures: the server's formatter sends `data.issues` (`{ path, message }`);
 * a formatter-less tRPC server sends zod's issues serialised into the message.
 */
function fieldIssues(message: string, issues: unknown): FieldIssue[] {
  if (Array.isArray(issues)) {
    return issues.flatMap((issue: { path?: unknown; message?: unknown; code?: unknown }) => {
      const field = typeof issue.path === 'string' ? issue.path.split('.')[0] : Array.isArray(issue.path) ? issue.path[0] : undefined;
      if (typeof field !== 'string' || typeof issue.message !== 'string') return [];
      return [{ field, code: typeof issue.code === 'string' ? issue.code : null, message: issue.message }];
    });
  }
  if (!message.trimStart().startsWith('[')) return [];
  try {
    return fieldIssues('', JSON.parse(message));
  } catch {
    return [];
  }
}

const REASON_KINDS = new Set<string>(['ticket_closed', 'priority_unavailable', 'already_accepted', 'nothing_to_change', 'ticket_busy']);

/** A reason this widget knows how to word (every label it names included); others are left to the message. */
function refusalReason(value: unknown): RefusalReason | null {
  if (typeof value !== 'object' || value === null) return null;
  const kind = (value as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !REASON_KINDS.has(kind)) return null;
  if (kind === 'priority_unavailable') {
    const { plan, priority, offered } = value as { plan?: unknown; priority?: unknown; offered?: unknown };
    const known = (plan === 'custom' || isPlanId(plan)) && isPriority(priority) && Array.isArray(offered) && offered.every(isPriority);
    if (!known) return null;
  }
  return value as RefusalReason;
}
