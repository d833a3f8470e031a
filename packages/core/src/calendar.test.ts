import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  ALWAYS_OPEN_CALENDAR,
  businessMinutesBetween,
  DEFAULT_CALENDAR,
  describeWeek,
  formatWallTime,
  isAlwaysOpen,
  validateCalendar,
  workingPeriods,
  type BusinessCalendar,
} from './calendar';

const at = (iso: string) => new Date(iso);

/** The office calendar without its holiday list, so that dates read plainly. */
const TEHRAN: BusinessCalendar = { ...DEFAULT_CALENDAR, holidays: [] };

function calendar(timeZone: string, week: BusinessCalendar['week'], holidays: string[] = []): BusinessCalendar {
  return { timeZone, week, holidays };
}
const weekdays = (ranges: Array<[string, string]>): BusinessCalendar['week'] => ({ 1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges });

describe('addBusinessMinutes in the Tehran office calendar (UTC+03:30, Sat–Wed 09:00–17:00)', () => {
  it('carries Wednesday 16:00 + 120 min over the Thursday–Friday weekend to Saturday 10:00', () => {
    expect(addBusinessMinutes(at('2026-05-13T16:00+03:30'), 120, TEHRAN)).toEqual(at('2026-05-16T10:00+03:30'));
  });

  it('skips a holiday Saturday to Sunday 10:00', () => {
    const withHoliday = { ...TEHRAN, holidays: ['2026-05-16'] };
    expect(addBusinessMinutes(at('2026-05-13T16:00+03:30'), 120, withHoliday)).toEqual(at('2026-05-17T10:00+03:30'));
  });

  it('starts counting at opening when started before it', () => {
    expect(addBusinessMinutes(at('2026-05-16T07:15+03:30'), 30, TEHRAN)).toEqual(at('2026-05-16T09:30+03:30'));
  });

  it('starts counting at the next opening when started exactly at closing', () => {
    expect(addBusinessMinutes(at('2026-05-13T17:00+03:30'), 30, TEHRAN)).toEqual(at('2026-05-16T09:30+03:30'));
  });

  it('starts counting at the next opening when started on the weekend', () => {
    expect(addBusinessMinutes(at('2026-05-14T12:00+03:30'), 60, TEHRAN)).toEqual(at('2026-05-16T10:00+03:30'));
  });

  it('is due at closing time, not at the next opening, when the target ends exactly there', () => {
    expect(addBusinessMinutes(at('2026-05-13T09:00+03:30'), 480, TEHRAN)).toEqual(at('2026-05-13T17:00+03:30'));
    expect(addBusinessMinutes(at('2026-05-14T12:00+03:30'), 480, TEHRAN)).toEqual(at('2026-05-16T17:00+03:30'));
  });

  it('is due at the start itself for zero minutes, even while closed', () => {
    expect(addBusinessMinutes(at('2026-05-14T12:00+03:30'), 0, TEHRAN)).toEqual(at('2026-05-14T12:00+03:30'));
  });

  it('keeps fractions of a minute to the millisecond', () => {
    expect(addBusinessMinutes(at('2026-05-16T09:00+03:30'), 0.5, TEHRAN)).toEqual(at('2026-05-16T09:00:30+03:30'));
  });

  it('skips the Nowruz holidays of the default calendar', () => {
    // Thu 19 and Fri 20 March are the weekend, Sat 21 – Tue 24 Nowruz.
    expect(addBusinessMinutes(at('2026-03-18T16:00+03:30'), 120, DEFAULT_CALENDAR)).toEqual(at('2026-03-25T10:00+03:30'));
  });

  it('counts a 400 h target over ten weeks of 40 h', () => {
    expect(addBusinessMinutes(at('2026-05-16T09:00+03:30'), 400 * 60, TEHRAN)).toEqual(at('2026-07-22T17:00+03:30'));
  });

  it('adds two working days for the two weekday holidays within those ten weeks', () => {
    // 2026-05-27 and 2026-06-24 are Wednesdays; the other holidays in the span fall on Thursday or Friday.
    expect(addBusinessMinutes(at('2026-05-16T09:00+03:30'), 400 * 60, DEFAULT_CALENDAR)).toEqual(at('2026-07-26T17:00+03:30'));
  });

  it('refuses a negative or non-finite number of minutes', () => {
    expect(() => addBusinessMinutes(at('2026-05-16T09:00Z'), -1, TEHRAN)).toThrow(RangeError);
    expect(() => addBusinessMinutes(at('2026-05-16T09:00Z'), Number.NaN, TEHRAN)).toThrow(RangeError);
    expect(() => addBusinessMinutes(new Date(Number.NaN), 1, TEHRAN)).toThrow(RangeError);
  });

  it('throws a clear error instead of looping for a calendar with no working time', () => {
    expect(() => addBusinessMinutes(at('2026-05-16T09:00Z'), 1, calendar('UTC', {}))).toThrow(/no working time/);
  });

  it('throws on an invalid calendar, naming the problem', () => {
    expect(() => addBusinessMinutes(at('2026-05-16T09:00Z'), 1, calendar('Mars/Olympus_Mons', weekdays([['09:00', '17:00']])))).toThrow(
      /Unknown time zone "Mars\/Olympus_Mons"/,
    );
  });
});

