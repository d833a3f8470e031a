import { ATTACHMENT_MAX_BYTES, uploadRefusal } from '@support-tickets/core';
import type { Context, Hono } from 'hono';
import type { ApiDeps, RateLimit } from '../api/context';
import { bearerToken, TokenError, verifyToken } from '../auth/token';
import { receiveUpload, type IncomingFile } from '../attachments/upload';
import { ensureOrganisation } from '../orgs/service';
import type { Caller } from '../shared/caller';
import type { ServiceError } from '../shared/result';
import { serveAttachment } from './attachment-download';
import { multipartFile, MultipartError } from './multipart';

// Room for a multipart body's boundaries and part headers around a file of the largest size.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * `POST /attachments` (bearer token; the file as the raw body with `Content-Type` and an
 * `x-filename` header, percent-encoded for names beyond ASCII, or multipart with a `file`
 * field) → 201 `{ id, name, size, contentType }`; and `GET /attachments/:id` with a signed link.
 *
 * @example
 * mountAttachments(app, { deps, authSecret, rateLimit });
 * await fetch('/attachments', { method: 'POST', headers: { authorization, 'x-filename': 'boot.log' }, body });
 */
export function mountAttachments(app: Hono, options: { deps: ApiDeps; authSecret: string; rateLimit: RateLimit | null }): void {
  const { deps } = options;
  app.post('/attachments', async (c) => {
    const caller = await authenticate(c, options);
    if ('error' in caller) return refuse(c, caller.error);
    const file = await incomingFile(c);
    if ('error' in file) return refuse(c, file.error);
    const result = await receiveUpload(deps, caller.user, file);
    return result.ok ? c.json(result.value, 201) : refuse(c, result.error);
  });
  app.get('/attachments/:id', (c) => serveAttachment(c, deps));
}

async function authenticate(
  c: Context,
  { deps, authSecret, rateLimit }: { deps: ApiDeps; authSecret: string; rateLimit: RateLimit | null },
): Promise<{ user: Caller } | { error: ServiceError }> {
  const token = bearerToken(c.req.header('authorization'));
  if (!token) return { error: { code: 'unauthorized', message: 'Sign in first: send "Authorization: Bearer <token>".' } };
  let user: Caller;
  try {
    user = await verifyToken(authSecret, token);
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    return { error: { code: 'unauthorized', message: error.message } };
  }
  // An upload is a write, within the person's budget like every other.
  const refused = rateLimit ? await rateLimit(user, 'mutation') : null;
  if (refused) return { error: refused };
  await ensureOrganisation(deps, user);
  return { user };
}

/** The file of the request, raw or multipart; refused at once when the request announces more than a file may be. */
async function incomingFile(c: Context): Promise<IncomingFile | { error: ServiceError }> {
  const body = c.req.raw.body;
  const type = c.req.header('content-type') ?? '';
  const length = c.req.header('content-length');
  const declared = length !== undefined && /^\d+$/.test(length) ? Number(length) : null;
  const multipart = /^multipart\/form-data/i.test(type);
  if (declared !== null && declared > ATTACHMENT_MAX_BYTES + (multipart ? MULTIPART_OVERHEAD_BYTES : 0)) {
    return { error: uploadRefusal({ bytes: declared, usedBytes: 0, quotaBytes: Infinity })! };
  }
  if (!body) return { error: { code: 'invalid', message: 'Send the file as the request body.' } };
  if (!multipart) {
    const name = c.req.header('x-filename');
    if (!name) return { error: { code: 'invalid', message: 'Name the file in the x-filename header (percent-encoded beyond ASCII).' } };
    return { name: decodeName(name), declaredBytes: declared, body };
  }
  try {
    const file = await multipartFile(body, { 'content-type': type });
    return { ...file, declaredBytes: null };
  } catch (error) {
    if (error instanceof MultipartError) return { error: { code: 'invalid', message: error.message } };
    throw error;
  }
}

function decodeName(header: string): string {
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}

const STATUS = { invalid: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, rate_limited: 429, unavailable: 503 } as const;

/**
 * A refusal as JSON `{ error: { message, reason } }`: 413 for a file over the limit or the
 * quota (the connection is closed rather than the rest of a large body read), 429 with
 * Retry-After past the rate limit.
 */
function refuse(c: Context, error: ServiceError): Response {
  const kind = error.reason?.kind;
  const tooLarge = kind === 'file_too_large' || kind === 'quota_exceeded';
  if (tooLarge) c.header('Connection', 'close');
  if (error.reason?.kind === 'rate_limited') c.header('Retry-After', String(error.reason.retryAfterSeconds));
  return c.json({ error: { message: error.message, reason: error.reason ?? null } }, tooLarge ? 413 : STATUS[error.code]);
}
