import { useSyncExternalStore } from 'react';

/**
 * Dates and times for the booking pages, with Intl only (no date library in the page bundle).
 * Slots are instants; the visitor sees them in their own zone, and days (`YYYY-MM-DD` keys)
 * are the visitor's days because the slot query is made in that zone.
 */

export interface Visitor {
  timeZone: string;
  locale: string;
}

/** English UI: the visitor's English variant (12 or 24 h clock), else British English. */
function detectLocale(): string {
  const english = navigator.languages?.find((l) => /^en(-|$)/i.test(l));
  try {
    return english ? Intl.getCanonicalLocales(english)[0]! : 'en-GB';
  } catch {
    return 'en-GB';
  }
}

function detectZone(fallback: string): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && zone !== 'Etc/Unknown' ? zone : fallback;
}

let visitor: Visitor | undefined;
const subscribe = () => () => {};

/**
 * The visitor's zone and locale: null on the server and while hydrating (the server cannot
 * know them), then the browser's. `fallbackZone` (the business's) is used when the browser
 * does not say.
 */
export function useVisitor(fallbackZone: string): Visitor | null {
  return useSyncExternalStore(
    subscribe,
    () => (visitor ??= { timeZone: detectZone(fallbackZone), locale: detectLocale() }),
    () => null,
  );
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, found);
  }
  return found;
}

/** `YYYY-MM-DD` of an instant in a zone. */
export function dayKeyOf(instant: string | Date, timeZone: string): string {
  const parts = formatter('en-US', timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Hour of the day (0–23) of an instant in a zone. */
export function hourOf(instant: string, timeZone: string): number {
  const hour = formatter('en-US', timeZone, { hour: 'numeric', hourCycle: 'h23' })
    .formatToParts(new Date(instant))
    .find((p) => p.type === 'hour');
  return Number(hour?.value ?? 0);
}

export const formatTime = (instant: string, v: Visitor) =>
  formatter(v.locale, v.timeZone, { hour: 'numeric', minute: '2-digit' }).format(new Date(instant));

export function formatTimeIn(instant: string, timeZone: string, locale: string) {
  return formatter(locale, timeZone, { hour: 'numeric', minute: '2-digit' }).format(
    new Date(instant),
  );
}

/** "Tuesday 1 December 2026" (the year only when it is not this year's). */
export function formatDateIn(instant: string, timeZone: string, locale: string) {
  const date = new Date(instant);
  const sameYear =
    dayKeyOf(date, timeZone).slice(0, 4) === dayKeyOf(new Date(), timeZone).slice(0, 4);
  return formatter(locale, timeZone, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
}

// ——— calendar days (keys), computed at UTC noon so no zone can move them ———

const noon = (day: string) => new Date(`${day}T12:00:00Z`);

export function formatDayKey(day: string, locale: string, options: Intl.DateTimeFormatOptions) {
  return formatter(locale, 'UTC', options).format(noon(day));
}

export const addDays = (day: string, days: number) => {
  const d = noon(day);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** 1 = Monday … 7 = Sunday (ISO). */
export const isoWeekday = (day: string) => noon(day).getUTCDay() || 7;

/** Months are `YYYY-MM`. */
export const monthOf = (day: string) => day.slice(0, 7);

export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return d.toISOString().slice(0, 7);
}

export const firstDayOf = (month: string) => `${month}-01`;

export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export const formatMonth = (month: string, locale: string) =>
  formatDayKey(firstDayOf(month), locale, { month: 'long', year: 'numeric' });

/** The locale's first day of the week (1 = Monday … 7 = Sunday); Monday when unknown. */
export function firstWeekday(locale: string): number {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    return info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay ?? 1;
  } catch {
    return 1;
  }
}

/** "Europe/New_York" → "New York", for sentences. */
export const zoneCity = (timeZone: string) =>
  (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');

/** "20 min", "1 h 30 min", "2 h". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}
