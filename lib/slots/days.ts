import type { Instant, Slot } from './types';
import { fromDayNumber, instantToLocalDate, toDayNumber } from './zoned-time';

/**
 * §16: per-day summaries of one engine pass over a range. A slot belongs to the local date
 * of its start in the query's zone — the same rule that puts it in that date's §8 list — so
 * `slot_count` is, by construction, the length of the day's slot list.
 */
export interface DaySummary {
  date: string;
  slot_count: number;
  first_start: Instant | null;
}

export function summarizeDays(
  slots: Slot[],
  date: string,
  endDate: string,
  timezone: string,
): DaySummary[] {
  const days = new Map<string, DaySummary>();
  // Stepping on day numbers: the date after 9999-12-31 has no YYYY-MM-DD to compare with.
  for (let n = toDayNumber(date), last = toDayNumber(endDate); n <= last; n++) {
    const d = fromDayNumber(n);
    days.set(d, { date: d, slot_count: 0, first_start: null });
  }
  for (const slot of slots) {
    const day = days.get(instantToLocalDate(slot.start, timezone));
    if (!day) continue;
    day.slot_count++;
    if (day.first_start === null || slot.start < day.first_start) day.first_start = slot.start;
  }
  return [...days.values()];
}
