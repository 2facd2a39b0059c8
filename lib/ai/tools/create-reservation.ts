import { createReservation } from '@/lib/reservations/create-reservation';
import { ReservationCreateSchema } from '@/lib/reservations/schemas';
import { toInputJsonSchema } from '../json-schema';
import { ERROR_RULES, paragraphs, timeRules, type ToolDefinition } from '../tool';

/** create_reservation → POST /api/reservations (§9 create), recorded with source ai_assistant. */
export const createReservationTool: ToolDefinition = {
  name: 'create_reservation',
  describe: ({ timezone }) =>
    paragraphs(
      'Books a service for a customer at a start time, and returns the new reservation.',
      "Always call get_available_slots first and pass one of its slots' start_datetime unchanged; never invent a time. Required: service_id and start_datetime (or the hold_id from hold_slot, which books exactly the held slot), and either contact_id (an existing contact, e.g. from find_reservations) or contact {name, email?, phone?} — not both. A contact given inline is matched by email within the organization, otherwise created. party_size defaults to the service's minimum and must lie within its min_party_size..max_party_size. status may be pending or confirmed; by default it is pending when the service requires confirmation, else confirmed. notes and custom_fields_by_key (the organization's reservation custom fields, by key) are optional.",
      'The answer is the reservation: id, start_datetime and end_datetime (UTC), status, party_size, contact, service and resource_ids. Its source is recorded as ai_assistant.',
      timeRules(timezone),
      `${ERROR_RULES} 409 slot_unavailable means the start is not bookable (taken meanwhile, outside opening hours, too soon or too far ahead): call get_available_slots again and offer the customer another slot.`,
    ),
  inputSchema: toInputJsonSchema(ReservationCreateSchema, {
    descriptions: {
      service_id: 'The service to book (an id from get_reservation_services).',
      start_datetime:
        'The start, exactly as a slot of get_available_slots gives it (ISO 8601 with an offset).',
      contact_id: 'An existing contact. Send this or contact, not both.',
      contact: 'A new or known customer: matched by email, else created. Send this or contact_id.',
      party_size: "Guests; default the service's min_party_size.",
      status: 'pending or confirmed; default from the service (requires_confirmation).',
      hold_id:
        'The id from hold_slot: books the held slot (service, start and party come from the hold).',
    },
    // The schema's refinements, as JSON Schema says them: a contact one way only, and the
    // slot named directly or by a hold (§15).
    extra: {
      allOf: [
        { oneOf: [{ required: ['contact_id'] }, { required: ['contact'] }] },
        { anyOf: [{ required: ['hold_id'] }, { required: ['service_id', 'start_datetime'] }] },
      ],
    },
  }),
  run: async (ctx, args) => (await createReservation(ctx, args, { source: 'ai_assistant' })).body,
};
