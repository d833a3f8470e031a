import { describe, expect, it } from 'vitest';
import { decodeTicketCursor as decodeCursor, encodeTicketCursor as encodeCursor, type TicketCursor } from './cursor';

describe('ticket list cursors', () => {
  it('round-trips both sort orders', () => {
    const cursors: TicketCursor[] = [
      { sort: 'due', rank: 0, at: 1_778_000_000_000, id: '0196c1a0-0000-7000-8000-000000000001' },
      { sort: 'due', rank: 2, at: -1_778_000_000_000, id: 'b' },
      { sort: 'updated', updatedAt: 1_778_000_000_123, id: 'a' },
    ];
    for (const cursor of cursors) expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('is opaque and URL-safe', () => {
    const encoded = encodeCursor({ sort: 'updated', updatedAt: 1, id: 'x/y+z?' });
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encoded).not.toContain('updated');
  });

  it.each([
    ['empty', ''],
    ['not base64', '***'],
    ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
    ['unknown sort', Buffer.from(JSON.stringify({ s: 'created', k: [1, 'a'] })).toString('base64url')],
    ['wrong key shape', Buffer.from(JSON.stringify({ s: 'due', k: [1, 'a'] })).toString('base64url')],
    ['fractional time', Buffer.from(JSON.stringify({ s: 'updated', k: [1.5, 'a'] })).toString('base64url')],
    ['empty id', Buffer.from(JSON.stringify({ s: 'updated', k: [1, ''] })).toString('base64url')],
  ])('rejects a cursor that is %s', (_label, value) => {
    expect(decodeCursor(value)).toBeNull();
  });
});
