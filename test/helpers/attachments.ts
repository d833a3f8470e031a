import { request } from 'node:http';

// Files for the attachment tests, made here: a real 1×1 PNG, text, an HTML page.

/** A valid 1×1 transparent PNG. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const HTML_PAGE = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
export const LOG_TEXT = Buffer.from('2026-05-13 10:00:01 kubelet: node not ready\n2026-05-13 10:00:02 kubelet: retrying\n');

export interface UploadAnswer {
  status: number;
  json: any;
  headers: Headers;
}

const answer = async (res: Response): Promise<UploadAnswer> => ({ status: res.status, json: await res.json().catch(() => null), headers: res.headers });

/** `POST /attachments` with the raw file as the body, as a host script or the widget sends it. */
export async function uploadRaw(
  origin: string,
  token: string | null,
  bytes: Uint8Array,
  name: string,
  contentType = 'application/octet-stream',
): Promise<UploadAnswer> {
  const res = await fetch(`${origin}/attachments`, {
    method: 'POST',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      'content-type': contentType,
      'x-filename': encodeURIComponent(name),
    },
    body: Buffer.from(bytes),
  });
  return answer(res);
}

/** `POST /attachments` as a form with a `file` field. */
export async function uploadForm(origin: string, token: string, bytes: Uint8Array, name: string, type = 'application/octet-stream'): Promise<UploadAnswer> {
  const form = new FormData();
  form.append('note', 'ignored');
  form.append('file', new Blob([Buffer.from(bytes)], { type }), name);
  const res = await fetch(`${origin}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return answer(res);
}

/** A body of `total` bytes that arrives in pieces, with no Content-Length (chunked). */
export function streamOf(total: number, piece = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      const size = Math.min(piece, total - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
}

/**
 * Announces `announced` bytes, sends only `sent` of them, and resolves with the status of the
 * answer the server gives without waiting for the rest (rejects if it waits for more).
 */
export function announceAndStall(origin: string, token: string, announced: number, sent: number): Promise<number> {
  const url = new URL(`${origin}/attachments`);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-length': String(announced), 'x-filename': 'huge.bin' },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      },
    );
    req.on('error', (error) => reject(error));
    req.write(Buffer.alloc(sent, 1));
  });
}
