import { z } from 'zod';
import { InlineContactSchema } from '@/lib/crm/schemas';
import { dateSchema, instantSchema, timezoneSchema, uuidSchema } from '@/lib/validation/fields';

/** Inputs of §8 (slot queries) and §9 (reservations), shared by the API, forms and AI tools. */

export const RESERVATION_STATUSES = [
  'pending',
  'confirmed',
  'cancelled',
  'completed',
  'no_show',
] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];
export const CANCELLED_BY = ['organization', 'customer', 'ai_assistant'] as const;

const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, 'Expected a whole number.')
    .transform(Number)
    .pipe(z.int().min(min).max(max));

export const MAX_SLOT_RANGE_DAYS = 31;
/** §16: a day query may span up to 62 days after `date`. */
export const MAX_DAYS_RANGE_DAYS = 62;

/** GET /api/reservation-available-slots (query strings). */
export const SlotQuerySchema = z.strictObject({
  service_id: uuidSchema,
  date: dateSchema,
  end_date: dateSchema.optional(),
  resource_id: uuidSchema.optional(),
  preferred_resource_id: uuidSchema.optional(),
  party_size: queryInt(1, 1000).optional(),
  timezone: timezoneSchema.optional(),
});
export type SlotQuery = z.infer<typeof SlotQuerySchema>;

const customFieldValues = z.record(z.string(), z.unknown());

export const ReservationCreateSchema = z
  .strictObject({
    service_id: uuidSchema.optional(),
    start_datetime: instantSchema.optional(),
    hold_id: uuidSchema.optional(),
    party_size: z.int().min(1).max(1000).optional(),
    contact_id: uuidSchema.optional(),
    contact: InlineContactSchema.optional(),
    deal_id: uuidSchema.nullable().optional(),
    company_id: uuidSchema.nullable().optional(),
    preferred_resource_id: uuidSchema.nullable().optional(),
    notes: z.string().max(10_000).nullable().optional(),
    custom_fields_by_key: customFieldValues.optional(),
    status: z.enum(['pending', 'confirmed']).optional(),
  })
  .refine((v) => !!v.contact_id !== !!v.contact, {
    message: 'Send either contact_id or contact {name, email?, phone?}, not both.',
    path: ['contact_id'],
  })
  // §15: a hold names the slot; without one, the slot is named directly.
  .refine((v) => !!v.hold_id || (!!v.service_id && !!v.start_datetime), {
    message: 'Send service_id and start_datetime, or the hold_id of a held slot.',
    path: ['service_id'],
  });
export type ReservationCreate = z.infer<typeof ReservationCreateSchema>;

export const ReservationPatchSchema = z.strictObject({
  start_datetime: instantSchema.optional(),
  service_id: uuidSchema.optional(),
  party_size: z.int().min(1).max(1000).optional(),
  preferred_resource_id: uuidSchema.nullable().optional(),
  contact_id: uuidSchema.optional(),
  deal_id: uuidSchema.nullable().optional(),
  company_id: uuidSchema.nullable().optional(),
  notes: z.string().max(10_000).nullable().optional(),
  custom_fields_by_key: customFieldValues.optional(),
  status: z.enum(RESERVATION_STATUSES).optional(),
  cancelled_at: instantSchema.optional(),
  cancelled_by: z.enum(CANCELLED_BY).optional(),
  cancellation_reason: z.string().max(2000).nullable().optional(),
});
export type ReservationPatch = z.infer<typeof ReservationPatchSchema>;
