import { fromZonedTime } from 'date-fns-tz';

/**
 * FullCalendar hands back date strings; with a named `timeZone` they may or may not carry an
 * offset depending on the build, so read both: an offset/Z string is an instant, a bare wall
 * time is read in the organization's zone.
 */
export function calendarStrToInstant(value: string, timeZone: string): string {
  if (/([+-]\d{2}:?\d{2}|Z)$/.test(value)) return new Date(value).toISOString();
  const wall = value.length === 10 ? `${value}T00:00:00` : value;
  return fromZonedTime(wall, timeZone).toISOString();
}
