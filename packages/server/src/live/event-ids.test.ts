import { describe, expect, it } from 'vitest';
import { createEventIdSeal } from './event-ids';

describe('createEventIdSeal', () => {
  const ids = createEventIdSeal('a-secret-of-the-server-0123456789');

  it('opens what it sealed, and the same id always seals the same way', () => {
    for (const id of [0, 1, 2, 41, 42, 1_000_000, Number.MAX_SAFE_INTEGER]) {
      expect(ids.open(ids.seal(id))).toBe(id);
      expect(ids.seal(id)).toBe(createEventIdSeal('a-secret-of-the-server-0123456789').seal(id));
    }
  });

  it('shows nothing of the id: neighbours look unrelated', () => {
    const [a, b] = [ids.seal(1000), ids.seal(1001)];
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.slice(0, 4)).not.toBe(b.slice(0, 4));
    expect(a).not.toContain('1000');
  });

  it('refuses what another secret sealed, numbers and garbage', () => {
    expect(createEventIdSeal('another-secret-0123456789abcdef').open(ids.seal(7))).toBeNull();
    for (const value of ['7', '', 'AAAAAAAAAAAAAAAAAAAAAA', 'not an id at all', `${ids.seal(7)}x`]) expect(ids.open(value)).toBeNull();
  });
});
