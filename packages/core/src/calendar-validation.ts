import { DAY, formatterFor } from './time-zone';

// Reading a business calendar's text ('HH:MM', 'YYYY-MM-DD') and saying what is wrong with one.

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const TIME = /^(\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes since local midnight for 'HH:MM' (00:00–23:59, or 24:00), else null. */
export function parseTime(text: unknown): number | null {
  const match = typeof text === 'string' ? TIME.exec(text) : null;
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours === 24 && minutes === 0) return 24 * 60;
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/** Day number (days since 1970-01-01) of a real calendar date 'YYYY-MM-DD', else null. */
export function parseDate(text: unknown): number | null {
  const match = typeof text === 'string' ? DATE.exec(text) : null;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? Math.round(date.getTime() / DAY) : null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Everything wrong with the shape and values of a calendar, except having no working time. */
export function structuralProblems(calendar: Record<string, unknown>): string[] {
  const { timeZone, week, holidays } = calendar;
  const problems: string[] = [];
  if (typeof timeZone !== 'string' || timeZone === '') problems.push('timeZone must be an IANA time zone name such as "Asia/Tehran"');
  else if (!isTimeZone(timeZone)) problems.push(`Unknown time zone "${timeZone}"`);

  if (!isRecord(week)) problems.push('week must map weekdays 0 (Sunday) … 6 (Saturday) to lists of [start, end] ranges');
  else for (const [key, ranges] of Object.entries(week)) problems.push(...weekdayProblems(key, ranges));

  if (!Array.isArray(holidays)) problems.push('holidays must be a list of dates "YYYY-MM-DD"');
  else for (const date of holidays) {
    if (parseDate(date) === null) problems.push(`Holiday ${JSON.stringify(date)} is not a date "YYYY-MM-DD"`);
  }
  return problems;
}

function weekdayProblems(key: string, ranges: unknown): string[] {
  if (!/^[0-6]$/.test(key)) return [`Weekday "${key}" must be 0 (Sunday) … 6 (Saturday)`];
  const name = WEEKDAY_NAMES[Number(key)];
  if (ranges === undefined) return [];
  if (!Array.isArray(ranges)) return [`${name}: working hours must be a list of [start, end] ranges`];
  const problems: string[] = [];
  const parsed: Array<[number, number, string]> = [];
  for (const [index, range] of ranges.entries()) {
    const label = `${name} range ${index + 1}`;
    if (!Array.isArray(range) || range.length !== 2) {
      problems.push(`${label} must be a pair [start, end]`);
      continue;
    }
    const [startText, endText] = range as unknown[];
    const start = parseTime(startText);
    const end = parseTime(endText);
    const startOk = start !== null && start < 24 * 60;
    if (!startOk) problems.push(`${label}: start ${JSON.stringify(startText)} is not a time "HH:MM" (00:00–23:59)`);
    if (end === null) problems.push(`${label}: end ${JSON.stringify(endText)} is not a time "HH:MM" (00:00–24:00)`);
    if (!startOk || end === null) continue;
    if (start >= end) problems.push(`${label}: start ${startText} must be before end ${endText}`);
    else parsed.push([start, end, `${startText}–${endText}`]);
  }
  parsed.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < parsed.length; i++) {
    const previous = parsed[i - 1];
    const current = parsed[i];
    if (previous && current && current[0] < previous[1]) problems.push(`${name}: ranges ${previous[2]} and ${current[2]} overlap`);
  }
  return problems;
}

/**
 * What is wrong with a calendar, in words a person can act on; empty when it is valid.
 * Servers call it before accepting a custom calendar.
 */
export function validateCalendar(calendar: unknown): string[] {
  if (!isRecord(calendar)) return ['The calendar must be an object with timeZone, week and holidays'];
  const problems = [...structuralProblems(calendar)];
  const week = calendar['week'];
  if (problems.length === 0 && isRecord(week) && !Object.values(week).some((r) => Array.isArray(r) && r.length > 0)) {
    problems.push('The calendar has no working time: give at least one weekday a range');
  }
  return problems;
}
