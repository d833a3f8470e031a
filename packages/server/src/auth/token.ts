import { LOCALES, RESOURCE_LIMITS as LIMIT, ROLES, type Role } from '@support-tickets/core';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { safeText } from '../shared/safe-text';
import type { Caller } from '../shared/caller';
import { VerifiedTokens } from './verified-tokens';

const ALGORITHM = 'HS256';
const DEFAULT_LIFETIME_SECONDS = 60 * 60;

// Claims end up stored (names, ids): the text rule of every input, so none is cut short.
const claimText = z.string().trim().pipe(safeText(1, 200));
const id = claimText;

const claimsShape = {
  sub: id,
  role: z.enum(ROLES),
  org: id.optional(),
  name: claimText.optional(),
  /** Display name for an organisation the token creates; the org id otherwise. */
  orgName: claimText.optional(),
  /** Where mail reaches the person (SPEC §6); lower-cased, so one address is one person's. */
  email: z.email().max(254).transform((address) => address.toLowerCase()).optional(),
  /** The language of the person's mail; Persian when absent. */
  locale: z.enum(LOCALES).optional(),
  /** The cloud resources the host lets this person refer to in a ticket (SPEC §8). */
  resources: z
    .array(
      z.strictObject({
        id: z.string().trim().pipe(safeText(1, LIMIT.id)),
        type: z.string().trim().pipe(safeText(1, LIMIT.type)),
        name: z.string().trim().pipe(safeText(1, LIMIT.name)),
        region: z.string().trim().pipe(safeText(1, LIMIT.region)).optional(),
      }),
    )
    .max(LIMIT.count)
    .optional(),
};
const orgUnlessAgent = (claims: { role: Role; org?: string | undefined }) => claims.role === 'agent' || !!claims.org;
const orgMessage = { message: 'The org claim is required unless the role is agent.', path: ['org'] };

/** The latest expiry taken (2100-01-01, in seconds): later ones are mistakes, and past the range of a Date, harmful. */
export const MAX_TOKEN_EXP = Date.UTC(2100, 0, 1) / 1000;
const exp = z.number().int().positive().max(MAX_TOKEN_EXP, 'must be no later than 2100-01-01 (4102444800)');

const verifiedClaims = z.object({ ...claimsShape, exp }).refine(orgUnlessAgent, orgMessage);
const claimsToSign = z.object({ ...claimsShape, exp: exp.optional() }).refine(orgUnlessAgent, orgMessage);

export type TokenClaims = z.input<typeof claimsToSign>;

export class TokenError extends Error {
  override name = 'TokenError';
}

// jose imports a key from bytes on every call (≈ 0.3 ms); a CryptoKey imported once is reused.
type HmacKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;
const keys = new Map<string, Promise<HmacKey>>();
const keyOf = (secret: string): Promise<HmacKey> => {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, key);
  }
  return key;
};
const verifiedBySecret = new Map<string, VerifiedTokens>();

/**
 * Signs an HS256 token for the API. `exp` (seconds since the epoch) defaults to one hour from now.
 *
 * @example
 * const token = await signToken(process.env.AUTH_SECRET!, { sub: 'u-1', role: 'customer', org: 'acme', name: 'Sara' });
 */
export async function signToken(secret: string, claims: TokenClaims): Promise<string> {
  const parsed = claimsToSign.safeParse(claims);
  if (!parsed.success) throw new TypeError(`Cannot sign these claims: ${z.prettifyError(parsed.error)}`);
  const { exp, ...payload } = parsed.data;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(exp ?? Math.floor(Date.now() / 1000) + DEFAULT_LIFETIME_SECONDS)
    .sign(await keyOf(secret));
}

/**
 * Verifies a token and returns who calls, or throws a TokenError saying what is wrong: the one
 * place a caller is made from claims. `currentDate` (default: the wall clock) is the instant
 * expiry is judged at.
 */
export async function verifyToken(secret: string, token: string, currentDate?: Date): Promise<Caller> {
  let verified = verifiedBySecret.get(secret);
  if (!verified) verifiedBySecret.set(secret, (verified = new VerifiedTokens()));
  const known = verified.get(token, (currentDate ?? new Date()).getTime());
  if (known) return known;
  const caller = await verifyAfresh(secret, token, currentDate);
  verified.set(token, caller, caller.expiresAt!.getTime() / 1000);
  return caller;
}

async function verifyAfresh(secret: string, token: string, currentDate: Date | undefined): Promise<Caller> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, await keyOf(secret), {
      algorithms: [ALGORITHM],
      requiredClaims: ['exp'],
      ...(currentDate ? { currentDate } : {}),
    }));
  } catch (error) {
    throw new TokenError(describeJoseError(error));
  }
  const claims = verifiedClaims.safeParse(payload);
  if (!claims.success) {
    throw new TokenError(`The token's claims are invalid: ${z.prettifyError(claims.error).replaceAll('\n', ' ')}`);
  }
  const { sub, role, org, name, orgName, email, locale, exp, resources } = claims.data;
  return {
    userId: sub,
    role,
    orgId: role === 'agent' ? null : (org ?? null),
    name: name ?? sub,
    orgName: orgName ?? null,
    email: email ?? null,
    locale: locale ?? null,
    expiresAt: new Date(exp * 1000),
    resources: (resources ?? []).map((r) => ({ id: r.id, type: r.type, name: r.name, region: r.region ?? null })),
  };
}

/** Reads the bearer token of an Authorization header; null when there is none. */
export function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? '';
}

function describeJoseError(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is invalid.';
  if (error instanceof errors.JWTClaimValidationFailed) return `The token is invalid: ${error.message}.`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token must be signed with HS256.';
  if (error instanceof errors.JOSEError) return 'The token is malformed.';
  return 'The token could not be verified.';
}
