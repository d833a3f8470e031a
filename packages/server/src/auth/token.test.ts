import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { bearerToken, signToken, TokenError, verifyToken } from './token';

const SECRET = 'unit-test-secret-0123456789';
const key = new TextEncoder().encode(SECRET);
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

/** A token with exactly these claims, bypassing signToken's checks. */
const raw = (claims: Record<string, unknown>, alg = 'HS256', secret = key) =>
  new SignJWT(claims).setProtectedHeader({ alg }).sign(secret);

async function refusal(token: string): Promise<string> {
  const error = await verifyToken(SECRET, token).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenError);
  return (error as TokenError).message;
}

describe('signToken and verifyToken', () => {
  it('round-trips a customer, with the expiry', async () => {
    const exp = inAnHour();
    const token = await signToken(SECRET, { sub: 'u1', role: 'customer', org: 'acme', name: 'Sara', exp });
    await expect(verifyToken(SECRET, token)).resolves.toEqual({
      userId: 'u1',
      role: 'customer',
      orgId: 'acme',
      name: 'Sara',
      orgName: null,
      email: null,
      locale: null,
      expiresAt: new Date(exp * 1000),
      resources: [],
    });
  });

  it('carries the resources the host lists, region or not, and refuses more than 50', async () => {
    const resources = [{ id: 'vm-1', type: 'vm', name: 'web', region: 'thr1' }, { id: 'db-1', type: 'database', name: 'main' }];
    const token = await signToken(SECRET, { sub: 'u1', role: 'customer', org: 'acme', resources });
    expect((await verifyToken(SECRET, token)).resources).toEqual([resources[0], { ...resources[1], region: null }]);
    const many = Array.from({ length: 51 }, (_, i) => ({ id: `vm-${i}`, type: 'vm', name: `vm ${i}` }));
    await expect(signToken(SECRET, { sub: 'u1', role: 'customer', org: 'acme', resources: many })).rejects.toThrow(/resources/);
  });

  it('lets an agent go without an org and ignores one it carries', async () => {
    const token = await signToken(SECRET, { sub: 'a1', role: 'agent', org: 'acme' });
    await expect(verifyToken(SECRET, token)).resolves.toMatchObject({ userId: 'a1', role: 'agent', orgId: null, name: 'a1' });
  });

  it('expires after an hour by default, or at the exp given', async () => {
    const token = await signToken(SECRET, { sub: 'u1', role: 'org_admin', org: 'acme' });
    await expect(verifyToken(SECRET, token, new Date(Date.now() + 59 * 60_000))).resolves.toBeTruthy();
    expect(await verifyToken(SECRET, token, new Date(Date.now() + 61 * 60_000)).catch((e: Error) => e.message)).toBe(
      'The token has expired.',
    );
    const short = await signToken(SECRET, { sub: 'u1', role: 'customer', org: 'acme', exp: Math.floor(Date.now() / 1000) - 5 });
    expect(await refusal(short)).toBe('The token has expired.');
  });

  it('refuses to sign claims the API would refuse', async () => {
    await expect(signToken(SECRET, { sub: 'u1', role: 'customer' })).rejects.toThrow(/org/);
    await expect(signToken(SECRET, { sub: '', role: 'agent' })).rejects.toThrow(/sub/);
    // @ts-expect-error an unknown role
    await expect(signToken(SECRET, { sub: 'u1', role: 'admin', org: 'x' })).rejects.toThrow(/role/);
  });

  it('refuses a wrongly signed token', async () => {
    const token = await signToken('another-secret-0123456789', { sub: 'u1', role: 'agent' });
    expect(await refusal(token)).toBe('The token signature is invalid.');
  });

  it.each([
    ['garbage', 'not-a-token'],
    ['two segments', 'abc.def'],
    ['empty', ''],
    ['an unsigned token', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1MSIsInJvbGUiOiJhZ2VudCJ9.'],
  ])('refuses a malformed token: %s', async (_label, token) => {
    expect(await refusal(token)).toMatch(/malformed|HS256|invalid/);
  });

  it('refuses another algorithm', async () => {
    const token = await raw({ sub: 'u1', role: 'agent', exp: inAnHour() }, 'HS512', new Uint8Array(64).fill(1));
    expect(await refusal(token)).toMatch(/HS256/);
  });

  it.each([
    ['sub', { role: 'agent', exp: 0 }],
    ['role', { sub: 'u1', org: 'acme', exp: 0 }],
    ['org', { sub: 'u1', role: 'customer', exp: 0 }],
    ['exp', { sub: 'u1', role: 'agent' }],
  ])('refuses a token without %s', async (claim, claims) => {
    const withExp = 'exp' in claims ? { ...claims, exp: inAnHour() } : claims;
    const message = await refusal(await raw(withExp));
    expect(message).toContain(claim);
  });

  it('carries the email (lower-cased) and locale a host gives, and refuses bad ones', async () => {
    const token = await signToken(SECRET, { sub: 'u1', role: 'customer', org: 'acme', email: 'Sara@Example.COM', locale: 'en' });
    await expect(verifyToken(SECRET, token)).resolves.toMatchObject({ email: 'sara@example.com', locale: 'en' });
    expect(await refusal(await raw({ sub: 'u1', role: 'agent', email: 'not an address', exp: inAnHour() }))).toMatch(/email/);
    expect(await refusal(await raw({ sub: 'u1', role: 'agent', locale: 'de', exp: inAnHour() }))).toMatch(/locale/);
  });

  it('refuses an unknown role and claims of the wrong type', async () => {
    expect(await refusal(await raw({ sub: 'u1', role: 'superuser', org: 'a', exp: inAnHour() }))).toContain('role');
    expect(await refusal(await raw({ sub: 42, role: 'agent', exp: inAnHour() }))).toContain('sub');
    expect(await refusal(await raw({ sub: 'u1', role: 'customer', org: ['a'], exp: inAnHour() }))).toContain('org');
  });
});

describe('bearerToken', () => {
  it('reads the token of a Bearer header, case-insensitively', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer   xyz ')).toBe('xyz');
  });
  it('tells a missing header from a malformed one', () => {
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken('')).toBeNull();
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBe('');
    expect(bearerToken('Bearer')).toBe('');
  });
});
