import { createHmac, timingSafeEqual } from 'node:crypto';
import { attachmentLinkExpiresAt } from '@support-tickets/core';

/** Signed, expiring links to files: what an `<img>` (which sends no Authorization header) loads. */
export interface AttachmentLinks {
  /** A path (`/attachments/<id>?expires=…&signature=…`) working until `attachmentLinkExpiresAt(now)`. */
  url(id: string, now: Date): string;
  /** Whether a link's parts are one this server signed and it has not expired at `now`. */
  check(id: string, expires: string | undefined, signature: string | undefined, now: Date): 'ok' | 'expired' | 'invalid';
}

/**
 * Links signed with HMAC-SHA256 under a key derived from the auth secret (so a file link can
 * never pass for anything else signed with it), covering the file's id and the expiry.
 *
 * @example
 * const links = createAttachmentLinks(authSecret);
 * links.url(id, new Date()); // '/attachments/0193…?expires=1767225600&signature=…'
 */
export function createAttachmentLinks(secret: string): AttachmentLinks {
  const key = createHmac('sha256', secret).update('support-tickets attachment links v1').digest();
  const sign = (id: string, expires: string) => createHmac('sha256', key).update(`${id}.${expires}`).digest();
  return {
    url(id, now) {
      const expires = String(Math.floor(attachmentLinkExpiresAt(now).getTime() / 1000));
      const signature = sign(id, expires).toString('base64url');
      return `/attachments/${encodeURIComponent(id)}?expires=${expires}&signature=${signature}`;
    },
    check(id, expires, signature, now) {
      if (!expires || !signature || !/^\d{1,12}$/.test(expires)) return 'invalid';
      const given = Buffer.from(signature, 'base64url');
      const expected = sign(id, expires);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
      return Number(expires) * 1000 <= now.getTime() ? 'expired' : 'ok';
    },
  };
}
