import { ROLES, type Role } from '@support-tickets/core';

/** What the widget reads of a token to choose a view. Never trusted: the server decides. */
export interface Session {
  role: Role;
  userId: string;
  name: string | null;
  orgId: string | null;
  /** Whether the token lists cloud resources (its `resources` claim): the new-ticket form then offers them. */
  resources: boolean;
}

/** Decodes a JWT's payload (no verification: display only). Null when it cannot be read. */
export function readSession(token: string | null | undefined): Session | null {
  const claims = readClaims(token);
  if (!claims) return null;
  const role = claims['role'];
  if (!(ROLES as readonly unknown[]).includes(role)) return null;
  return {
    role: role as Role,
    userId: typeof claims['sub'] === 'string' ? claims['sub'] : '',
    name: typeof claims['name'] === 'string' ? claims['name'] : null,
    orgId: typeof claims['org'] === 'string' ? claims['org'] : null,
    resources: Array.isArray(claims['resources']) && claims['resources'].length > 0,
  };
}

/** When the token expires (ms since the epoch), or null when it does not say. */
export function tokenExpiresAt(token: string): number | null {
  const exp = readClaims(token)?.['exp'];
  return typeof exp === 'number' ? exp * 1000 : null;
}

function readClaims(token: string | null | undefined): Record<string, unknown> | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replaceAll('-', '+').replaceAll('_', '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
