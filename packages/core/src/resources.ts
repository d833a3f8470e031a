import { refusal, type Refused } from './lifecycle-types';

// The customer's cloud resources (SPEC §8): what the host lets a person refer to in a ticket.

/** A cloud resource as a token lists it and a ticket keeps it. */
export interface CloudResource {
  id: string;
  type: string;
  name: string;
  region: string | null;
}

export const RESOURCE_LIMITS = { count: 50, id: 100, type: 50, name: 200, region: 50 } as const;

/**
 * The resources of a new ticket, as a snapshot of the token's list, in the order asked; or a
 * refusal naming the ids the token does not list.
 *
 * @example
 * pickResources([{ id: 'vm-1', type: 'vm', name: 'web', region: null }], ['vm-1']); // → { ok: true, resources: [...] }
 */
export function pickResources(
  allowed: readonly CloudResource[],
  ids: readonly string[],
): { ok: true; resources: CloudResource[] } | Refused {
  const byId = new Map(allowed.map((r) => [r.id, r]));
  const unique = [...new Set(ids)];
  const missing = unique.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    return refusal('invalid', `These resources are not yours to refer to: ${missing.join(', ')}.`, {
      kind: 'resource_not_allowed',
      resourceIds: missing,
    });
  }
  return { ok: true, resources: unique.map((id) => byId.get(id)!) };
}
