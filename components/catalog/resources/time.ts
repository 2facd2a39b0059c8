/** Times of day (HH:mm, 24:00 allowed as an end) and days of the week of §6–§7. */

/** The week as people read it, Monday first; the values are §6's day_of_week (0 = Sunday). */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;
export const DAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

export function toMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function fromMinutes(minutes: number): string {
  const clamped = Math.max(0, Math.min(1440, Math.round(minutes)));
  const h = Math.floor(clamped / 60);
  const m = clamped % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Every quarter hour from 00:00 to 24:00, plus any odd times already stored. */
export function timeOptions(extra: (string | null | undefined)[] = []): string[] {
  const set = new Set<string>();
  for (let m = 0; m <= 1440; m += 15) set.add(fromMinutes(m));
  for (const t of extra) if (t && /^\d\d:\d\d$/.test(t)) set.add(t);
  return [...set].sort((a, b) => toMinutes(a) - toMinutes(b));
}

export function formatRange(start: string, end: string): string {
  return `${start}–${end}`;
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

/** "2027-12-24" → "Fri 24 Dec 2027" (a calendar date: no time zone shift). */
export function formatDate(date: string, withYear = true): string {
  const d = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: withYear ? 'numeric' : undefined,
    timeZone: 'UTC',
  }).format(d);
}
