import { z } from 'zod';
import { instantAnswer } from '@/lib/validation/answers';
import { CUSTOM_FIELD_TYPES } from '@/db/schema';
import {
  AvailableDaysAnswer,
  AvailableSlotsAnswer,
  SlotView,
} from '@/lib/reservations/availability-views';
import { CANCELLED_BY, RESERVATION_STATUSES } from '@/lib/reservations/schemas';
import {
  colorSchema,
  currencySchema,
  imageUrlSchema,
  timezoneSchema,
  uuidSchema,
} from '@/lib/validation/fields';

/**
 * The answers of §11's public endpoints (./public-link.ts, ./public-booking.ts, ./manage.ts),
 * for the API reference and the router's check. Customers see no contact, resources or notes.
 */

/** What the page shows of the organization. */
const PublicOrganization = z.strictObject({ name: z.string(), timezone: timezoneSchema });

/** `PublicService` of ./public-link.ts: a service's public fields. */
export const PublicServiceView = z.strictObject({
  id: uuidSchema,
  name: z.string(),
  description: z.string().nullable(),
  duration_minutes: z.int(),
  price_amount: z.int().nullable().meta({ description: 'In minor units of `currency`.' }),
  currency: currencySchema.nullable(),
  image_url: imageUrlSchema.nullable(),
  color: colorSchema.nullable(),
  min_party_size: z.int(),
  max_party_size: z.int(),
  requires_confirmation: z
    .boolean()
    .meta({ description: 'The business confirms each booking: a request rather than a booking.' }),
  max_advance_days: z.int().meta({ description: 'How far ahead the calendar may go.' }),
  capacity: z
    .int()
    .nullable()
    .meta({ description: 'Seats of a group service (null for a private one).' }),
});

/** The page's look: `page_config` with its defaults, less the custom field keys (see `custom_fields`). */
const PublicPageConfig = z.strictObject({
  title: z.string().nullable(),
  description: z.string().nullable(),
  logo_url: imageUrlSchema.nullable(),
  cover_url: imageUrlSchema.nullable(),
  primary_color: colorSchema.nullable(),
  confirmation_message: z.string().nullable(),
  require_phone: z.boolean(),
});

const PublicCustomField = z.strictObject({
  key: z.string(),
  label: z.string(),
  type: z.enum(CUSTOM_FIELD_TYPES),
  required: z.boolean(),
  options: z.array(z.string()).meta({ description: 'The choices of a select or multiselect.' }),
});

export const PublicBookingPageAnswer = z
  .strictObject({
    slug: z.string(),
    name: z.string(),
    page_config: PublicPageConfig,
    organization: PublicOrganization,
    services: z
      .array(PublicServiceView)
      .meta({ description: 'The link’s active services, by name.' }),
    custom_fields: z
      .array(PublicCustomField)
      .meta({ description: 'The reservation fields to ask, in the organization’s order.' }),
  })
  .meta({
    description:
      'The page config, the organization’s name and timezone, the link’s active services (public fields) and the custom fields to ask.',
  });

/** §8's slot, without the resources it would use (staff-only). */
export const PublicSlotView = SlotView.omit({ resource_ids: true });

/** §8's answer without `resource_ids`: the public page's and the manage page's slots. */
export const PublicSlotsAnswer = AvailableSlotsAnswer.extend({ slots: z.array(PublicSlotView) });

export const PublicDaysAnswer = AvailableDaysAnswer;

/** What a booking's customer is told about it right after booking (`publicReservationSummary`). */
const BookedReservation = z.strictObject({
  id: uuidSchema,
  status: z.enum(RESERVATION_STATUSES),
  start_datetime: instantAnswer(),
  end_datetime: instantAnswer(),
  party_size: z.int(),
  service: z.strictObject({ id: uuidSchema, name: z.string(), duration_minutes: z.int() }),
});

/** The booking's credential: 43 base64url characters. */
const ManageToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/)
  .meta({
    description:
      'The customer’s only credential for `/api/public/reservations/:token`; shown once, not stored.',
  });

export const PublicBookedAnswer = z
  .strictObject({ reservation: BookedReservation, manage_token: ManageToken })
  .meta({
    description:
      'The booking (pending when the service requires confirmation) and its manage token (a replay with the same Idempotency-Key: the original answer).',
  });

/** A customer's booking as the manage page shows it (`toView` in ./manage.ts). */
export const ManagedReservationAnswer = z.strictObject({
  id: uuidSchema,
  status: z.enum(RESERVATION_STATUSES),
  start_datetime: instantAnswer(),
  end_datetime: instantAnswer(),
  party_size: z.int(),
  cancelled_at: instantAnswer().nullable(),
  cancelled_by: z.enum(CANCELLED_BY).nullable(),
  service: z.strictObject({
    id: uuidSchema,
    name: z.string(),
    duration_minutes: z.int(),
    price_amount: z.int().nullable().meta({ description: 'In minor units of `currency`.' }),
    currency: currencySchema.nullable(),
    image_url: imageUrlSchema.nullable(),
  }),
  organization: PublicOrganization,
  booking_link: PublicPageConfig.omit({ require_phone: true })
    .extend({ slug: z.string(), name: z.string() })
    .nullable()
    .meta({ description: 'The link it was booked through (null if booked otherwise or deleted).' }),
  can_cancel: z
    .boolean()
    .meta({ description: 'Pending or confirmed and not started yet: the customer may cancel it.' }),
  can_reschedule: z
    .boolean()
    .meta({ description: 'Pending or confirmed and not started yet: the customer may move it.' }),
});
