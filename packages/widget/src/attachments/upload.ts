import { ATTACHMENT_MAX_BYTES, type RefusalReason } from '@support-tickets/core';
import type { TokenSource } from '../api/client';

/** An upload as `POST /attachments` answers it. */
export interface Uploaded {
  id: string;
  name: string;
  size: number;
  contentType: string;
}

/** Why an upload failed: the server's refusal (with its reason), a lost connection, or a cancel. */
export class UploadError extends Error {
  constructor(
    readonly kind: 'refused' | 'network' | 'cancelled',
    readonly reason: RefusalReason | null = null,
  ) {
    super(kind);
  }
}

export interface UploadHandle {
  done: Promise<Uploaded>;
  cancel(): void;
}

/**
 * Sends one file to `POST /attachments` as the raw body, through XHR because `fetch` reports
 * no upload progress. An expired token is refreshed once (like every API call) and the file
 * sent again.
 */
export function uploadFile(
  target: { url: string; tokens: TokenSource },
  file: Blob,
  name: string,
  onProgress: (share: number) => void,
): UploadHandle {
  let xhr: XMLHttpRequest | null = null;
  let cancelled = false;
  const send = (token: string | null) =>
    new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      if (cancelled) return reject(new UploadError('cancelled'));
      const request = (xhr = new XMLHttpRequest());
      request.open('POST', `${target.url.replace(/\/+$/, '')}/attachments`);
      if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
      request.setRequestHeader('x-filename', encodeURIComponent(name));
      request.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      request.responseType = 'json';
      request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
      request.onload = () => resolve({ status: request.status, body: request.response });
      request.onerror = () => reject(new UploadError('network'));
      request.onabort = () => reject(new UploadError('cancelled'));
      request.send(file);
    });
  const done = (async () => {
    let answer = await send(await target.tokens.current());
    if (answer.status === 401) {
      const fresh = await target.tokens.refresh();
      if (fresh) answer = await send(fresh);
    }
    if (answer.status === 201) return answer.body as Uploaded;
    // A 413 may come with the connection closed before the body: no reason then, but the status says it.
    const reason = (answer.body as { error?: { reason?: RefusalReason | null } } | null)?.error?.reason ?? null;
    throw new UploadError('refused', reason ?? (answer.status === 413 ? { kind: 'file_too_large', maxBytes: ATTACHMENT_MAX_BYTES } : null));
  })();
  return {
    done,
    cancel() {
      cancelled = true;
      xhr?.abort();
    },
  };
}
