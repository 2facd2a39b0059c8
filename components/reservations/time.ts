import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';

/**
 * Every time on the staff pages is shown in the organization's zone (not the browser's), so a
 * receptionist abroad sees the salon's day. Conversions happen here, through date-fns-tz.
 */

export function formatInZone(instant: string | Date, timeZone: string, pattern: string): string {
  return formatInTimeZone(instant, timeZone, pattern);
}

/** `YYYY-MM-DD` of an instant in the zone. */
export function dateInZone(instant: string | Date, timeZone: string): string {
  return formatInTimeZone(instant, timeZone, 'yyyy-MM-dd');
}

/** Minutes since local midnight of an instant in the zone. */
export function minutesInZone(instant: string | Date, timeZone: string): number {
  const [h, m] = formatInTimeZone(instant, timeZone, 'H:m').split(':').map(Number);
  return h * 60 + m;
}

/** The instant of a local date (and optional minutes past midnight) in the zone. */
export function zonedInstant(date: string, timeZone: string, minutes = 0): Date {
  const h = String(Math.floor(minutes / 60)).padStart(2, '0');
  const m = String(minutes % 60).padStart(2, '0');
  return fromZonedTime(`${date}T${h}:${m}:00`, timeZone);
}

/** A local date plus n days (calendar arithmetic on the date string, zone-independent). */
export function addDaysToDate(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function formatTimeRange(start: string, end: string, timeZone: string): string {
  return `${formatInTimeZone(start, timeZone, 'HH:mm')}–${formatInTimeZone(end, timeZone, 'HH:mm')}`;
}

export function zoneLabel(timeZone: string): string {
  return timeZone.replaceAll('_', ' ');
}
