import { servicesCollection } from '@/lib/catalog/collections';
import { listRecords } from '@/lib/crud/operations';
import { toInputJsonSchema } from '../json-schema';
import { listArgsSchema } from '../query-args';
import { ERROR_RULES, paragraphs, type ToolDefinition } from '../tool';
import { runQuery } from './parse-args';

/** get_reservation_services → GET /api/reservation-services (§3 list). */
const ArgsSchema = listArgsSchema(servicesCollection);

export const getReservationServicesTool: ToolDefinition = {
  name: 'get_reservation_services',
  describe: () =>
    paragraphs(
      'Lists the services customers can book: id, name, description, duration_minutes, capacity (null for private bookings, else seats per occurrence), min_party_size, max_party_size, requires_confirmation, price_amount (minor units) and currency, is_active. Use it to find the service_id that get_available_slots and create_reservation need; send {"is_active": true} for the services that can be booked, and $search to match a name.',
      `Filters: ${Object.keys(servicesCollection.filters).join(', ')} — a value or an object of operators ({"$in": [...]}, {"$ne": v}, and {"$gt"|"$gte"|"$lt"|"$lte": v} on numbers and instants). The answer is a page {total, limit, skip, data}: $limit defaults to 10 (at most 50), $skip pages on, sorted by name unless $sort says otherwise.`,
      ERROR_RULES,
    ),
  inputSchema: toInputJsonSchema(ArgsSchema, {
    descriptions: {
      is_active: 'true: only services that can be booked.',
      $search: 'Text in the service name.',
    },
  }),
  run: (ctx, args) =>
    runQuery(ArgsSchema, args, 'The query string is invalid.', (q) =>
      listRecords(ctx, servicesCollection, q),
    ),
};
