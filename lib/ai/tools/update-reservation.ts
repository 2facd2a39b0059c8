import { z } from 'zod';
import { ReservationPatchSchema } from '@/lib/reservations/schemas';
import { updateReservation } from '@/lib/reservations/update-reservation';
import { uuidSchema } from '@/lib/validation/fields';
import { toInputJsonSchema } from '../json-schema';
import { ERROR_RULES, paragraphs, timeRules, type ToolDefinition } from '../tool';
import { parseArgs } from './parse-args';

/** update_reservation → PATCH /api/reservations/:id (§9 update), the id among the arguments. */
const ArgsSchema = z.strictObject({ id: uuidSchema, ...ReservationPatchSchema.shape });

export const updateReservationTool: ToolDefinition = {
  name: 'update_reservation',
  describe: ({ timezone }) =>
    paragraphs(
      'Changes one reservation, found by its id (from find_reservations or create_reservation): reschedules it, changes its status (confirm, cancel, mark completed or no-show) or edits its notes and custom fields. Send the id and only the fields to change; the answer is the updated reservation.',
      "Rescheduling — start_datetime, service_id, party_size or preferred_resource_id — is checked like a new booking (the reservation's own place does not count against it) and is all-or-nothing: take the new start from get_available_slots.",
      'Status changes: pending → confirmed or cancelled; confirmed → cancelled, completed or no_show; completed ↔ no_show; cancelled → pending or confirmed while the slot is still free. completed and no_show only once the start has passed. To cancel, send {"id": ..., "status": "cancelled", "cancellation_reason": "..."}: cancelled_at is now and cancelled_by is ai_assistant unless you send them. notes, deal_id, company_id and custom_fields_by_key (merged by key; null removes a key) change freely.',
      timeRules(timezone),
      `${ERROR_RULES} 409 slot_unavailable means the new time is not bookable and nothing changed: pick another slot from get_available_slots. 409 invalid_transition means that status change is not allowed from the current status.`,
    ),
  inputSchema: toInputJsonSchema(ArgsSchema, {
    descriptions: {
      id: 'The reservation to change.',
      start_datetime: 'A new start, from get_available_slots (ISO 8601 with an offset).',
      status: 'The new status; see the allowed transitions.',
      cancellation_reason: 'Why it was cancelled (with status cancelled).',
    },
  }),
  run: async (ctx, args) => {
    // The id is an argument here, so a missing or malformed one is a 400 (the route's path
    // would answer 404); everything else is the route's own validation.
    const { id, ...patch } = parseArgs(ArgsSchema, args, 'The reservation update is invalid.');
    return updateReservation(ctx, id as string, patch);
  },
};
