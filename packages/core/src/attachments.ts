import { refusal, type ActorRef, type LifecycleError } from './lifecycle-types';

// Files on messages (SPEC §7): the limits, who may attach what, what is shown inline, and the
// name a file is served under. The server enforces these; the widget says them before an upload.

export const MEBIBYTE = 1024 * 1024;
/** The largest file one upload takes. */
export const ATTACHMENT_MAX_BYTES = 10 * MEBIBYTE;
/** The most files one message carries. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 5;
/** An organisation's files together, unless the server is configured otherwise (`ATTACHMENT_QUOTA_MB`). */
export const DEFAULT_ATTACHMENT_QUOTA_MB = 1024;
/** How long a link to a file works: long enough to read a thread, short enough that a leaked link dies. */
export const ATTACHMENT_LINK_MINUTES = 60;
/** Links expire on this grid, so reading a thread twice gives the same links (browsers cache the files). */
export const ATTACHMENT_LINK_STEP_MINUTES = 5;
/** An upload no message took is removed this long after it arrived. */
export const UNATTACHED_UPLOAD_HOURS = 24;

/** The only types shown inline: raster images a browser draws and never runs. Everything else downloads. */
export const INLINE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

/** Whether a file of this (sniffed) type is shown in the page; HTML, SVG and the rest are downloads. */
export const showsInline = (contentType: string): boolean => (INLINE_TYPES as readonly string[]).includes(contentType);

/** Until when a link made at `now` works: at least `ATTACHMENT_LINK_MINUTES`, rounded up to the grid. */
export function attachmentLinkExpiresAt(now: Date): Date {
  const step = ATTACHMENT_LINK_STEP_MINUTES * 60_000;
  return new Date(Math.ceil(now.getTime() / step) * step + ATTACHMENT_LINK_MINUTES * 60_000);
}

/** Uploads created before this instant and never attached are removed. */
export const unattachedUploadCutoff = (now: Date): Date => new Date(now.getTime() - UNATTACHED_UPLOAD_HOURS * 3_600_000);

/**
 * Why an upload of `bytes` (so far, or declared) is refused: over the per-file limit, or past
 * the organisation's quota with what it already stores. Null when it may go on.
 */
export function uploadRefusal(upload: { bytes: number; usedBytes: number; quotaBytes: number }): LifecycleError | null {
  if (upload.bytes > ATTACHMENT_MAX_BYTES) {
    return refusal('invalid', `A file may be at most ${ATTACHMENT_MAX_BYTES / MEBIBYTE} MB.`, {
      kind: 'file_too_large',
      maxBytes: ATTACHMENT_MAX_BYTES,
    }).error;
  }
  if (upload.usedBytes + upload.bytes > upload.quotaBytes) {
    const quotaMb = Math.floor(upload.quotaBytes / MEBIBYTE);
    return refusal(
      'invalid',
      `Your organisation's files would exceed its storage quota of ${quotaMb} MB; remove old tickets' files or ask support.`,
      { kind: 'quota_exceeded', quotaBytes: upload.quotaBytes, usedBytes: upload.usedBytes },
    ).error;
  }
  return null;
}

/** An upload as attaching reads it. */
export interface UploadStanding {
  id: string;
  /** The uploader's organisation; null for an agent's. */
  orgId: string | null;
  uploadedBy: string;
  /** Finished arriving (an upload in progress cannot be attached). */
  complete: boolean;
  /** Already on a message. */
  attached: boolean;
}

/**
 * Why `actor` may not put these uploads on a message: more than five, or any that is not the
 * actor's own finished, unattached upload (someone else's, or gone, reads as unavailable,
 * never as "someone else's"). `found` holds the uploads that exist among `ids`.
 */
export function attachRefusal(
  ids: readonly string[],
  found: readonly UploadStanding[],
  actor: ActorRef & { orgId: string | null },
): LifecycleError | null {
  if (ids.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    return refusal('invalid', `A message may carry at most ${MAX_ATTACHMENTS_PER_MESSAGE} files.`, {
      kind: 'too_many_attachments',
      max: MAX_ATTACHMENTS_PER_MESSAGE,
    }).error;
  }
  if (new Set(ids).size !== ids.length) return refusal('invalid', 'The same file is listed twice.').error;
  // A person is their id within their organisation (agents have none): hosts name users on their own.
  const usable = (id: string) =>
    found.some((u) => u.id === id && u.complete && !u.attached && u.uploadedBy === actor.userId && u.orgId === actor.orgId);
  const missing = ids.filter((id) => !usable(id));
  if (missing.length > 0) {
    return refusal('invalid', 'A file is no longer available to attach; upload it again.', {
      kind: 'attachment_unavailable',
      ids: missing,
    }).error;
  }
  return null;
}

// Characters no file name keeps: path separators, controls, and what shells and headers trip on.
const UNSAFE_NAME = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|;]+/g;
const MAX_NAME_LENGTH = 200;

/**
 * The name a file is stored and served under: no directories, no control or header-breaking
 * characters, no leading dots (hidden files), at most 200 characters with its extension kept;
 * `file` when nothing is left.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  let clean = base.normalize('NFC').replace(UNSAFE_NAME, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  if (clean.length > MAX_NAME_LENGTH) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 16 ? clean.slice(dot) : '';
    clean = clean.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
  }
  // Half of a pair (given, or left by the cut) is no character at all.
  return clean.replace(/\p{Cs}/gu, '') || 'file';
}
