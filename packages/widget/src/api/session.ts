import { ROLES, type Role } from '@support-tickets/core';

/** What the widget reads of a token to choose a view. Never trusted: the server decides. */
export interface Session {
  role: Role;
  userId: string;
  name: string | null;
  orgId: string | null;
}

/** Decodes a JWT's payload (no verification: display only). Null when it cannot be read. */
export function readSession(token: string | null | undefined): Session | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replaceAll('-', '+').replaceAll('_', '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    const role = claims['role'];
    if (!(ROLES as readonly unknown[]).includes(role)) return null;
    return {
      role: role as Role,
      userId: typeof claims['sub'] === 'string' ? claims['sub'] : '',
      name: typeof claims['name'] === 'string' ? claims['name'] : null,
      orgId: typeof claims['org'] === 'string' ? claims['org'] : null,
    };
  } catch {
    return null;
  }
}
