import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';

/**
 * Turns the timeline's internal ids (one counter for every tenant, whose gaps would show how
 * busy the others are) into the opaque ids live updates carry, and back when a client resumes.
 */
export interface EventIdSeal {
  seal(id: number): string;
  /** The internal id, or null when `sealed` is not an id this server's secret made. */
  open(sealed: string): number | null;
}

// One AES block: 8 bytes of a fixed tag, then the id. Encrypting one block is a keyed
// permutation, so the id is hidden entirely, the same event always gets the same opaque id
// (from any process with the same secret), and a made-up value almost surely fails the tag.
const TAG = Buffer.from('st-event', 'latin1');
const SEALED = /^[A-Za-z0-9_-]{22}$/;

/**
 * The seal of a server: its key is derived from the auth secret, which every process sharing
 * the database has, so a client resumes on any of them.
 *
 * @example
 * const ids = createEventIdSeal(authSecret);
 * ids.open(ids.seal(42)); // 42
 */
export function createEventIdSeal(secret: string): EventIdSeal {
  const key = Buffer.from(hkdfSync('sha256', secret, 'support-tickets', 'live event ids', 32));
  const run = (mode: 'encrypt' | 'decrypt', block: Buffer) => {
    const cipher = mode === 'encrypt' ? createCipheriv('aes-256-ecb', key, null) : createDecipheriv('aes-256-ecb', key, null);
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(block), cipher.final()]);
  };
  return {
    seal(id) {
      const block = Buffer.alloc(16);
      TAG.copy(block);
      block.writeBigUInt64BE(BigInt(id), 8);
      return run('encrypt', block).toString('base64url');
    },
    open(sealed) {
      if (!SEALED.test(sealed)) return null;
      const block = run('decrypt', Buffer.from(sealed, 'base64url'));
      if (!block.subarray(0, 8).equals(TAG)) return null;
      const id = block.readBigUInt64BE(8);
      return id <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(id) : null;
    },
  };
}
