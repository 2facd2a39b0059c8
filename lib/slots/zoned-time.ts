import type { Instant } from './types';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** A local date as whole days since 1970-01-01 (cheap to compare and step). */
export type DayNumber = number;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** UTC offset (ms) in force at an instant, straight from Intl. */
function exactOffset(ms: Instant, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(ms);
  let y = 0,
    mo = 0,
    d = 0,
    h = 0,
    mi = 0,
    s = 0;
  for (const p of parts) {
    switch (p.type) {
      case 'year':
        y = Number(p.value);
        break;
      case 'month':
        mo = Number(p.value);
        break;
      case 'day':
        d = Number(p.value);
        break;
      case 'hour':
        h = Number(p.value) % 24;
        break;
      case 'minute':
        mi = Number(p.value);
        break;
      case 'second':
        s = Number(p.value);
        break;
    }
  }
  const wall = utc(y, mo - 1, d, h, mi, s);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

// formatToParts costs ~10 µs; a 31-day query asks for offsets thousands of times.
// Offsets are cached per UTC hour; an hour that contains a transition is marked
// NaN and falls back to the exact computation.
const offsetCache = new Map<string, Map<number, number>>();
const OFFSET_CACHE_LIMIT = 200_000;

export function offsetAt(ms: Instant, timeZone: string): number {
  let perZone = offsetCache.get(timeZone);
  if (!perZone) {
    perZone = new Map();
    offsetCache.set(timeZone, perZone);
  }
  const bucket = Math.floor(ms / HOUR);
  let cached = perZone.get(bucket);
  if (cached === undefined) {
    if (perZone.size > OFFSET_CACHE_LIMIT) perZone.clear();
    const a = exactOffset(bucket * HOUR, timeZone);
    const b = exactOffset(bucket * HOUR + HOUR - 1, timeZone);
    cached = a === b ? a : NaN;
    perZone.set(bucket, cached);
  }
  return Number.isNaN(cached) ? exactOffset(ms, timeZone) : cached;
}

function parseDate(date: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Invalid date "${date}", expected YYYY-MM-DD`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

export function toDayNumber(date: string): DayNumber {
  const { y, m, d } = parseDate(date);
  return Math.floor(utc(y, m - 1, d) / DAY);
}

/** Date.UTC, except that years 0–99 mean themselves (Date.UTC reads them as 1900–1999). */
function utc(y: number, month: number, d: number, h = 0, mi = 0, s = 0): number {
  const t = new Date(Date.UTC(2000, month, d, h, mi, s));
  t.setUTCFullYear(y, month, d);
  return t.getTime();
}

/**
 * §0 dates are YYYY-MM-DD: nothing after 9999-12-31 or before 0000-01-01 can be written, so
 * every date the engine produces is capped to them (a day past the last one would format as
 * `+010000-01-01` and be refused by the parser and the database alike).
 */
export const FIRST_DAY: DayNumber = toDayNumber('0000-01-01');
export const LAST_DAY: DayNumber = toDayNumber('9999-12-31');
/** The instants the database is asked about are capped likewise (UTC). */
export const FIRST_INSTANT: Instant = FIRST_DAY * DAY;
export const LAST_INSTANT: Instant = (LAST_DAY + 1) * DAY - 1;

export function clampInstant(ms: Instant): Instant {
  return Math.min(Math.max(ms, FIRST_INSTANT), LAST_INSTANT);
}

export function fromDayNumber(day: DayNumber): string {
  const capped = Math.min(Math.max(day, FIRST_DAY), LAST_DAY);
  return new Date(capped * DAY).toISOString().slice(0, 10);
}

/** Minutes since local midnight; "24:00" = 1440. */
export function parseTimeOfDay(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new RangeError(`Invalid time "${time}", expected HH:mm`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[2]) > 59 || minutes > 1440) throw new RangeError(`Invalid time "${time}"`);
  return minutes;
}

export function addDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return dayNumberWeekday(toDayNumber(date));
}

export function dayNumberWeekday(day: DayNumber): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * The instant of a local wall time. Contract §8.1: a wall time inside a
 * spring-forward gap maps forward by the gap (it is read with the offset in
 * force before the gap); an ambiguous fall-back time takes the earlier instant.
 */
export function localMinuteToInstant(
  day: DayNumber,
  minuteOfDay: number,
  timeZone: string,
): Instant {
  const wall = day * DAY + minuteOfDay * MINUTE;
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyValid = offsetAt(early, timeZone) === before;
  const lateValid = offsetAt(late, timeZone) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  return wall - before;
}

export function localToInstant(date: string, time: string, timeZone: string): Instant {
  return localMinuteToInstant(toDayNumber(date), parseTimeOfDay(time), timeZone);
}

export function instantToLocalDay(ms: Instant, timeZone: string): DayNumber {
  return Math.floor((ms + offsetAt(ms, timeZone)) / DAY);
}

export function instantToLocalDate(ms: Instant, timeZone: string): string {
  return fromDayNumber(instantToLocalDay(ms, timeZone));
}
