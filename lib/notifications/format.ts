/**
 * A booking's time as its emails say it: in the organization's time zone, with the zone
 * named twice — its long name, which people read, and the IANA name, which is unambiguous
 * (a customer in another zone can tell whose 10:00 it is).
 */

export interface FormattedWhen {
  /** `Sunday, 14 March 2027` */
  date: string;
  /** `16:00–17:00`, or `23:00 – Mon 15 Mar, 01:00` when it ends on another day */
  time: string;
  /** `Central European Standard Time (Europe/Paris)` */
  zone: string;
  /** `Sunday, 14 March 2027, 16:00–17:00 Central European Standard Time (Europe/Paris)` */
  full: string;
  /** `Sun 14 Mar, 16:00` (subjects) */
  short: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, ...options });
    formatters.set(key, f);
  }
  return f;
}

const DATE: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};
const SHORT_DATE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

export function zoneName(at: Date, timeZone: string): string {
  const long = formatter(timeZone, { timeZoneName: 'long' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return long && long !== timeZone ? `${long} (${timeZone})` : timeZone;
}

export function formatWhen(start: string | Date, end: string | Date, timeZone: string) {
  const s = new Date(start);
  const e = new Date(end);
  const date = formatter(timeZone, DATE).format(s);
  const shortDate = formatter(timeZone, SHORT_DATE).format(s);
  const startTime = formatter(timeZone, TIME).format(s);
  const endTime = formatter(timeZone, TIME).format(e);
  const sameDay = formatter(timeZone, DATE).format(e) === date;
  const time = sameDay
    ? `${startTime}–${endTime}`
    : `${startTime} – ${formatter(timeZone, SHORT_DATE).format(e)}, ${endTime}`;
  const zone = zoneName(s, timeZone);
  const when: FormattedWhen = {
    date,
    time,
    zone,
    full: `${date}, ${time} ${zone}`,
    short: `${shortDate}, ${startTime}`,
  };
  return when;
}
