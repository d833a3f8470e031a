import { describe, expect, it } from 'vitest';
import { unsignedToken as fakeToken } from '../testing/fake-stream';
import { readSession } from './session';

describe('readSession', () => {
  it('reads role and name, UTF-8 included', () => {
    expect(readSession(fakeToken({ sub: 'u1', role: 'org_admin', org: 'o1', name: 'سارا' }))).toEqual({
      role: 'org_admin',
      userId: 'u1',
      name: 'سارا',
      orgId: 'o1',
    });
  });

  it('gives null for anything unreadable or an unknown role', () => {
    expect(readSession('')).toBeNull();
    expect(readSession('a.b.c')).toBeNull();
    expect(readSession(fakeToken({ sub: 'u', role: 'root' }))).toBeNull();
  });
});
