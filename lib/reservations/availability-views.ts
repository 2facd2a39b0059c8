import { z } from 'zod';
import { instantAnswer } from '@/lib/validation/answers';
import { dateSchema, timezoneSchema, uuidSchema } from '@/lib/validation/fields';

/** The answers of §8 (slots) and §16 (days), for the API reference and the router's check. */

const range = {
  service_id: uuidSchema,
  date: dateSchema,
  // The shared field schemas are recognised by identity (lib/validation/json-schema.ts): no .meta.
  end_date: dateSchema,
  timezone: timezoneSchema,
};

export const SlotView = z.strictObject({
  start_datetime: instantAnswer(),
  end_datetime: instantAnswer(),
  remaining_capacity: z.int().min(0),
  resource_ids: z.array(uuidSchema).meta({ description: 'The resources the slot would use.' }),
});

export const AvailableSlotsAnswer = z
  .strictObject({ ...range, slots: z.array(SlotView) })
  .meta({ description: 'The bookable starts of the range, sorted by start (§8).' });

export const DayView = z.strictObject({
  date: dateSchema,
  slot_count: z.int().min(0),
  first_start_datetime: instantAnswer()
    .nullable()
    .meta({ description: 'null on a day without slots.' }),
});

export const AvailableDaysAnswer = z
  .strictObject({ ...range, days: z.array(DayView) })
  .meta({ description: 'Every date of the range, with its number of slots (§16).' });
