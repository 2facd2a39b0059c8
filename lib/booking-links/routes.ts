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
import { PublicHoldAnswer, PublicHoldReleasedAnswer } from '@/lib/holds/views';
import {
  ManagedReservationAnswer,
  PublicBookedAnswer,
  PublicBookingPageAnswer,
  PublicDaysAnswer,
  PublicSlotsAnswer,
} from './views';

/** §11's public endpoints, the ones customers use: no credentials, rate limited per client. */

type Handler = (ctx: PublicCtx, input: RouteInput) => Promise<RouteResult>;

function publicRoute(
  method: PublicRoute['method'],
  path: string,
  summary: string,
  handle: Handler,
  { errors, ...schemas }: RouteSchemas & Pick<PublicRoute, 'errors'> = {},
): PublicRoute {
  return {
    method,
    path,
    access: 'public',
    tag: 'Public booking',
    summary,
    schemas: { ...schemas, rateLimited: true },
    errors,
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
    { response: PublicBookingPageAnswer },
  ),
  publicRoute(
    'GET',
    '/public/booking-links/:slug/slots',
    'Available slots of a service on a booking link',
    async (ctx, { params, query }) => ({ body: await getPublicSlots(ctx, params.slug!, query) }),
    {
      query: PublicSlotQuerySchema,
      response: PublicSlotsAnswer.meta({
        description:
          'As `GET /api/reservation-available-slots`, without `resource_ids`: the bookable starts, sorted by start (§8).',
      }),
    },
  ),
  publicRoute(
    'GET',
    '/public/booking-links/:slug/days',
    'How many slots each day has, for the day picker (up to 62 days)',
    async (ctx, { params, query }) => ({ body: await getPublicDays(ctx, params.slug!, query) }),
    {
      query: PublicSlotQuerySchema,
      response: PublicDaysAnswer.meta({
        description:
          'As `GET /api/reservation-available-days`: every date of the range, with its number of slots (§16).',
      }),
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
      response: PublicHoldAnswer.meta({
        description:
          'The hold: book with `hold_id` before it expires (§15). At most 600 s; a few live holds per client and per link (429 beyond).',
      }),
      status: 201,
      errors: ['slot_unavailable'],
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
      response: PublicHoldAnswer.meta({
        description:
          'The hold with its new `expires_at`: up to 600 s from now, at most 1800 s from creation.',
      }),
      errors: ['hold_expired'],
    },
  ),
  publicRoute(
    'DELETE',
    '/public/booking-links/:slug/holds/:id',
    'Let a held slot go',
    async (ctx, { params }) => ({ body: await releaseLinkHold(ctx, params.slug!, params.id!) }),
    { response: PublicHoldReleasedAnswer, errors: ['hold_expired'] },
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
      response: PublicBookedAnswer,
      errors: ['slot_unavailable', 'hold_expired'],
    },
  ),
  publicRoute(
    'GET',
    '/public/reservations/:token',
    'A customer’s own booking, by its manage token',
    async (ctx, { params }) => ({ body: await getManagedReservation(ctx, params.token!) }),
    {
      response: ManagedReservationAnswer.meta({
        description: 'The customer’s booking: its time, party, status and service.',
      }),
    },
  ),
  publicRoute(
    'GET',
    '/public/reservations/:token/slots',
    'Slots the customer may move their booking to',
    async (ctx, { params, query }) => ({
      body: await getManagedSlots(ctx, params.token!, query),
    }),
    {
      query: ManageSlotQuerySchema,
      response: PublicSlotsAnswer.meta({
        description: 'Slots of the booking’s service and party size, sorted by start (§8).',
      }),
    },
  ),
  publicRoute(
    'POST',
    '/public/reservations/:token/cancel',
    'Cancel one’s own booking',
    async (ctx, { params, body }) => ({
      body: await cancelManagedReservation(ctx, params.token!, body),
    }),
    {
      body: PublicCancelSchema,
      response: ManagedReservationAnswer.meta({ description: 'The cancelled booking.' }),
      errors: ['invalid_transition'],
    },
  ),
  publicRoute(
    'POST',
    '/public/reservations/:token/reschedule',
    'Move one’s own booking to another slot',
    async (ctx, { params, body }) => ({
      body: await rescheduleManagedReservation(ctx, params.token!, body),
    }),
    {
      body: PublicRescheduleSchema,
      response: ManagedReservationAnswer.meta({ description: 'The moved booking.' }),
      errors: ['slot_unavailable', 'invalid_transition'],
    },
  ),
];
