import { z } from 'zod';
import { isValidDate, parseInstant } from '@/lib/http/query';

/** Field validators shared by every input schema (§0 formats). */

export const uuidSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Expected a UUID.')
  .transform((v) => v.toLowerCase());

export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timezoneSchema = z
  .string()
  .refine(isTimeZone, 'Unknown time zone: use an IANA name such as Europe/Paris.');

export const dateSchema = z.string().refine(isValidDate, 'Expected a date YYYY-MM-DD.');

export const timeOfDaySchema = z
  .string()
  .regex(
    /^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/,
    'Expected a time HH:mm (24:00 allowed as an end).',
  );

/** An ISO 8601 instant with an offset, normalised to a Date. */
export const instantSchema = z
  .string()
  .refine(
    (v) => parseInstant(v) !== null,
    'Expected an ISO 8601 date-time with an offset, e.g. 2027-03-14T15:00:00Z.',
  )
  .transform((v) => new Date(parseInstant(v)!));

export const colorSchema = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'Expected a colour #RRGGBB.');

export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 currency code such as EUR.');

/** https URLs, or paths the app itself serves (uploads). */
export const imageUrlSchema = z
  .string()
  .max(2000)
  .refine((v) => {
    if (v.startsWith('/') && !v.startsWith('//')) return true;
    try {
      return new URL(v).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Expected an https URL or an app-served path.');

export const emailSchema = z.string().trim().max(320).email('Expected an email address.');

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()./-]{5,30}$/, 'Expected a phone number.')
  .refine((v) => (v.match(/\d/g) ?? []).length >= 5, 'Expected a phone number.');

export const nameSchema = (max = 200) => z.string().trim().min(1, 'Required.').max(max);

export const intRange = (min: number, max: number) => z.int().min(min).max(max);
