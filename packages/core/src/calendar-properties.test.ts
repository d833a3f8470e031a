import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isAlwaysOpen,
  workingPeriods,
  type BusinessCalendar,
  type Weekday,
} from './calendar';

// Properties of the calendar arithmetic over random calendars, zones and instants, checked
// against an oracle that reads wall time minute by minute with Intl.

const MINUTE = 60_000;

const ZONES = [
  'UTC',
  'Asia/Tehran',
  'Asia/Kathmandu',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/St_Johns',
  'America/Santiago',
  'Australia/Lord_Howe', // a 30-minute DST shift
  'Pacific/Chatham',
] as const;

const hhmm = (halfHours: number) => `${String(Math.floor(halfHours / 2)).padStart(2, '0')}:${halfHours % 2 ? '30' : '00'}`;

/** 0–3 sorted, disjoint ranges on half-hour boundaries (so that some fall on DST changes). */
const dayRanges = fc.uniqueArray(fc.integer({ min: 0, max: 48 }), { maxLength: 6 }).map((points) => {
  const sorted = [...points].sort((a, b) => a - b);
  const ranges: Array<[string, string]> = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push([hhmm(sorted[i] ?? 0), hhmm(sorted[i + 1] ?? 0)]);
  return ranges;
});

const holidayDates = fc.uniqueArray(
  fc.integer({ min: Date.UTC(2025, 5, 1) / (24 * 60 * MINUTE), max: Date.UTC(2027, 6, 1) / (24 * 60 * MINUTE) }),
  { maxLength: 30 },
).map((days) => days.map((day) => new Date(day * 24 * 60 * MINUTE).toISOString().slice(0, 10)));

const randomCalendar: fc.Arbitrary<BusinessCalendar> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    days: fc.array(dayRanges, { minLength: 7, maxLength: 7 }),
    holidays: holidayDates,
  })
  .filter(({ days }) => days.some((ranges) => ranges.length > 0))
  .map(({ timeZone, days, holidays }) => ({
    timeZone,
    week: Object.fromEntries(days.map((ranges, day) => [day, ranges])) as BusinessCalendar['week'],
    holidays,
  }));

const instant = fc.integer({ min: Date.UTC(2025, 6, 1), max: Date.UTC(2027, 0, 1) }).map((ms) => new Date(ms));
const targetMinutes = fc.integer({ min: 0, max: 20_000 });
const RUNS = { numRuns: 200 };

const oracleFormatters = new Map<string, Intl.DateTimeFormat>();

/** Independent oracle: the local date, weekday and minute of the day, read with Intl. */
function localClock(date: Date, timeZone: string) {
  let formatter = oracleFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    oracleFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts['weekday'] ?? '') as Weekday;
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    weekday,
    minute: Number(parts['hour']) * 60 + Number(parts['minute']) + Number(parts['second']) / 60,
  };
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Whether the wall clock at `date` is inside the calendar's working time. */
function isWorkingWallTime(date: Date, cal: BusinessCalendar): boolean {
  const clock = localClock(date, cal.timeZone);
  if (cal.holidays.includes(clock.date)) return false;
  return (cal.week[clock.weekday] ?? []).some(([start, end]) => minutesOf(start) <= clock.minute && clock.minute < minutesOf(end));
}

/** The zone's UTC offset in minutes at `ms`, read through the oracle. */
function offsetMinutes(ms: number, timeZone: string): number {
  const clock = localClock(new Date(ms), timeZone);
  const wall = Date.parse(`${clock.date}T00:00Z`) + clock.minute * MINUTE;
  return Math.round((wall - ms) / MINUTE);
}

/** True when the zone's UTC offset changes somewhere in [from − 3 h, to + 3 h]. */
function offsetChangesAround(from: Date, to: Date, timeZone: string): boolean {
  const margin = 3 * 60 * MINUTE;
  return offsetMinutes(from.getTime() - margin, timeZone) !== offsetMinutes(to.getTime() + margin, timeZone);
}

