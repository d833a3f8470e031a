import { showsInline } from '@support-tickets/core';
import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { attachments } from '../db/schema';
import type { ServiceDeps } from '../shared/deps';

/**
 * `GET /attachments/:id?expires=…&signature=…`: a file through a link `ticket.get` signed. A
 * link that was altered or has expired is refused (403). PNG, JPEG, GIF and WebP are shown
 * inline; anything else (HTML and SVG above all) downloads, never sniffed into a page, never
 * able to run a script even if opened, under its name made safe in `filename` and `filename*`.
 * The bytes stream from the blob store a chunk at a time.
 */
export async function serveAttachment(c: Context, deps: ServiceDeps): Promise<Response> {
  const id = c.req.param('id') ?? '';
  const now = deps.now();
  const verdict = deps.attachments.links.check(id, c.req.query('expires'), c.req.query('signature'), now);
  if (verdict !== 'ok') {
    const message = verdict === 'expired' ? 'This link has expired; open the ticket again for a fresh one.' : 'This link is not valid.';
    return c.json({ error: { message } }, 403);
  }
  const file = await deps.database.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, id), eq(attachments.complete, true)))
    .get();
  if (!file) return c.json({ error: { message: 'No such file.' } }, 404);

  const inline = showsInline(file.contentType);
  const expires = Number(c.req.query('expires')) * 1000;
  return new Response(deps.attachments.store.read(file.id), {
    headers: {
      'Content-Type': file.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : file.contentType,
      'Content-Length': String(file.size),
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', file.name),
      'X-Content-Type-Options': 'nosniff',
      // Opened on its own, a file can load nothing and run nothing.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      // Host pages of other origins show the images in the widget.
      'Cross-Origin-Resource-Policy': 'cross-origin',
      // The same link is the same bytes until it expires; only this browser keeps them.
      'Cache-Control': `private, max-age=${Math.max(0, Math.floor((expires - now.getTime()) / 1000))}, immutable`,
    },
  });
}

/**
 * `inline` or `attachment` with the name twice: `filename` in plain ASCII (for old clients;
 * anything else becomes `_`) and `filename*` in UTF-8 (RFC 6266 / 8187), which clients prefer.
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
