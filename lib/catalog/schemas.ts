import { z } from 'zod';
import { RESOURCE_TYPES } from '@/db/schema/constants';
import {
  colorSchema,
  currencySchema,
  dateSchema,
  imageUrlSchema,
  intRange,
  nameSchema,
  timeOfDaySchema,
  timezoneSchema,
  uuidSchema,
} from '@/lib/validation/fields';

/** Input schemas of §3–§7. Cross-field rules live in database checks (see collections.ts). */

const serviceFields = {
  name: nameSchema(),
  description: z.string().max(5000).nullable(),
  duration_minutes: intRange(5, 1440),
  slot_interval_minutes: intRange(5, 1440).nullable(),
  buffer_before_minutes: intRange(0, 1440),
  buffer_after_minutes: intRange(0, 1440),
  min_notice_minutes: intRange(0, 525_600),
  max_advance_days: intRange(1, 3650),
  capacity: intRange(1, 100_000).nullable(),
  min_party_size: intRange(1, 1000),
  max_party_size: intRange(1, 1000),
  requires_confirmation: z.boolean(),
  price_amount: intRange(0, 1_000_000_000).nullable(),
  currency: currencySchema.nullable(),
  image_url: imageUrlSchema.nullable(),
  color: colorSchema.nullable(),
  is_active: z.boolean(),
};
const { name, duration_minutes, ...optionalServiceFields } = serviceFields;
export const ServiceCreateSchema = z.strictObject({
  name,
  duration_minutes,
  ...z.object(optionalServiceFields).partial().shape,
});
export const ServicePatchSchema = z.strictObject(serviceFields).partial();
export type ServiceCreate = z.infer<typeof ServiceCreateSchema>;

const resourceFields = {
  name: nameSchema(),
  type: z.enum(RESOURCE_TYPES),
  quantity: intRange(1, 10_000),
  capacity: intRange(1, 100_000).nullable(),
  timezone: timezoneSchema,
  image_url: imageUrlSchema.nullable(),
  is_active: z.boolean(),
};
export const ResourceCreateSchema = z.strictObject({
  name: resourceFields.name,
  ...z.object(resourceFields).omit({ name: true }).partial().shape,
});
export const ResourcePatchSchema = z.strictObject(resourceFields).partial();

export const ServiceResourceCreateSchema = z.strictObject({
  service_id: uuidSchema,
  resource_id: uuidSchema,
  is_required: z.boolean().optional(),
  quantity: intRange(1, 10_000).optional(),
});
// A link is identified by its pair; to move it, delete it and create another.
export const ServiceResourcePatchSchema = z
  .strictObject({
    is_required: z.boolean(),
    quantity: intRange(1, 10_000),
  })
  .partial();

const availabilityFields = {
  resource_id: uuidSchema,
  day_of_week: intRange(0, 6),
  start_time: timeOfDaySchema,
  end_time: timeOfDaySchema,
};
export const AvailabilityCreateSchema = z.strictObject(availabilityFields);
export const AvailabilityPatchSchema = AvailabilityCreateSchema.partial();

const exceptionFields = {
  resource_id: uuidSchema,
  date: dateSchema,
  end_date: dateSchema.nullable(),
  kind: z.enum(['blocked', 'special_hours']),
  start_time: timeOfDaySchema.nullable(),
  end_time: timeOfDaySchema.nullable(),
  reason: z.string().max(500).nullable(),
};
export const ExceptionCreateSchema = z.strictObject({
  resource_id: exceptionFields.resource_id,
  date: exceptionFields.date,
  kind: exceptionFields.kind,
  ...z
    .object(exceptionFields)
    .pick({ end_date: true, start_time: true, end_time: true, reason: true })
    .partial().shape,
});
export const ExceptionPatchSchema = z.strictObject(exceptionFields).partial();
