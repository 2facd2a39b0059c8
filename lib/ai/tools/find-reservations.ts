import { listReservations, reservationsCollection } from '@/lib/reservations/list';
import { toInputJsonSchema } from '../json-schema';
import { listArgsSchema } from '../query-args';
import { ERROR_RULES, paragraphs, timeRules, type ToolDefinition } from '../tool';
import { runQuery } from './parse-args';

/** find_reservations → GET /api/reservations (§9 list). */
const ArgsSchema = listArgsSchema(reservationsCollection, {
  extraKinds: { date: 'date', resource_id: 'uuid' },
});

export const findReservationsTool: ToolDefinition = {
  name: 'find_reservations',
  describe: ({ timezone }) =>
    paragraphs(
      "Searches the organization's reservations (bookings). Use it to find a customer's booking before changing or cancelling it, to see what is booked on a day, or to check a reservation's status.",
      `Filters (all optional, combined with AND): ${Object.keys(reservationsCollection.filters).join(', ')}. Each is either a value or an object of operators: {"$in": [values]}, {"$ne": value}, and on instants and numbers {"$gt"|"$gte"|"$lt"|"$lte": value}. date (YYYY-MM-DD) keeps the reservations starting on that day in ${timezone}; resource_id keeps those holding that resource; $search matches the contact's name, email or phone and the notes.`,
      'The answer is a page {total, limit, skip, data}: $limit defaults to 10 (at most 50), $skip pages on, $sort orders (default start_datetime ascending, e.g. {"start_datetime": -1} for the latest first). Each reservation has id, start_datetime, end_datetime, status (pending, confirmed, cancelled, completed, no_show), party_size, contact {id, name, email, phone}, service {id, name, duration_minutes}, resource_ids, notes and its cancellation fields.',
      timeRules(timezone),
      ERROR_RULES,
    ),
  inputSchema: toInputJsonSchema(ArgsSchema, {
    descriptions: {
      date: `A day (YYYY-MM-DD) in the organization's time zone: reservations starting that day.`,
      resource_id: 'Only reservations holding this resource.',
      $search: "Text in the contact's name, email or phone, or in the notes.",
      status: 'pending, confirmed, cancelled, completed or no_show; or {"$in": [...]}.',
    },
  }),
  run: (ctx, args) =>
    runQuery(ArgsSchema, args, 'The query string is invalid.', (q) => listReservations(ctx, q)),
};
