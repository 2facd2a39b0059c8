import { clientIp } from '@/lib/http/client-ip';
import { toPublicError } from './public-errors';
import { enforceRateLimit, publicLimitPerMinute } from '@/lib/http/rate-limit';
import type { PublicRoute, Route, RouteInput, RouteResult, RouteSchemas } from '@/lib/http/route';
import type { PublicCtx } from '@/lib/http/route';
import { readIdempotencyKey } from '@/lib/reservations/idempotency';
import {
  cancelManagedReservation,
  getManagedReservation,
  getManagedSlots,
  rescheduleManagedReservation,
} from './manage';
import {
  bookFromLink,
  getPublicDays,
  getPublicSlots,
  extendLinkHold,
  holdFromLink,
  releaseLinkHold,
} from './public-booking';
import { getPublicBookingPage } from './public-link';
import {
  ManageSlotQuerySchema,
  PublicBookingSchema,
  PublicCancelSchema,
  PublicRescheduleSchema,
  PublicSlotQuerySchema,
} from './schemas';
import { HoldPatchSchema, PublicHoldCreateSchema } from '@/lib/holds/schemas';

/** §11's public endpoints, the ones customers use: no credentials, rate limited per client. */

type Handler = (ctx: PublicCtx, input: RouteInput) => Promise<RouteResult>;

function publicRoute(
  method: PublicRoute['method'],
  path: string,
  summary: string,
  handle: Handler,
  schemas: RouteSchemas = {},
): PublicRoute {
  return {
    method,
    path,
    access: 'public',
    tag: 'Public booking',
    summary,
    schemas: { ...schemas, rateLimited: true },
    handle: async (ctx, input) => {
      await enforceRateLimit(
        ctx.db,
        `public:${clientIp(input.req)}`,
        publicLimitPerMinute(),
        ctx.now,
      );
      try {
        return await handle(ctx, input);
      } catch (error) {
        throw toPublicError(error);
      }
    },
  };
}

export const publicBookingRoutes: Route[] = [
  publicRoute(
    'GET',
    '/public/booking-links/:slug',
    'A booking page: its look, the services offered and the fields asked',
    async (ctx, { params }) => ({ body: await getPublicBookingPage(ctx.db, params.slug!) }),
    {
      response:
        'The page config, the organization’s name and timezone, the link’s active services (public fields) and the custom fields to ask.',
    },
  ),
  publicRoute(
    'GET',
    '/public/booking-links/:slug/slots',
    'Available slots of a service on a booking link',
    async (ctx, { params, query }) => ({ body: await getPublicSlots(ctx, params.slug!, query) }),
    {
      query: PublicSlotQuerySchema,
      response: 'As `GET /api/reservation-available-slots`, without `resource_ids`.',
    },
  ),
  publicRoute(
    'GET',
    '/public/booking-links/:slug/days',
    'How many slots each day has, for the day picker (up to 62 days)',
    async (ctx, { params, query }) => ({ body: await getPublicDays(ctx, params.slug!, query) }),
    {
      query: PublicSlotQuerySchema,
      response:
        '`{service_id, date, end_date, timezone, days: [{date, slot_count, first_start_datetime}]}` (§16).',
    },
  ),
  publicRoute(
    'POST',
    '/public/booking-links/:slug/holds',
    'Hold a slot while the customer fills in the form',
    async (ctx, { params, body, req }) => ({
      status: 201,
      body: await holdFromLink(ctx, params.slug!, body, clientIp(req)),
    }),
    {
      body: PublicHoldCreateSchema,
      response:
        '`{id, expires_at, start_datetime, end_datetime}`: book with `hold_id` before it expires (§15). At most 600 s; a few live holds per client and per link (429 beyond).',
      status: 201,
    },
  ),
  publicRoute(
    'PATCH',
    '/public/booking-links/:slug/holds/:id',
    'Keep a held slot while the form is open',
    async (ctx, { params, body }) => ({
      body: await extendLinkHold(ctx, params.slug!, params.id!, body),
    }),
    {
      body: HoldPatchSchema,
      response:
        '`{id, expires_at, start_datetime, end_datetime}`: up to 600 s from now, at most 1800 s from creation.',
    },
  ),
  publicRoute(
    'DELETE',
    '/public/booking-links/:slug/holds/:id',
    'Let a held slot go',
    async (ctx, { params }) => ({ body: await releaseLinkHold(ctx, params.slug!, params.id!) }),
    { response: '`{id, released: true}`' },
  ),
  publicRoute(
    'POST',
    '/public/booking-links/:slug/reservations',
    'Book a slot as a customer',
    async (ctx, { params, body, req }) =>
      bookFromLink(ctx, params.slug!, body, readIdempotencyKey(req)),
    {
      body: PublicBookingSchema,
      status: 201,
      idempotent: true,
      response:
        '`{reservation: {id, status, start_datetime, end_datetime, party_size, service}, manage_token}`.',
    },
  ),
  publicRoute(
    'GET',
    '/public/reservations/:token',
    'A customer’s own booking, by its manage token',
    async (ctx, { params }) => ({ body: await getManagedReservation(ctx, params.token!) }),
    { response: 'The customer’s booking: its time, party, status and service.' },
  ),
  publicRoute(
    'GET',
    '/public/reservations/:token/slots',
    'Slots the customer may move their booking to',
    async (ctx, { params, query }) => ({
      body: await getManagedSlots(ctx, params.token!, query),
    }),
    { query: ManageSlotQuerySchema, response: 'Slots of the booking’s service and party size.' },
  ),
  publicRoute(
    'POST',
    '/public/reservations/:token/cancel',
    'Cancel one’s own booking',
    async (ctx, { params, body }) => ({
      body: await cancelManagedReservation(ctx, params.token!, body),
    }),
    { body: PublicCancelSchema, response: 'The cancelled booking.' },
  ),
  publicRoute(
    'POST',
    '/public/reservations/:token/reschedule',
    'Move one’s own booking to another slot',
    async (ctx, { params, body }) => ({
      body: await rescheduleManagedReservation(ctx, params.token!, body),
    }),
    { body: PublicRescheduleSchema, response: 'The moved booking.' },
  ),
];