describe('several ranges a day', () => {
  const lunch = calendar('UTC', weekdays([['09:00', '13:00'], ['14:00', '18:00']]));

  it('pauses the count over the lunch break', () => {
    expect(addBusinessMinutes(at('2026-05-11T12:30Z'), 60, lunch)).toEqual(at('2026-05-11T14:30Z'));
  });

  it('is due at the start of lunch when the target ends there', () => {
    expect(addBusinessMinutes(at('2026-05-11T12:30Z'), 30, lunch)).toEqual(at('2026-05-11T13:00Z'));
  });

  it('continues the next morning after the afternoon range', () => {
    expect(addBusinessMinutes(at('2026-05-11T17:30Z'), 60, lunch)).toEqual(at('2026-05-12T09:30Z'));
  });

  it('does not depend on the order the ranges are listed in', () => {
    const reversed = calendar('UTC', weekdays([['14:00', '18:00'], ['09:00', '13:00']]));
    expect(addBusinessMinutes(at('2026-05-11T12:30Z'), 60, reversed)).toEqual(at('2026-05-11T14:30Z'));
  });
});

describe("ranges ending at '24:00'", () => {
  const lateShift = calendar('UTC', { 1: [['20:00', '24:00']], 2: [['00:00', '02:00']] });

  it('runs on past midnight into the next day', () => {
    expect(addBusinessMinutes(at('2026-05-11T23:00Z'), 120, lateShift)).toEqual(at('2026-05-12T01:00Z'));
  });

  it('is due at midnight when the target ends there', () => {
    expect(addBusinessMinutes(at('2026-05-11T22:00Z'), 120, lateShift)).toEqual(at('2026-05-12T00:00Z'));
  });

  it('reports the shift as one working period across midnight', () => {
    expect(workingPeriods(at('2026-05-11T00:00Z'), at('2026-05-13T00:00Z'), lateShift)).toEqual([
      { start: at('2026-05-11T20:00Z'), end: at('2026-05-12T02:00Z') },
    ]);
    expect(businessMinutesBetween(at('2026-05-11T00:00Z'), at('2026-05-13T00:00Z'), lateShift)).toBe(360);
  });
});