describe('calendar properties', () => {
  it('counts back exactly the minutes added: businessMinutesBetween(t, addBusinessMinutes(t, m)) === m', () => {
    fc.assert(
      fc.property(randomCalendar, instant, targetMinutes, (cal, from, minutes) => {
        expect(businessMinutesBetween(from, addBusinessMinutes(from, minutes, cal), cal)).toBe(minutes);
      }),
      RUNS,
    );
  });

  it('is monotonic in the number of minutes', () => {
    fc.assert(
      fc.property(randomCalendar, instant, targetMinutes, targetMinutes, (cal, from, a, b) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        expect(addBusinessMinutes(from, less, cal).getTime()).toBeLessThanOrEqual(addBusinessMinutes(from, more, cal).getTime());
      }),
      RUNS,
    );
  });

  it('lands inside a working period or at its end', () => {
    fc.assert(
      fc.property(randomCalendar, instant, fc.integer({ min: 1, max: 20_000 }), (cal, from, minutes) => {
        const due = addBusinessMinutes(from, minutes, cal);
        expect(due.getTime()).toBeGreaterThan(from.getTime());
        // Wall-clock membership is ambiguous in a repeated hour; DST days have their own tests above.
        fc.pre(!offsetChangesAround(due, due, cal.timeZone));
        expect(isWorkingWallTime(new Date(due.getTime() - 1), cal)).toBe(true);
      }),
      RUNS,
    );
  });

  it('agrees with a minute-by-minute count of wall-clock working time', () => {
    fc.assert(
      fc.property(randomCalendar, instant, fc.integer({ min: 0, max: 2 * 24 * 60 }), (cal, start, span) => {
        const from = new Date(Math.floor(start.getTime() / MINUTE) * MINUTE);
        const to = new Date(from.getTime() + span * MINUTE);
        fc.pre(!offsetChangesAround(from, to, cal.timeZone));
        let counted = 0;
        for (let minute = 0; minute < span; minute++) {
          if (isWorkingWallTime(new Date(from.getTime() + minute * MINUTE + MINUTE / 2), cal)) counted++;
        }
        expect(businessMinutesBetween(from, to, cal)).toBe(counted);
      }),
      { numRuns: 40 },
    );
  });

  it('lists ordered, disjoint periods inside the span that sum to businessMinutesBetween', () => {
    fc.assert(
      fc.property(randomCalendar, instant, fc.integer({ min: 0, max: 30 * 24 * 60 }), (cal, from, span) => {
        const to = new Date(from.getTime() + span * MINUTE);
        const periods = workingPeriods(from, to, cal);
        let previousEnd = from.getTime();
        let total = 0;
        for (const { start, end } of periods) {
          expect(start.getTime()).toBeGreaterThanOrEqual(previousEnd);
          expect(end.getTime()).toBeGreaterThan(start.getTime());
          previousEnd = end.getTime();
          total += end.getTime() - start.getTime();
        }
        expect(previousEnd).toBeLessThanOrEqual(to.getTime());
        expect(total / MINUTE).toBeCloseTo(businessMinutesBetween(from, to, cal), 9);
      }),
      RUNS,
    );
  });

  const wholeDays = fc.oneof(
    fc.constant<Array<[string, string]>>([['00:00', '24:00']]),
    fc.integer({ min: 1, max: 47 }).map((split): Array<[string, string]> => [['00:00', hhmm(split)], [hhmm(split), '24:00']]),
  );
  const alwaysOpen = fc.record({ timeZone: fc.constantFrom(...ZONES), day: wholeDays }).map(({ timeZone, day }) =>
    ({ timeZone, week: { 0: day, 1: day, 2: day, 3: day, 4: day, 5: day, 6: day }, holidays: [] }),
  );

  it('equals plain addition for 24/7 calendars in any zone', () => {
    fc.assert(
      fc.property(alwaysOpen, instant, targetMinutes, (cal, from, minutes) => {
        expect(isAlwaysOpen(cal)).toBe(true);
        expect(addBusinessMinutes(from, minutes, cal)).toEqual(new Date(from.getTime() + minutes * MINUTE));
      }),
      RUNS,
    );
  });

  it('equals plain addition for 24/7 calendars through the general day-by-day path too', () => {
    // A holiday long past keeps the calendar off the always-open shortcut without closing it.
    fc.assert(
      fc.property(alwaysOpen, instant, targetMinutes, (open, from, minutes) => {
        const cal = { ...open, holidays: ['1990-01-01'] };
        expect(isAlwaysOpen(cal)).toBe(false);
        const due = addBusinessMinutes(from, minutes, cal);
        expect(due).toEqual(new Date(from.getTime() + minutes * MINUTE));
        expect(businessMinutesBetween(from, due, cal)).toBe(minutes);
      }),
      RUNS,
    );
  });
});
