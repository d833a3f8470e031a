/** setTimeout's longest delay (2^31 − 1 ms, about 24.8 days); a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A delay setTimeout takes as meant: within 0…`max`, and `max` for anything not a finite number
 * (a date out of range gives NaN, which setTimeout would treat as 1 ms and so fire in a loop).
 */
export function timerDelay(ms: number, max = MAX_TIMER_MS): number {
  if (!Number.isFinite(ms)) return ms === -Infinity ? 0 : max;
  return Math.min(Math.max(ms, 0), max);
}
