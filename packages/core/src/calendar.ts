import { parseDate, parseTime, structuralProblems } from './calendar-validation';
import { DAY, formatterFor, wallClockMs, wallToInstant } from './time-zone';

export { validateCalendar } from './calendar-validation';

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * Working time as wall-clock ranges in an IANA zone. `week` maps a weekday (0 = Sunday)
 * to its ranges ('HH:MM', end may be '24:00'); `holidays` are local dates 'YYYY-MM-DD'.
 *
 * Calendars are values: the functions below cache per calendar object, so change a
 * calendar by making a new object, never by mutating one already used.
 */
export interface BusinessCalendar {
  timeZone: string;
  week: Partial<Record<Weekday, Array<[start: string, end: string]>>>;
  holidays: string[];
}

/** A stretch of working time, `end` exclusive. */
export interface WorkingPeriod {
  start: Date;
  end: Date;
}

const MINUTE = 60_000;
const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];
const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

// ---------------------------------------------------------------------------------------
// The calendars the product ships with
// ---------------------------------------------------------------------------------------

const OFFICE_DAY: Array<[string, string]> = [['09:00', '17:00']];
const WHOLE_DAY: Array<[string, string]> = [['00:00', '24:00']];

/**
 * Kubit's support office: Tehran, Saturday–Wednesday 09:00–17:00. The holidays are the 2026
 * Iranian public holidays as a starting point; operators configure the real list each year
 * (the lunar dates move and are fixed only by announcement, so those below are estimates).
 */
export const DEFAULT_CALENDAR: BusinessCalendar = deepFreeze({
  timeZone: 'Asia/Tehran',
  week: { 6: OFFICE_DAY, 0: OFFICE_DAY, 1: OFFICE_DAY, 2: OFFICE_DAY, 3: OFFICE_DAY },
  holidays: [
    '2026-02-11', // 22 Bahman, Revolution Day
    '2026-03-11', // martyrdom of Imam Ali, 21 Ramadan (estimate)
    '2026-03-20', // 29 Esfand, oil nationalisation
    '2026-03-21', // Nowruz, 1–4 Farvardin 1405
    '2026-03-22',
    '2026-03-23',
    '2026-03-24',
    '2026-04-01', // 12 Farvardin, Islamic Republic Day
    '2026-04-02', // 13 Farvardin, Nature Day
    '2026-05-27', // Eid al-Adha (estimate)
    '2026-06-04', // 14 Khordad; Eid al-Ghadir falls about the same day
    '2026-06-05', // 15 Khordad uprising
    '2026-06-24', // Tasua (estimate)
    '2026-06-25', // Ashura (estimate)
    '2026-08-04', // Arbaeen (estimate)
  ],
});

