import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The built widget as a production site serves it (SPEC §9): the brotli or gzip file the build
 * wrote beside each script, chosen by Accept-Encoding; an ETag to revalidate with; the main
 * file (a stable name hosts embed) revalidated on every view, the content-hashed chunks
 * cached for a year; source maps only when asked for.
 */
export interface WidgetFilesOptions {
  /** packages/widget/dist */
  dir: string;
  /** Serve `*.map` (SERVE_SOURCE_MAPS=1); 404 otherwise. */
  serveSourceMaps: boolean;
}

// One path segment of letters, digits, dot, dash, underscore; never "..": no way out of the folder.
const SAFE_NAME = /^(?!\.\.?$)[\w.-]+$/;
/** A chunk named by its content (`support-tickets-agent-D5NTJNjg.js`): a new build gives a new name. */
const HASHED_CHUNK = /^support-tickets-[\w]+-[\w-]{8,}\.js$/;
const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  map: 'application/json; charset=utf-8',
};
// Preferred first: brotli is the smaller.
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

interface Variant {
  body: Buffer;
  etag: string;
}

/** Answers GET /widget/<name>; null when there is no such file to serve. */
export function createWidgetFiles({ dir, serveSourceMaps }: WidgetFilesOptions) {
  // Read once per build of a file (keyed by its modification time), not once per request.
  const cache = new Map<string, { mtimeMs: number; variant: Variant }>();
  const read = async (path: string, tag: string): Promise<Variant | null> => {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    const known = cache.get(path);
    if (known?.mtimeMs === info.mtimeMs) return known.variant;
    const body = await readFile(path);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}${tag}"`;
    const variant = { body, etag };
    cache.set(path, { mtimeMs: info.mtimeMs, variant });
    return variant;
  };

  return async function serve(name: string, request: { acceptEncoding: string | undefined; ifNoneMatch: string | undefined }): Promise<Response | null> {
    const type = CONTENT_TYPES[name.slice(name.lastIndexOf('.') + 1)];
    if (!SAFE_NAME.test(name) || !type || (name.endsWith('.map') && !serveSourceMaps)) return null;
    const path = join(dir, name);
    const plain = await stat(path).catch(() => null);
    if (!plain?.isFile()) return null;

    const accepted = acceptedEncodings(request.acceptEncoding);
    let encoding: string | null = null;
    let variant: Variant | null = null;
    for (const candidate of ENCODINGS) {
      if (!accepted.has(candidate.name)) continue;
      const compressed = await stat(path + candidate.suffix).catch(() => null);
      // A twin older than its file is left from an earlier build: never send it.
      if (!compressed?.isFile() || compressed.mtimeMs < plain.mtimeMs) continue;
      variant = await read(path + candidate.suffix, `-${candidate.name}`);
      if (variant) {
        encoding = candidate.name;
        break;
      }
    }
    variant ??= await read(path, '');
    if (!variant) return null;

    const headers: Record<string, string> = {
      'content-type': type,
      vary: 'Accept-Encoding',
      etag: variant.etag,
      'cache-control': HASHED_CHUNK.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache',
      // Host pages on other sites load it: it is public, and nothing else of the server is.
      'cross-origin-resource-policy': 'cross-origin',
    };
    if (matches(request.ifNoneMatch, variant.etag)) return new Response(null, { status: 304, headers });
    if (encoding) headers['content-encoding'] = encoding;
    headers['content-length'] = String(variant.body.length);
    return new Response(new Uint8Array(variant.body), { headers });
  };
}

/** The codings an Accept-Encoding header allows (q > 0). */
function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (coding && !(q && Number(q.slice(2)) === 0)) accepted.add(coding);
  }
  if (accepted.has('*')) for (const { name } of ENCODINGS) accepted.add(name);
  return accepted;
}

/** Whether If-None-Match names this ETag (weak comparison, as for a GET). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
