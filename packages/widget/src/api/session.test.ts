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
      resources: false,
    });
  });

  it('says whether the token lists resources (for the form to offer them), nothing more of them', () => {
    const resources = [{ id: 'vm-1', type: 'vm', name: 'web-1' }];
    expect(readSession(fakeToken({ sub: 'u1', role: 'customer', org: 'o1', resources }))?.resources).toBe(true);
    expect(readSession(fakeToken({ sub: 'u1', role: 'customer', org: 'o1', resources: [] }))?.resources).toBe(false);
    expect(readSession(fakeToken({ sub: 'u1', role: 'customer', org: 'o1', resources: 'vm-1' }))?.resources).toBe(false);
  });

  it('gives null for anything unreadable or an unknown role', () => {
    expect(readSession('')).toBeNull();
    expect(readSession('a.b.c')).toBeNull();
    expect(readSession(fakeToken({ sub: 'u', role: 'root' }))).toBeNull();
  });
});