describe('daylight saving time', () => {
  const sundayNight = (timeZone: string) => calendar(timeZone, { 0: [['01:00', '04:00']] });

  it('Europe/Berlin 2026-03-29: 01:00–04:00 holds 120 real minutes', () => {
    const berlin = sundayNight('Europe/Berlin');
    expect(businessMinutesBetween(at('2026-03-28T00:00Z'), at('2026-03-30T00:00Z'), berlin)).toBe(120);
    expect(addBusinessMinutes(at('2026-03-29T01:00+01:00'), 120, berlin)).toEqual(at('2026-03-29T04:00+02:00'));
    // One minute past the skipped hour: 02:00 CET became 03:00 CEST.
    expect(addBusinessMinutes(at('2026-03-29T01:00+01:00'), 61, berlin)).toEqual(at('2026-03-29T03:01+02:00'));
  });

  it('Europe/Berlin 2026-10-25: 01:00–04:00 holds 240 real minutes, the repeated hour counted twice', () => {
    const berlin = sundayNight('Europe/Berlin');
    expect(businessMinutesBetween(at('2026-10-24T00:00Z'), at('2026-10-26T00:00Z'), berlin)).toBe(240);
    expect(addBusinessMinutes(at('2026-10-25T01:00+02:00'), 90, berlin)).toEqual(at('2026-10-25T02:30+02:00'));
    expect(addBusinessMinutes(at('2026-10-25T01:00+02:00'), 150, berlin)).toEqual(at('2026-10-25T02:30+01:00'));
    expect(addBusinessMinutes(at('2026-10-25T01:00+02:00'), 240, berlin)).toEqual(at('2026-10-25T04:00+01:00'));
  });

  it('America/New_York 2026-03-08: 01:00–04:00 holds 120 real minutes', () => {
    const newYork = sundayNight('America/New_York');
    expect(businessMinutesBetween(at('2026-03-07T00:00Z'), at('2026-03-09T12:00Z'), newYork)).toBe(120);
    expect(addBusinessMinutes(at('2026-03-08T00:00-05:00'), 120, newYork)).toEqual(at('2026-03-08T04:00-04:00'));
  });

  it('America/New_York 2026-11-01: 01:00–04:00 holds 240 real minutes, starting at the first 01:00', () => {
    const newYork = sundayNight('America/New_York');
    expect(businessMinutesBetween(at('2026-10-31T00:00Z'), at('2026-11-02T12:00Z'), newYork)).toBe(240);
    expect(workingPeriods(at('2026-10-31T00:00Z'), at('2026-11-02T12:00Z'), newYork)).toEqual([
      { start: at('2026-11-01T01:00-04:00'), end: at('2026-11-01T04:00-05:00') },
    ]);
  });

  it('opens a range that starts in the spring gap when the clock jumps', () => {
    const gap = calendar('Europe/Berlin', { 0: [['02:30', '05:00']] });
    expect(workingPeriods(at('2026-03-28T00:00Z'), at('2026-03-30T00:00Z'), gap)).toEqual([
      { start: at('2026-03-29T03:00+02:00'), end: at('2026-03-29T05:00+02:00') },
    ]);
  });

  it('opens a range that starts in the repeated autumn hour at its first occurrence', () => {
    const repeated = calendar('Europe/Berlin', { 0: [['02:30', '05:00']] });
    expect(workingPeriods(at('2026-10-24T00:00Z'), at('2026-10-26T00:00Z'), repeated)).toEqual([
      { start: at('2026-10-25T02:30+02:00'), end: at('2026-10-25T05:00+01:00') },
    ]);
  });

  it('gives no time to a range that lies wholly in the spring gap', () => {
    const skipped = calendar('Europe/Berlin', { 0: [['02:00', '03:00']] });
    expect(businessMinutesBetween(at('2026-03-28T00:00Z'), at('2026-03-30T00:00Z'), skipped)).toBe(0);
    expect(addBusinessMinutes(at('2026-03-28T00:00Z'), 30, skipped)).toEqual(at('2026-04-05T02:30+02:00'));
  });

  it('follows wall-clock office hours across the change', () => {
    const office = calendar('Europe/Berlin', weekdays([['09:00', '17:00']]));
    expect(addBusinessMinutes(at('2026-03-27T16:00+01:00'), 120, office)).toEqual(at('2026-03-30T10:00+02:00'));
    expect(addBusinessMinutes(at('2026-10-23T16:00+02:00'), 120, office)).toEqual(at('2026-10-26T10:00+01:00'));
  });
});

describe('businessMinutesBetween', () => {
  it('is 0 when `to` is not after `from`', () => {
    expect(businessMinutesBetween(at('2026-05-16T12:00+03:30'), at('2026-05-16T12:00+03:30'), TEHRAN)).toBe(0);
    expect(businessMinutesBetween(at('2026-05-16T12:00+03:30'), at('2026-05-16T10:00+03:30'), TEHRAN)).toBe(0);
  });

  it('counts 40 h in an office week', () => {
    expect(businessMinutesBetween(at('2026-05-16T00:00+03:30'), at('2026-05-23T00:00+03:30'), TEHRAN)).toBe(40 * 60);
  });

  it('counts only the open parts of a span', () => {
    expect(businessMinutesBetween(at('2026-05-13T16:30+03:30'), at('2026-05-16T09:15+03:30'), TEHRAN)).toBe(45);
  });

  it('returns fractions of a minute', () => {
    expect(businessMinutesBetween(at('2026-05-16T09:00+03:30'), at('2026-05-16T09:00:30+03:30'), TEHRAN)).toBe(0.5);
  });

  it('equals the plain difference for the always-open calendar', () => {
    expect(businessMinutesBetween(at('2026-03-28T10:00Z'), at('2026-03-30T10:00Z'), ALWAYS_OPEN_CALENDAR)).toBe(2 * 24 * 60);
  });
});

describe('workingPeriods', () => {
  it('lists the periods overlapping the span, clipped, in order', () => {
    expect(workingPeriods(at('2026-05-13T16:00+03:30'), at('2026-05-17T10:00+03:30'), TEHRAN)).toEqual([
      { start: at('2026-05-13T16:00+03:30'), end: at('2026-05-13T17:00+03:30') },
      { start: at('2026-05-16T09:00+03:30'), end: at('2026-05-16T17:00+03:30') },
      { start: at('2026-05-17T09:00+03:30'), end: at('2026-05-17T10:00+03:30') },
    ]);
  });

  it('is empty for a span of closed time', () => {
    expect(workingPeriods(at('2026-05-14T00:00+03:30'), at('2026-05-16T09:00+03:30'), TEHRAN)).toEqual([]);
  });
});

