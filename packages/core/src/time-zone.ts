// Zone arithmetic with Intl, no offset tables. "Wall" values are local date-times encoded as
// if they were UTC milliseconds, which makes local dates and times plain integer arithmetic.

export const DAY = 86_400_000;

// One formatter per zone name; bounded because zone names arrive from users (any casing is valid).
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 1_000;

export function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local wall time at `instant` (to the second), as wall milliseconds. */
export function wallClockMs(formatter: Intl.DateTimeFormat, instant: number): number {
  const second = Math.floor(instant / 1000) * 1000;
  const fields = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of formatter.formatToParts(second)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  const wall = new Date(0);
  wall.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  wall.setUTCHours(fields.hour, fields.minute, fields.second);
  return wall.getTime() + (instant - second);
}

function offsetAt(formatter: Intl.DateTimeFormat, instant: number): number {
  return wallClockMs(formatter, instant) - instant;
}

/**
 * The first instant at which the local clock reads `wall` or later. That settles the two
 * DST cases: a wall time skipped by a spring-forward gap maps to the end of the gap (the
 * first existing time after it), and a wall time repeated by a fall-back maps to its first
 * occurrence. A range 02:30–05:00 on a gap day therefore starts when the clock jumps.
 */
export function wallToInstant(formatter: Intl.DateTimeFormat, wall: number): number {
  // The offsets a day either side cover any single transition near `wall`.
  const before = offsetAt(formatter, wall - DAY);
  const after = offsetAt(formatter, wall + DAY);
  let first = Number.POSITIVE_INFINITY;
  for (const offset of before === after ? [before] : [before, after]) {
    const instant = wall - offset;
    if (offsetAt(formatter, instant) === offset) first = Math.min(first, instant);
  }
  if (first !== Number.POSITIVE_INFINITY) return first;
  return endOfGap(formatter, wall, wall - after, wall - before);
}

/** Binary search, to the second, for the transition that skips `wall`: wall(lo) < wall ≤ wall(hi). */
function endOfGap(formatter: Intl.DateTimeFormat, wall: number, lo: number, hi: number): number {
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (wallClockMs(formatter, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}
