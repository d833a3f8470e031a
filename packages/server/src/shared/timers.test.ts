import { describe, expect, it } from 'vitest';
import { MAX_TIMER_MS, timerDelay } from './timers';

describe('timerDelay', () => {
  it('keeps a delay within what setTimeout takes, and never turns a bad one into 1 ms', () => {
    expect(timerDelay(1500)).toBe(1500);
    expect(timerDelay(-5)).toBe(0);
    expect(timerDelay(2 ** 40)).toBe(MAX_TIMER_MS);
    expect(timerDelay(Number.NaN)).toBe(MAX_TIMER_MS);
    expect(timerDelay(new Date(1e20).getTime() - Date.now())).toBe(MAX_TIMER_MS);
    expect(timerDelay(Infinity)).toBe(MAX_TIMER_MS);
    expect(timerDelay(-Infinity)).toBe(0);
    expect(timerDelay(90_000, 60_000)).toBe(60_000);
  });
});
