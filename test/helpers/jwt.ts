import { createHmac } from 'node:crypto';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT with exactly these claims, signed by hand (HS256/HS512), to send tokens signToken refuses to make. */
export function handMadeToken(claims: Record<string, unknown>, secret: string, alg: 'HS256' | 'HS512' = 'HS256'): string {
  const head = `${b64({ alg, typ: 'JWT' })}.${b64(claims)}`;
  const signature = createHmac(alg === 'HS256' ? 'sha256' : 'sha512', secret).update(head).digest('base64url');
  return `${head}.${signature}`;
}
