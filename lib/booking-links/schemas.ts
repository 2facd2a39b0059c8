import { z } from 'zod';
import { SlotQuerySchema } from '@/lib/reservations/schemas';
import {
  colorSchema,
  emailSchema,
  imageUrlSchema,
  instantSchema,
  intRange,
  nameSchema,
  phoneSchema,
  uuidSchema,
} from '@/lib/validation/fields';

/** §11 inputs: the booking link a staff admin writes, and what a customer sends. */

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

export const slugSchema = z
  .string()
  .regex(
    SLUG_PATTERN,
    'Use 2–63 lowercase letters, digits and hyphens, starting with a letter or digit.',
  );

const customFieldKeySchema = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'Expected a field key.');

export const PageConfigSchema = z.strictObject({
  title: z.string().trim().max(200).nullable().optional(),
  description: z.string().max(5000).nullable().optional(),
  logo_url: imageUrlSchema.nullable().optional(),
  cover_url: imageUrlSchema.nullable().optional(),
  primary_color: colorSchema.nullable().optional(),
  confirmation_message: z.string().max(5000).nullable().optional(),
  custom_field_keys: z
    .array(customFieldKeySchema)
    .max(50)
    .refine((keys) => new Set(keys).size === keys.length, 'Each key may appear once.')
    .optional(),
  require_phone: z.boolean().optional(),
});
export type PageConfigInput = z.infer<typeof PageConfigSchema>;

const serviceIdsSchema = z
  .array(uuidSchema)
  .min(1, 'A booking link offers at least one service.')
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, 'Each service may appear once.');

const linkFields = {
  slug: slugSchema,
  name: nameSchema(),
  service_ids: serviceIdsSchema,
  is_active: z.boolean(),
  page_config: PageConfigSchema,
};

export const BookingLinkCreateSchema = z.strictObject({
  slug: linkFields.slug,
  name: linkFields.name,
  service_ids: linkFields.service_ids,
  is_active: linkFields.is_active.optional(),
  page_config: linkFields.page_config.optional(),
});
export const BookingLinkPatchSchema = z.strictObject(linkFields).partial();
export type BookingLinkCreate = z.infer<typeof BookingLinkCreateSchema>;

/** `GET /api/public/booking-links/:slug/slots`: §8's query without the staff-only resource choice. */
export const PublicSlotQuerySchema = SlotQuerySchema.omit({
  resource_id: true,
  preferred_resource_id: true,
});

/** `GET /api/public/reservations/:token/slots`: the service and party come from the booking. */
export const ManageSlotQuerySchema = SlotQuerySchema.pick({
  date: true,
  end_date: true,
  timezone: true,
});

export const PublicContactSchema = z.strictObject({
  name: nameSchema(),
  email: emailSchema,
  phone: phoneSchema.nullable().optional(),
});

export const PublicBookingSchema = z
  .strictObject({
    service_id: uuidSchema.optional(),
    start_datetime: instantSchema.optional(),
    hold_id: uuidSchema.optional(),
    party_size: intRange(1, 1000).optional(),
    contact: PublicContactSchema,
    notes: z.string().max(5000).nullable().optional(),
    custom_fields_by_key: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((v) => !!v.hold_id || (!!v.service_id && !!v.start_datetime), {
    message: 'Send service_id and start_datetime, or the hold_id of a held slot.',
    path: ['service_id'],
  });
export type PublicBooking = z.infer<typeof PublicBookingSchema>;

export const PublicCancelSchema = z.strictObject({
  reason: z.string().trim().max(1000).nullable().optional(),
});

export const PublicRescheduleSchema = z.strictObject({
  start_datetime: instantSchema,
});
