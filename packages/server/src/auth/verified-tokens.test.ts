import { describe, expect, it } from 'vitest';
import { signToken, TokenError, verifyToken } from './token';
import { VerifiedTokens } from './verified-tokens';

const SECRET = 'verified-tokens-secret-0123456789';
const caller = (userId: string) => ({ userId, role: 'customer' as const, orgId: 'acme', name: userId, orgName: null, email: null, locale: null, expiresAt: new Date(2_000_000 * 1000) });

describe('VerifiedTokens', () => {
  it('serves a verified caller until the second of its expiry', () => {
    const tokens = new VerifiedTokens();
    tokens.set('t', caller('u1'), 2_000_000);
    expect(tokens.get('t', 1_999_999_999)?.userId).toBe('u1');
    expect(tokens.get('t', 2_000_000_000)).toBeUndefined();
    // Once expired it is forgotten, not served again by an earlier clock.
    expect(tokens.get('t', 1_000)).toBeUndefined();
  });

  it('keeps a bounded number of tokens, forgetting the oldest', () => {
    const tokens = new VerifiedTokens();
    for (let i = 0; i <= 10_000; i++) tokens.set(`t${i}`, caller(`u${i}`), 2_000_000);
    expect(tokens.size).toBe(10_000);
    expect(tokens.get('t0', 0)).toBeUndefined();
    expect(tokens.get('t10000', 0)?.userId).toBe('u10000');
  });
});

describe('verifyToken with verified tokens remembered', () => {
  it('answers a token again with the same caller, and still refuses it once expired', async () => {
    const exp = Math.floor(Date.now() / 1000) + 60;
    const token = await signToken(SECRET, { sub: 'u1', role: 'customer', org: 'acme', exp });
    const first = await verifyToken(SECRET, token);
    expect(await verifyToken(SECRET, token)).toBe(first);
    await expect(verifyToken(SECRET, token, new Date((exp + 1) * 1000))).rejects.toThrow(new TokenError('The token has expired.'));
  });

  it('never serves a remembered caller for a token changed by one character', async () => {
    const token = await signToken(SECRET, { sub: 'u2', role: 'customer', org: 'acme' });
    await verifyToken(SECRET, token);
    const tampered = token.slice(0, -2) + (token.at(-2) === 'A' ? 'B' : 'A') + token.at(-1);
    await expect(verifyToken(SECRET, tampered)).rejects.toBeInstanceOf(TokenError);
  });

  it('does not share what one secret verified with another', async () => {
    const token = await signToken(SECRET, { sub: 'u3', role: 'customer', org: 'acme' });
    await verifyToken(SECRET, token);
    await expect(verifyToken(`${SECRET}-other`, token)).rejects.toThrow('The token signature is invalid.');
  });
});
