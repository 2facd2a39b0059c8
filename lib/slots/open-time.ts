import type { Instant, Interval, ResourceSchedule } from './types';
import {
  type DayNumber,
  dayNumberWeekday,
  localMinuteToInstant,
  parseTimeOfDay,
  toDayNumber,
} from './zoned-time';

/** [start, end) in minutes of a local day (0…1440). */
type MinuteRange = [number, number];

export interface OpenTime {
  /** merged, disjoint open instants: what a booking's [start, end) must lie inside */
  open: Interval[];
  /** grid anchors (§8.2): like `open`, but a stretch open for a whole local day restarts at the next midnight */
  windows: Interval[];
  /** instants covered by blocked exceptions, to explain a refusal */
  blocked: Interval[];
}

interface DayRule {
  from: DayNumber;
  to: DayNumber;
  range: MinuteRange;
}

const WHOLE_DAY: MinuteRange = [0, 1440];

function unionMinutes(ranges: MinuteRange[]): MinuteRange[] {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: MinuteRange[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function subtractMinutes(ranges: MinuteRange[], cuts: MinuteRange[]): MinuteRange[] {
  let current = ranges;
  for (const [cs, ce] of cuts) {
    const next: MinuteRange[] = [];
    for (const [s, e] of current) {
      if (ce <= s || cs >= e) next.push([s, e]);
      else {
        if (cs > s) next.push([s, cs]);
        if (ce < e) next.push([ce, e]);
      }
    }
    current = next;
  }
  return current;
}

/** Merge sorted-or-not intervals into disjoint ones; touching intervals join. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const { start, end } of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

/** Open minutes of one local date after §7 exceptions. */
function openMinutesOfDay(
  day: DayNumber,
  weekly: MinuteRange[][],
  specials: DayRule[],
  blocks: DayRule[],
): { open: MinuteRange[]; blocked: MinuteRange[] } {
  const covering = (rules: DayRule[]) =>
    rules.filter((r) => r.from <= day && day <= r.to).map((r) => r.range);
  const special = covering(specials);
  const base =
    special.length > 0 ? unionMinutes(special) : unionMinutes(weekly[dayNumberWeekday(day)] ?? []);
  const blocked = unionMinutes(covering(blocks));
  return { open: subtractMinutes(base, blocked), blocked };
}

/**
 * Open time of a resource over its local dates [fromDay, toDay], as instants.
 * Callers pass a few days of margin: the first date's window may really have
 * started earlier.
 */
export function resourceOpenTime(
  resource: ResourceSchedule,
  fromDay: DayNumber,
  toDay: DayNumber,
): OpenTime {
  const tz = resource.timezone;
  const weekly: MinuteRange[][] = [[], [], [], [], [], [], []];
  for (const row of resource.weekly_hours) {
    weekly[row.day_of_week]?.push([parseTimeOfDay(row.start_time), parseTimeOfDay(row.end_time)]);
  }
  const specials: DayRule[] = [];
  const blocks: DayRule[] = [];
  for (const ex of resource.exceptions) {
    const from = toDayNumber(ex.date);
    const to = ex.end_date ? toDayNumber(ex.end_date) : from;
    if (to < fromDay || from > toDay) continue;
    if (ex.kind === 'special_hours') {
      if (ex.start_time && ex.end_time) {
        specials.push({
          from,
          to,
          range: [parseTimeOfDay(ex.start_time), parseTimeOfDay(ex.end_time)],
        });
      }
    } else {
      const range: MinuteRange =
        ex.start_time && ex.end_time
          ? [parseTimeOfDay(ex.start_time), parseTimeOfDay(ex.end_time)]
          : WHOLE_DAY;
      blocks.push({ from, to, range });
    }
  }

  const toInstant = (day: DayNumber, minute: number): Instant =>
    localMinuteToInstant(day, minute, tz);
  const pieces: (Interval & { day: DayNumber })[] = [];
  const blocked: Interval[] = [];
  const fullDays = new Set<DayNumber>();
  for (let day = fromDay; day <= toDay; day++) {
    const minutes = openMinutesOfDay(day, weekly, specials, blocks);
    if (minutes.open.length === 1 && minutes.open[0]![0] === 0 && minutes.open[0]![1] === 1440)
      fullDays.add(day);
    for (const [s, e] of minutes.open) {
      const start = toInstant(day, s);
      const end = toInstant(day, e);
      // A range starting inside a spring-forward gap can map past its own end.
      if (end > start) pieces.push({ start, end, day });
    }
    for (const [s, e] of minutes.blocked)
      blocked.push({ start: toInstant(day, s), end: toInstant(day, e) });
  }
  pieces.sort((a, b) => a.start - b.start || a.day - b.day);

  // Open time is a union of instants, so windows continue across midnight —
  // except after a local date that was open all day: otherwise a 24/7
  // resource's grid would hang on an anchor arbitrarily far in the past, and
  // the answer would depend on how many days the caller loaded.
  const windows: Interval[] = [];
  let current: (Interval & { lastDay: DayNumber }) | null = null;
  for (const piece of pieces) {
    const continues =
      current !== null &&
      piece.start <= current.end &&
      !(piece.day > current.lastDay && fullDays.has(piece.day - 1));
    if (current && continues) {
      current.end = Math.max(current.end, piece.end);
      current.lastDay = Math.max(current.lastDay, piece.day);
    } else {
      if (current) windows.push({ start: current.start, end: current.end });
      current = { start: piece.start, end: piece.end, lastDay: piece.day };
    }
  }
  if (current) windows.push({ start: current.start, end: current.end });

  return { open: mergeIntervals(pieces), windows, blocked: mergeIntervals(blocked) };
}

/** Index of the last interval whose start ≤ t, or -1. Intervals sorted by start. */
export function lastStartingAtOrBefore(intervals: Interval[], t: Instant): number {
  let lo = 0;
  let hi = intervals.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (intervals[mid]!.start <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Whether [start, end) lies inside one of the merged, disjoint intervals. */
export function containsInterval(merged: Interval[], start: Instant, end: Instant): boolean {
  const i = lastStartingAtOrBefore(merged, start);
  return i >= 0 && merged[i]!.end >= end;
}

export function overlapsAny(merged: Interval[], start: Instant, end: Instant): boolean {
  const i = lastStartingAtOrBefore(merged, end - 1);
  return i >= 0 && merged[i]!.end > start;
}
