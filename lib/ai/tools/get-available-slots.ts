import { getAvailableSlots } from '@/lib/reservations/available-slots';
import { MAX_SLOT_RANGE_DAYS, SlotQuerySchema } from '@/lib/reservations/schemas';
import { toInputJsonSchema } from '../json-schema';
import { jsonQueryArgs } from '../query-args';
import { ERROR_RULES, paragraphs, timeRules, type ToolDefinition } from '../tool';
import { runQuery } from './parse-args';

/** get_available_slots → GET /api/reservation-available-slots (§8). */
const ArgsSchema = jsonQueryArgs(SlotQuerySchema);

export const getAvailableSlotsTool: ToolDefinition = {
  name: 'get_available_slots',
  describe: ({ timezone }) =>
    paragraphs(
      'Lists the start times at which a service can be booked, on one day or a range of days. Call it before create_reservation, and before rescheduling with update_reservation: only these starts can be booked.',
      `Required: service_id (from get_reservation_services) and date (YYYY-MM-DD). end_date (at most ${MAX_SLOT_RANGE_DAYS} days after date; default date) extends the range. date and end_date are days in timezone, which defaults to the organization's time zone (${timezone}). party_size defaults to the service's minimum and must lie within its range. resource_id keeps only slots that resource can serve; preferred_resource_id favours a resource where there is a choice.`,
      "The answer is {service_id, date, end_date, timezone, slots: [{start_datetime, end_datetime, remaining_capacity, resource_ids}]}, sorted by start, instants in UTC (Z). Pass a slot's start_datetime unchanged to create_reservation. An empty slots list means nothing is free in that range: try other days.",
      timeRules(timezone),
      ERROR_RULES,
    ),
  inputSchema: toInputJsonSchema(ArgsSchema, {
    descriptions: {
      service_id: 'The service (an id from get_reservation_services).',
      date: 'The first day (YYYY-MM-DD), in timezone.',
      end_date: `The last day (YYYY-MM-DD), at most ${MAX_SLOT_RANGE_DAYS} days after date; default date.`,
      timezone: "The IANA time zone of date and end_date; default the organization's.",
      party_size: "Guests; default the service's min_party_size.",
      resource_id: 'Only slots this resource can serve.',
      preferred_resource_id: 'Favour this resource when several could serve a slot.',
    },
  }),
  run: (ctx, args) =>
    runQuery(ArgsSchema, args, 'The slot query is invalid.', (q) => getAvailableSlots(ctx, q)),
};