/** Always open: every day 00:00–24:00, no holidays. The SLA clock of 24/7 plans. */
export const ALWAYS_OPEN_CALENDAR: BusinessCalendar = deepFreeze({
  timeZone: 'UTC',
  week: { 0: WHOLE_DAY, 1: WHOLE_DAY, 2: WHOLE_DAY, 3: WHOLE_DAY, 4: WHOLE_DAY, 5: WHOLE_DAY, 6: WHOLE_DAY },
  holidays: [],
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

// ---------------------------------------------------------------------------------------
// Public operations
// ---------------------------------------------------------------------------------------

/** True when the calendar never closes (every day fully covered, no holidays), in any zone. */
export function isAlwaysOpen(calendar: BusinessCalendar): boolean {
  return prepare(calendar).alwaysOpen;
}

/**
 * The first instant at which `minutes` working minutes have elapsed since `from`.
 *
 * Outside working time the count starts at the next opening; a target that ends exactly at
 * a closing time is due at that closing time. Minutes are real elapsed minutes, so a DST
 * change inside a range lengthens or shortens it. Zero minutes is due at `from` itself, even
 * outside working time: no working time has to pass. Fractions are kept to the millisecond.
 *
 * @throws RangeError for a negative or non-finite `minutes`; Error for an invalid calendar
 *   or one with no working time at all.
 */
export function addBusinessMinutes(from: Date, minutes: number, calendar: BusinessCalendar): Date {
  const start = instantOf(from, 'from');
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be a finite number ≥ 0, got ${minutes}`);
  }
  let remaining = Math.round(minutes * MINUTE);
  if (remaining === 0) return new Date(start);
  const cal = prepare(calendar);
  if (cal.alwaysOpen) return new Date(start + remaining);
  if (!cal.hasWorkingTime) throw new Error(`The business calendar (${cal.timeZone}) has no working time at all`);

  let idleDays = 0;
  for (let day = firstLocalDay(start); ; day++) {
    const spans = spansOn(cal, day);
    for (const [open, close] of spans) {
      if (close <= start) continue;
      const counting = Math.max(open, start);
      if (remaining <= close - counting) return new Date(counting + remaining);
      remaining -= close - counting;
    }
    // Holidays are finite and a DST gap empties at most one day, so a calendar with working
    // weekdays opens within this bound.
    idleDays = spans.length === 0 ? idleDays + 1 : 0;
    if (idleDays > cal.maxIdleDays) throw new Error(`The business calendar (${cal.timeZone}) never opens`);
  }
}

/**
 * Working minutes (real elapsed minutes, possibly fractional) in [from, to); 0 when
 * `to` is not after `from`. For whole `m`, `businessMinutesBetween(t, addBusinessMinutes(t, m))`
 * is exactly `m`.
 */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  let worked = 0;
  visitSpans(prepare(calendar), instantOf(from, 'from'), instantOf(to, 'to'), (start, end) => {
    worked += end - start;
  });
  return worked / MINUTE;
}

/**
 * The working periods overlapping [from, to), clipped to it, in order. Periods that touch
 * (a range ending at 24:00 and the next day's starting at 00:00) are merged into one.
 */
export function workingPeriods(from: Date, to: Date, calendar: BusinessCalendar): WorkingPeriod[] {
  const merged: Array<[number, number]> = [];
  visitSpans(prepare(calendar), instantOf(from, 'from'), instantOf(to, 'to'), (start, end) => {
    const last = merged[merged.length - 1];
    if (last && last[1] === start) last[1] = end;
    else merged.push([start, end]);
  });
  return merged.map(([start, end]) => ({ start: new Date(start), end: new Date(end) }));
}

/** "Sat–Wed 09:00–17:00": the week in short words, runs of days with the same ranges grouped. */
export function describeWeek(calendar: BusinessCalendar): string {
  const signature = (day: Weekday) => (calendar.week[day] ?? []).map(([s, e]) => `${s}–${e}`).join(', ');
  // Start the sentence where a run begins, so that Sat–Wed is not split at Sunday.
  const first = WEEKDAYS.find((day) => signature(day) !== signature(((day + 6) % 7) as Weekday)) ?? 0;
  const order = WEEKDAYS.map((i) => ((first + i) % 7) as Weekday);
  const runs: Array<{ from: Weekday; to: Weekday; hours: string }> = [];
  for (const day of order) {
    const last = runs[runs.length - 1];
    if (last && last.hours === signature(day)) last.to = day;
    else runs.push({ from: day, to: day, hours: signature(day) });
  }
  if (runs.length === 1) return runs[0]?.hours ? `every day ${runs[0].hours}` : 'no working days';
  return runs
    .filter((run) => run.hours !== '')
    .map(({ from, to, hours }) => `${WEEKDAY_SHORT[from]}${from === to ? '' : `–${WEEKDAY_SHORT[to]}`} ${hours}`)
    .join('; ');
}

/** Local wall time of an instant in a zone, as "Wed 2026-05-13 16:00". */
export function formatWallTime(at: Date, timeZone: string): string {
  const wall = wallClockMs(formatterFor(timeZone), instantOf(at, 'at'));
  const day = Math.floor(wall / DAY);
  return `${WEEKDAY_SHORT[weekdayOf(day)]} ${new Date(wall).toISOString().slice(0, 16).replace('T', ' ')}`;
}

// ---------------------------------------------------------------------------------------
// Prepared calendars: parsed once, with each local date's working spans cached as
// [startMs, endMs) UTC pairs, so that a computation costs a map lookup per date crossed.
// ---------------------------------------------------------------------------------------

type Span = readonly [start: number, end: number];

interface PreparedCalendar {
  timeZone: string;
  formatter: Intl.DateTimeFormat;
  /** Ranges in minutes of the local day, sorted, indexed by weekday. */
  week: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /** Holidays as local day numbers (days since 1970-01-01). */
  holidays: ReadonlySet<number>;
  hasWorkingTime: boolean;
  alwaysOpen: boolean;
  maxIdleDays: number;
  spans: Map<number, readonly Span[]>;
}

const MAX_CACHED_DAYS = 10_000;
const MAX_CACHED_CALENDARS = 100;
const byObject = new WeakMap<BusinessCalendar, PreparedCalendar>();
// Calendars read from storage are fresh objects each time; equal content shares one entry.
const byContent = new Map<string, PreparedCalendar>();

function prepare(calendar: BusinessCalendar): PreparedCalendar {
  const known = byObject.get(calendar);
  if (known) return known;
  const key = JSON.stringify([calendar.timeZone, calendar.week, calendar.holidays]);
  let prepared = byContent.get(key);
  if (!prepared) {
    prepared = parseCalendar(calendar);
    if (byContent.size >= MAX_CACHED_CALENDARS) byContent.delete(byContent.keys().next().value as string);
    byContent.set(key, prepared);
  }
  byObject.set(calendar, prepared);
  return prepared;
}

function parseCalendar(calendar: BusinessCalendar): PreparedCalendar {
  const problems = structuralProblems(calendar as unknown as Record<string, unknown>);
  if (problems.length > 0) throw new Error(`Invalid business calendar: ${problems.join('; ')}`);
  const week = WEEKDAYS.map((day) =>
    (calendar.week[day] ?? [])
      .map(([start, end]) => [parseTime(start) ?? 0, parseTime(end) ?? 0] as const)
      .sort((a, b) => a[0] - b[0]),
  );
  const holidays = new Set(calendar.holidays.map((date) => parseDate(date) ?? 0));
  return {
    timeZone: calendar.timeZone,
    formatter: formatterFor(calendar.timeZone),
    week,
    holidays,
    hasWorkingTime: week.some((ranges) => ranges.length > 0),
    alwaysOpen: holidays.size === 0 && week.every(coversWholeDay),
    maxIdleDays: holidays.size + 3 * WEEKDAYS.length,
    spans: new Map(),
  };
}

function coversWholeDay(ranges: ReadonlyArray<readonly [number, number]>): boolean {
  let reached = 0;
  for (const [start, end] of ranges) {
    if (start > reached) return false;
    reached = Math.max(reached, end);
  }
  return reached === 24 * 60;
}

/** The working spans of one local date, computed once per calendar. */
function spansOn(cal: PreparedCalendar, day: number): readonly Span[] {
  let spans = cal.spans.get(day);
  if (spans === undefined) {
    spans = computeSpans(cal, day);
    if (cal.spans.size >= MAX_CACHED_DAYS) cal.spans.clear();
    cal.spans.set(day, spans);
  }
  return spans;
}

function computeSpans(cal: PreparedCalendar, day: number): readonly Span[] {
  if (cal.holidays.has(day)) return [];
  const spans: Span[] = [];
  for (const [startMinute, endMinute] of cal.week[weekdayOf(day)] ?? []) {
    const start = wallToInstant(cal.formatter, day * DAY + startMinute * MINUTE);
    const end = wallToInstant(cal.formatter, day * DAY + endMinute * MINUTE);
    // A range lying wholly in a DST gap has no real time.
    if (end > start) spans.push([start, end]);
  }
  return spans;
}

/**
 * Calls `visit` with each working span clipped to [from, to), in order.
 * A local date's spans lie within that date, which starts no earlier than 14 h before and
 * ends no later than 12 h after the same UTC date (the extreme UTC offsets), so dates from
 * the UTC day before `from` to the UTC day after `to` cover every overlap.
 */
function visitSpans(cal: PreparedCalendar, from: number, to: number, visit: (start: number, end: number) => void): void {
  if (to <= from) return;
  if (cal.alwaysOpen) return visit(from, to);
  const lastDay = Math.floor(to / DAY) + 1;
  for (let day = firstLocalDay(from); day <= lastDay; day++) {
    for (const [start, end] of spansOn(cal, day)) {
      const clippedStart = Math.max(start, from);
      const clippedEnd = Math.min(end, to);
      if (clippedEnd > clippedStart) visit(clippedStart, clippedEnd);
    }
  }
}

/** The earliest local date whose working time can contain `instant` or come after it. */
function firstLocalDay(instant: number): number {
  return Math.floor(instant / DAY) - 1;
}

function weekdayOf(day: number): Weekday {
  // Day 0, 1970-01-01, was a Thursday.
  return ((((day + 4) % 7) + 7) % 7) as Weekday;
}

function instantOf(date: Date, name: string): number {
  const instant = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(instant)) throw new RangeError(`${name} must be a valid Date`);
  return instant;
}
