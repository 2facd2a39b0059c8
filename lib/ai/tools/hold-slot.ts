import { createHold } from '@/lib/holds/holds';
import { HoldCreateSchema, HOLD_TTL } from '@/lib/holds/schemas';
import { toInputJsonSchema } from '../json-schema';
import { ERROR_RULES, paragraphs, timeRules, type ToolDefinition } from '../tool';

/** hold_slot → POST /api/reservation-holds (§15): keep a slot while the person decides. */
export const holdSlotTool: ToolDefinition = {
  name: 'hold_slot',
  describe: ({ timezone }) =>
    paragraphs(
      'Holds a slot for a few minutes so nobody else can take it while you ask the person to confirm. Then book it with create_reservation {hold_id, contact…} (the hold becomes the reservation, with no new check), or let it go with release_hold if they decline.',
      `Required: service_id and start_datetime (a start from get_available_slots, unchanged). party_size defaults to the service's minimum; preferred_resource_id favours a resource. ttl_seconds is how long to hold (${HOLD_TTL.min}–${HOLD_TTL.max}, default ${HOLD_TTL.default}). A hold that expires simply stops counting; booking with it afterwards answers 409 hold_expired — then look for slots again.`,
      'The answer is {id, service_id, start_datetime, end_datetime, party_size, resource_ids, expires_at}; tell the person until when the slot is kept (expires_at, UTC).',
      timeRules(timezone),
      `${ERROR_RULES} 409 slot_unavailable means the slot cannot be held (taken meanwhile, closed, too soon or too far ahead): call get_available_slots again.`,
    ),
  inputSchema: toInputJsonSchema(HoldCreateSchema, {
    descriptions: {
      service_id: 'The service (an id from get_reservation_services).',
      start_datetime: 'The start, exactly as get_available_slots gives it.',
      party_size: "Guests; default the service's min_party_size.",
      preferred_resource_id: 'Favour this resource when several could serve the slot.',
      ttl_seconds: `How long to hold, in seconds (${HOLD_TTL.min}–${HOLD_TTL.max}; default ${HOLD_TTL.default}).`,
    },
  }),
  run: (ctx, args) => createHold(ctx, args),
};
