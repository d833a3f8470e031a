import { describe, expect, it } from 'vitest';
import { en } from '../translations/en';
import { fa } from '../translations/fa';
import { localize } from './localize';

const now = new Date('2026-03-21T08:30:00Z');

describe('localize', () => {
  it('writes Jalali dates with Persian digits in fa, Gregorian in en', () => {
    expect(localize('fa').dateTime(now)).toContain('۱۴۰۵');
    expect(localize('fa').dateTime(now)).toContain('فروردین');
    expect(localize('en').dateTime(now)).toContain('2026');
  });

  it('reads times relative to now', () => {
    const en = localize('en');
    expect(en.relative(new Date(now.getTime() - 3 * 3_600_000), now)).toBe('3 hours ago');
    expect(en.relative(new Date(now.getTime() + 40 * 60_000), now)).toBe('in 40 minutes');
    expect(en.relative(now, now)).toBe('now');
    expect(localize('fa').relative(new Date(now.getTime() - 3 * 3_600_000), now)).toBe('۳ ساعت پیش');
  });

  it('has the same keys in both languages', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      value && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
        : [prefix];
    expect(keys(fa).sort()).toEqual(keys(en).sort());
  });
});
