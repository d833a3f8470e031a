import type { Caller } from '../shared/caller';

/** How many verified tokens are kept; a full cache forgets the oldest first. */
const MAX_ENTRIES = 10_000;

/**
 * Tokens already verified, with the caller each one makes, until they expire: a widget sends the
 * same token with every call, and verifying it (HMAC, claims, zod) is a fifth of a cheap read.
 * Keyed by the whole token, so a token differing by one byte is verified afresh; only successes
 * are kept, so a refused token is refused again with its reason.
 */
export class VerifiedTokens {
  readonly #callers = new Map<string, { caller: Caller; expSeconds: number }>();

  /** The caller of a token verified before, unless it has expired at `nowMs`. */
  get(token: string, nowMs: number): Caller | undefined {
    const known = this.#callers.get(token);
    if (!known) return undefined;
    // jose's rule: a token is expired from its `exp` second on.
    if (Math.floor(nowMs / 1000) >= known.expSeconds) {
      this.#callers.delete(token);
      return undefined;
    }
    return known.caller;
  }

  /** Keeps a caller verified just now; `expSeconds` is the token's `exp`. */
  set(token: string, caller: Caller, expSeconds: number): void {
    if (this.#callers.size >= MAX_ENTRIES) this.#callers.delete(this.#callers.keys().next().value!);
    this.#callers.set(token, { caller: Object.freeze(caller), expSeconds });
  }

  get size(): number {
    return this.#callers.size;
  }
}