describe('isAlwaysOpen', () => {
  it('recognises a calendar that never closes, whatever its zone or how its days are split', () => {
    expect(isAlwaysOpen(ALWAYS_OPEN_CALENDAR)).toBe(true);
    const split: Array<[string, string]> = [['00:00', '12:00'], ['12:00', '24:00']];
    expect(isAlwaysOpen(calendar('Europe/Berlin', { 0: split, 1: split, 2: split, 3: split, 4: split, 5: split, 6: split }))).toBe(true);
  });

  it('is false with a closed day, a gap or a holiday', () => {
    expect(isAlwaysOpen(DEFAULT_CALENDAR)).toBe(false);
    const allDay = ALWAYS_OPEN_CALENDAR.week;
    expect(isAlwaysOpen(calendar('UTC', { ...allDay, 3: [['00:00', '23:59']] }))).toBe(false);
    expect(isAlwaysOpen(calendar('UTC', { ...allDay }, ['2026-01-01']))).toBe(false);
  });
});

describe('validateCalendar', () => {
  it('accepts the shipped calendars and touching ranges', () => {
    expect(validateCalendar(DEFAULT_CALENDAR)).toEqual([]);
    expect(validateCalendar(ALWAYS_OPEN_CALENDAR)).toEqual([]);
    expect(validateCalendar(calendar('Europe/Berlin', weekdays([['09:00', '13:00'], ['13:00', '24:00']])))).toEqual([]);
  });

  const cases: Array<[string, unknown, RegExp]> = [
    ['a non-object', 'Asia/Tehran', /must be an object/],
    ['an unknown time zone', calendar('Asia/Atlantis', weekdays([['09:00', '17:00']])), /Unknown time zone "Asia\/Atlantis"/],
    ['a missing time zone', { week: weekdays([['09:00', '17:00']]), holidays: [] }, /timeZone must be/],
    ['a time without leading zero', calendar('UTC', { 1: [['9:00', '17:00']] }), /Monday range 1: start "9:00" is not a time/],
    ['an hour past 24', calendar('UTC', { 1: [['09:00', '25:00']] }), /Monday range 1: end "25:00" is not a time/],
    ['minute 60', calendar('UTC', { 2: [['09:60', '17:00']] }), /Tuesday range 1: start "09:60"/],
    ['a start at 24:00', calendar('UTC', { 2: [['24:00', '24:00']] }), /start "24:00" is not a time/],
    ['a start after its end', calendar('UTC', { 3: [['17:00', '09:00']] }), /Wednesday range 1: start 17:00 must be before end 09:00/],
    ['an empty range', calendar('UTC', { 3: [['09:00', '09:00']] }), /must be before/],
    ['overlapping ranges', calendar('UTC', { 4: [['12:00', '18:00'], ['09:00', '13:00']] }), /Thursday: ranges 09:00–13:00 and 12:00–18:00 overlap/],
    ['a range that is not a pair', { timeZone: 'UTC', week: { 5: [['09:00']] }, holidays: [] }, /Friday range 1 must be a pair/],
    ['an unknown weekday', { timeZone: 'UTC', week: { 7: [['09:00', '17:00']] }, holidays: [] }, /Weekday "7"/],
    ['an impossible holiday', calendar('UTC', weekdays([['09:00', '17:00']]), ['2026-02-30']), /Holiday "2026-02-30" is not a date/],
    ['a holiday in another format', calendar('UTC', weekdays([['09:00', '17:00']]), ['21/03/2026']), /Holiday "21\/03\/2026"/],
    ['holidays that are not a list', { timeZone: 'UTC', week: weekdays([['09:00', '17:00']]), holidays: '2026-03-21' }, /holidays must be a list/],
    ['no working time at all', calendar('UTC', { 0: [], 1: [] }), /no working time/],
  ];
  it.each(cases)('reports %s', (_, input, message) => {
    const problems = validateCalendar(input);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('reports every problem at once', () => {
    expect(validateCalendar(calendar('Nowhere/Town', { 1: [['9:00', '17:00']] }, ['2026-13-01']))).toHaveLength(3);
  });
});

describe('describeWeek and formatWallTime', () => {
  it('groups runs of days with the same hours', () => {
    expect(describeWeek(DEFAULT_CALENDAR)).toBe('Sat–Wed 09:00–17:00');
    expect(describeWeek(ALWAYS_OPEN_CALENDAR)).toBe('every day 00:00–24:00');
    expect(describeWeek(calendar('UTC', { ...weekdays([['09:00', '17:00']]), 5: [['09:00', '13:00'], ['14:00', '16:00']] }))).toBe(
      'Mon–Thu 09:00–17:00; Fri 09:00–13:00, 14:00–16:00',
    );
  });

  it('writes an instant as local wall time', () => {
    expect(formatWallTime(at('2026-05-13T12:30Z'), 'Asia/Tehran')).toBe('Wed 2026-05-13 16:00');
    expect(formatWallTime(at('2026-10-25T00:30Z'), 'Europe/Berlin')).toBe('Sun 2026-10-25 02:30');
  });
});
