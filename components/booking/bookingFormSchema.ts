import * as z from 'zod/mini';
import type { CustomFieldInput } from './formValues';
import type { PublicBookingPage, PublicCustomField } from './types';

/**
 * The booking form's check, built from the link (phone required or not, the custom fields it
 * asks), with sentences written for customers; its output is the request body's shape.
 *
 * The rules are the API's (PublicContactSchema, lib/validation/fields and §10's custom field
 * values in lib/custom-fields/values.ts), restated here on `zod/mini` rather than imported:
 * the shared schemas use zod's full API, which adds ~45 KB gzip to the page (it cannot be
 * tree-shaken), more than the whole budget of the booking page. The server checks again.
 */

export interface BookingFormOutput {
  contact: { name: string; email: string; phone?: string };
  notes?: string;
  custom_fields_by_key: Record<string, unknown>;
}

type Check<In, Out> = (value: In) => { error: string } | { value: Out };

/** A transform that either yields a value or reports one message (on the field's path). */
function checked<In, Out>(run: Check<In, Out>) {
  return z.transform<In, Out>((input, ctx) => {
    const result = run(input);
    if ('error' in result) {
      ctx.issues.push({ code: 'custom', message: result.error, input });
      return z.NEVER;
    }
    return result.value;
  });
}

const text = <Out>(run: Check<string, Out>) =>
  z.pipe(
    z.string(),
    checked((raw: string) => run(raw.trim())),
  );

// lib/validation/fields: emailSchema is zod's email format, phoneSchema this pattern.
const isEmail = (v: string) => v.length <= 320 && z.regexes.email.test(v);
const isPhone = (v: string) =>
  /^\+?[0-9 ()./-]{5,30}$/.test(v) && (v.match(/\d/g) ?? []).length >= 5;
const isDate = (v: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) &&
  !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
  new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
const isHttpUrl = (v: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
};

const EMAIL_MESSAGE = 'Enter an email address like name@example.com.';
const PHONE_MESSAGE = 'Enter a phone number, e.g. +44 20 7946 0000.';

/** Per type: is a (non-empty, trimmed) answer acceptable, and what to say when it is not. */
function answerProblem(field: PublicCustomField, v: string): string | null {
  switch (field.type) {
    case 'number':
      return Number.isFinite(Number(v)) ? null : 'Enter a number.';
    case 'date':
      return isDate(v) ? null : 'Enter a date.';
    case 'select':
    case 'boolean':
      return field.type === 'boolean' || field.options.includes(v) ? null : 'Choose from the list.';
    case 'email':
      return isEmail(v) ? null : EMAIL_MESSAGE;
    case 'phone':
      return isPhone(v) ? null : PHONE_MESSAGE;
    case 'url':
      return v.length <= 2000 && isHttpUrl(v)
        ? null
        : 'Enter a web address starting with https://.';
    case 'textarea':
      return v.length <= 10000 ? null : 'Keep this under 10,000 characters.';
    default:
      return v.length <= 1000 ? null : 'Keep this under 1,000 characters.';
  }
}

/** One custom field: '' (or []) means "not answered", which only a required field refuses. */
function customFieldSchema(field: PublicCustomField): z.ZodMiniType<unknown, CustomFieldInput> {
  if (field.type === 'multiselect') {
    return z.pipe(
      z.array(z.string()),
      checked((list: string[]) => {
        if (field.required && !list.length) return { error: 'Choose at least one.' };
        if (!list.every((o) => field.options.includes(o)))
          return { error: 'Choose from the list.' };
        return { value: list.length ? list : undefined };
      }),
    );
  }
  const required =
    field.type === 'boolean'
      ? 'Please choose Yes or No.'
      : field.type === 'select'
        ? 'Please choose an option.'
        : 'This field is required.';
  return text<unknown>((v) => {
    if (!v) return field.required ? { error: required } : { value: undefined };
    const problem = answerProblem(field, v);
    if (problem) return { error: problem };
    if (field.type === 'number') return { value: Number(v) };
    if (field.type === 'boolean') return { value: v === 'yes' };
    return { value: v };
  });
}

export function bookingFormSchema(page: PublicBookingPage) {
  const custom: Record<string, z.ZodMiniType<unknown, CustomFieldInput>> = {};
  for (const field of page.custom_fields) custom[field.key] = customFieldSchema(field);
  return z.object({
    contact: z.object({
      name: text<string>((v) =>
        !v
          ? { error: 'Please enter your name.' }
          : v.length > 200
            ? { error: 'Keep your name under 200 characters.' }
            : { value: v },
      ),
      email: text<string>((v) =>
        !v
          ? { error: 'Please enter your email address.' }
          : isEmail(v)
            ? { value: v }
            : { error: EMAIL_MESSAGE },
      ),
      phone: text<string | undefined>((v) =>
        !v
          ? page.page_config.require_phone
            ? { error: 'Please enter your phone number.' }
            : { value: undefined }
          : isPhone(v)
            ? { value: v }
            : { error: PHONE_MESSAGE },
      ),
    }),
    notes: text<string | undefined>((v) =>
      v.length > 5000
        ? { error: 'Keep your note under 5,000 characters.' }
        : { value: v || undefined },
    ),
    custom_fields_by_key: z.object(custom),
  });
}
