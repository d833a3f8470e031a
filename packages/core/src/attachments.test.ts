import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_MAX_BYTES,
  attachmentLinkExpiresAt,
  attachRefusal,
  MEBIBYTE,
  safeFileName,
  showsInline,
  uploadRefusal,
  type UploadStanding,
} from './attachments';

const customer = { role: 'customer', userId: 'c1', orgId: 'acme' } as const;
const upload = (id: string, change: Partial<UploadStanding> = {}): UploadStanding => ({
  id,
  orgId: 'acme',
  uploadedBy: 'c1',
  complete: true,
  attached: false,
  ...change,
});

describe('uploadRefusal', () => {
  it('takes a file of exactly 10 MB within the quota, refuses one byte more', () => {
    expect(uploadRefusal({ bytes: ATTACHMENT_MAX_BYTES, usedBytes: 0, quotaBytes: 1024 * MEBIBYTE })).toBeNull();
    expect(uploadRefusal({ bytes: ATTACHMENT_MAX_BYTES + 1, usedBytes: 0, quotaBytes: 1024 * MEBIBYTE })?.reason).toEqual({
      kind: 'file_too_large',
      maxBytes: ATTACHMENT_MAX_BYTES,
    });
  });

  it('refuses what would pass the organisation’s quota, saying the quota and what is used', () => {
    const refused = uploadRefusal({ bytes: 2 * MEBIBYTE, usedBytes: 9 * MEBIBYTE, quotaBytes: 10 * MEBIBYTE });
    expect(refused?.reason).toEqual({ kind: 'quota_exceeded', quotaBytes: 10 * MEBIBYTE, usedBytes: 9 * MEBIBYTE });
    expect(refused?.message).toMatch(/quota of 10 MB/);
    expect(uploadRefusal({ bytes: MEBIBYTE, usedBytes: 9 * MEBIBYTE, quotaBytes: 10 * MEBIBYTE })).toBeNull();
  });
});

describe('attachRefusal', () => {
  it('lets a person attach up to five of their own finished, unattached uploads', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    expect(attachRefusal(ids, ids.map((id) => upload(id)), customer)).toBeNull();
  });

  it('refuses a sixth file', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(attachRefusal(ids, ids.map((id) => upload(id)), customer)?.reason).toEqual({ kind: 'too_many_attachments', max: 5 });
  });

  it('refuses, as unavailable, someone else’s upload, another organisation’s, an attached or unfinished one, or a missing one', () => {
    const cases: Array<UploadStanding | null> = [
      upload('x', { uploadedBy: 'c2' }),
      upload('x', { orgId: 'other' }),
      upload('x', { attached: true }),
      upload('x', { complete: false }),
      null,
    ];
    for (const found of cases) {
      expect(attachRefusal(['x'], found ? [found] : [], customer)?.reason).toEqual({ kind: 'attachment_unavailable', ids: ['x'] });
    }
  });

  it('lets an agent attach their own uploads (which belong to no organisation)', () => {
    expect(attachRefusal(['a'], [upload('a', { orgId: null, uploadedBy: 'ag' })], { role: 'agent', userId: 'ag', orgId: null })).toBeNull();
  });
});

describe('showsInline', () => {
  it('shows only PNG, JPEG, GIF and WebP inline; HTML and SVG never', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/gif', 'image/webp']) expect(showsInline(type)).toBe(true);
    for (const type of ['text/html', 'image/svg+xml', 'application/xml', 'text/plain', 'application/pdf']) expect(showsInline(type)).toBe(false);
  });
});

describe('attachmentLinkExpiresAt', () => {
  it('gives at least an hour, on a five-minute grid so a thread read twice gets the same links', () => {
    const at = new Date('2026-05-13T10:02:10Z');
    expect(attachmentLinkExpiresAt(at).toISOString()).toBe('2026-05-13T11:05:00.000Z');
    expect(attachmentLinkExpiresAt(new Date('2026-05-13T10:04:59Z'))).toEqual(attachmentLinkExpiresAt(at));
  });
});

describe('safeFileName', () => {
  it('keeps the last part of a path, without controls, quotes or leading dots', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\me\\report.pdf')).toBe('report.pdf');
    expect(safeFileName('a"b\r\nc;.txt')).toBe('a_b_c_.txt');
    expect(safeFileName('.htaccess')).toBe('htaccess');
    expect(safeFileName('اسکرین‌شات.png')).toBe('اسکرین‌شات.png');
    expect(safeFileName('')).toBe('file');
  });

  it('shortens a long name to 200 characters, keeping its extension', () => {
    const name = safeFileName(`${'x'.repeat(300)}.log`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.log')).toBe(true);
  });
});
