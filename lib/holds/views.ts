import { z } from 'zod';
import { instantAnswer } from '@/lib/validation/answers';
import { uuidSchema } from '@/lib/validation/fields';

/** The answers of §15's hold endpoints (`view` in ./holds.ts), for the API reference and the router's check. */

/** A hold as staff, API keys and assistants see it: create, get, extend and release answer it. */
export const HoldAnswer = z.strictObject({
  id: uuidSchema,
  service_id: uuidSchema,
  start_datetime: instantAnswer(),
  end_datetime: instantAnswer(),
  party_size: z.int().min(1),
  resource_ids: z.array(uuidSchema).meta({
    description: 'The resources the held slot uses (the session’s, for a group service).',
  }),
  expires_at: instantAnswer().meta({ description: 'Book with `hold_id` before this instant.' }),
});

/** A hold as the booking page sees it (no service, party or resources: the page sent those). */
export const PublicHoldAnswer = HoldAnswer.pick({
  id: true,
  expires_at: true,
  start_datetime: true,
  end_datetime: true,
});

/** `DELETE /api/public/booking-links/:slug/holds/:id`. */
export const PublicHoldReleasedAnswer = z
  .strictObject({ id: uuidSchema, released: z.literal(true) })
  .meta({ description: 'The hold is gone; its slot is free for the next query.' });
