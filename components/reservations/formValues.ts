import type { z } from 'zod';
import type { ReservationCreateSchema } from '@/lib/reservations/schemas';
import type { ReservationPatchBody } from './queries';
import { dateInZone } from './time';
import type { CustomField, Reservation } from './types';

/**
 * What the create/edit form holds. It is the create body of §9 plus two things only the
 * screen needs (the day to list slots for, and whether the contact is new); `toCreateBody` /
 * `toPatchBody` turn it into the body the shared schema validates.
 */
export interface ReservationFormValues {
  service_id: string;
  date: string;
  start_datetime: string;
  party_size: number;
  preferred_resource_id: string;
  contact_mode: 'existing' | 'new';
  contact_id: string;
  contact: { name: string; email: string; phone: string };
  notes: string;
  custom_fields_by_key: Record<string, unknown>;
}

export type ReservationCreateBody = z.input<typeof ReservationCreateSchema>;

const isBlank = (v: unknown) =>
  v === undefined ||
  v === null ||
  v === '' ||
  (typeof v === 'number' && Number.isNaN(v)) ||
  (Array.isArray(v) && v.length === 0);

export function emptyFormValues(date: string): ReservationFormValues {
  return {
    service_id: '',
    date,
    start_datetime: '',
    party_size: 1,
    preferred_resource_id: '',
    contact_mode: 'existing',
    contact_id: '',
    contact: { name: '', email: '', phone: '' },
    notes: '',
    custom_fields_by_key: {},
  };
}

export function formValuesOf(r: Reservation, timeZone: string): ReservationFormValues {
  return {
    service_id: r.service_id,
    date: dateInZone(r.start_datetime, timeZone),
    start_datetime: r.start_datetime,
    party_size: r.party_size,
    preferred_resource_id: r.preferred_resource_id ?? '',
    contact_mode: 'existing',
    contact_id: r.contact_id,
    contact: { name: '', email: '', phone: '' },
    notes: r.notes ?? '',
    custom_fields_by_key: { ...(r.custom_fields_by_key ?? {}) },
  };
}

export function toCreateBody(v: ReservationFormValues): ReservationCreateBody {
  const custom = Object.fromEntries(
    Object.entries(v.custom_fields_by_key).filter(([, value]) => !isBlank(value)),
  );
  return {
    service_id: v.service_id,
    start_datetime: v.start_datetime,
    party_size: v.party_size,
    ...(v.contact_mode === 'existing'
      ? { contact_id: v.contact_id || undefined }
      : {
          contact: {
            name: v.contact.name,
            email: v.contact.email.trim() || undefined,
            phone: v.contact.phone.trim() || undefined,
          },
        }),
    ...(v.preferred_resource_id ? { preferred_resource_id: v.preferred_resource_id } : {}),
    ...(v.notes.trim() ? { notes: v.notes } : {}),
    ...(Object.keys(custom).length > 0 ? { custom_fields_by_key: custom } : {}),
  };
}

/** Only what changed; custom fields are merged by key on the server, `null` removes one. */
export function toPatchBody(v: ReservationFormValues, original: Reservation): ReservationPatchBody {
  const body: ReservationPatchBody = {};
  if (v.service_id !== original.service_id) body.service_id = v.service_id;
  if (new Date(v.start_datetime).getTime() !== new Date(original.start_datetime).getTime())
    body.start_datetime = v.start_datetime;
  if (v.party_size !== original.party_size) body.party_size = v.party_size;
  if ((v.preferred_resource_id || null) !== (original.preferred_resource_id ?? null))
    body.preferred_resource_id = v.preferred_resource_id || null;
  if (v.notes !== (original.notes ?? '')) body.notes = v.notes.trim() ? v.notes : null;
  const before = original.custom_fields_by_key ?? {};
  const custom: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(v.custom_fields_by_key)])) {
    const next = v.custom_fields_by_key[key];
    if (JSON.stringify(next) === JSON.stringify(before[key])) continue;
    custom[key] = isBlank(next) ? null : next;
  }
  if (Object.keys(custom).length > 0) body.custom_fields_by_key = custom;
  return body;
}

/** Required custom fields (§10) missing from the form, as field errors. */
export function missingRequired(
  fields: readonly CustomField[],
  values: Record<string, unknown>,
): { key: string; message: string }[] {
  return fields
    .filter(
      (f) =>
        f.required &&
        (isBlank(values[f.key]) || (f.type === 'boolean' && values[f.key] === undefined)),
    )
    .map((f) => ({ key: f.key, message: `${f.label} is required.` }));
}
