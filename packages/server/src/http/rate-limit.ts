import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimit } from '../api/context';
import { personKey } from '../shared/caller';
import { fail } from '../shared/result';

/** At most `calls` calls in each window of `seconds`. */
export interface CallBudget {
  calls: number;
  seconds: number;
}

export interface RateLimits {
  /** Every call of one person (a batch counts each of its calls). */
  person: CallBudget;
  /** Mutations of one person: writes hold the database's one write lock, so they have a tighter budget. */
  personWrites: CallBudget;
  /** Every call of one organisation's people together (agents belong to none). */
  organisation: CallBudget;
}

/**
 * Generous enough that no person meets them: a widget refreshes what is on screen at most
 * every 200 ms while changes pour in (≈ 10 calls a second at worst), and nobody writes more than
 * a couple of messages or clicks a second. Tight enough that a script cannot take the server
 * from everyone else: a flood is refused at the cost of a token check and a counter.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  person: { calls: 150, seconds: 10 },
  personWrites: { calls: 30, seconds: 10 },
  organisation: { calls: 600, seconds: 10 },
};

/**
 * Counts each person's (and organisation's) calls in fixed windows, in this process's memory:
 * with several processes behind a load balancer each counts its own, so a person may make up
 * to N times the calls across N processes (see the README).
 *
 * @example
 * const limit = createRateLimit(DEFAULT_RATE_LIMITS);
 * const refusal = await limit(caller, 'mutation'); // null, or { code: 'rate_limited', reason: { retryAfterSeconds } }
 */
export function createRateLimit(limits: RateLimits): RateLimit {
  const bucket = ({ calls, seconds }: CallBudget) => new RateLimiterMemory({ points: calls, duration: seconds });
  const person = bucket(limits.person);
  const personWrites = bucket(limits.personWrites);
  const organisation = bucket(limits.organisation);
  return async (caller, type) => {
    const who = personKey(caller);
    try {
      await person.consume(who);
      if (type === 'mutation') await personWrites.consume(who);
      if (caller.orgId !== null) await organisation.consume(caller.orgId);
      return null;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      return fail('rate_limited', `Too many requests; try again in ${retryAfterSeconds} s.`, { kind: 'rate_limited', retryAfterSeconds }).error;
    }
  };
}
