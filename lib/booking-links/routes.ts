import { clientIp } from '@/lib/http/client-ip';
import { enforceRateLimit, publicLimitPerMinute } from '@/lib/http/rate-limit';
import type { PublicRoute, Route, RouteInput, RouteResult } from '@/lib/http/route';
import type { PublicCtx } from '@/lib/http/route';
import { readIdempotencyKey } from '@/lib/reservations/idempotency';
import {
  cancelManagedReservation,
  getManagedReservation,
  getManagedSlots,
  rescheduleManagedReservation,
} from './manage';
import { bookFromLink, getPublicDays, getPublicSlots } from './public-booking';
import { getPublicBookingPage } from './public-link';

/** §11's public endpoints, the ones customers use: no credentials, rate limited per client. */

type Handler = (ctx: PublicCtx, input: RouteInput) => Promise<RouteResult>;

function publicRoute(
  method: PublicRoute['method'],
  path: string,
  summary: string,
  handle: Handler,
): PublicRoute {
  return {
    method,
    path,
    access: 'public',
    tag: 'Public booking',
    summary,
    handle: async (ctx, input) => {
      await enforceRateLimit(
        ctx.db,
        `public:${clientIp(input.req)}`,
        publicLimitPerMinute(),
        ctx.now,
      );
      return handle(ctx, input);
    },
  };
}

export const publicBookingRoutes: Route[] = [
  publicRoute(
    'GET',
    '/public/booking-links/:slug',
    'A booking page: its look, the services offered and the fields asked',
    async (ctx, { params }) => ({ body: await getPublicBookingPage(ctx.db, params.slug!) }),
  ),
  publicRoute(
    'GET',
    '/public/booking-links/:slug/slots',
    'Available slots of a service on a booking link',
    async (ctx, { params, query }) => ({ body: await getPublicSlots(ctx, params.slug!, query) }),
  ),
  publicRoute(
    'GET',
    '/public/booking-links/:slug/days',
    'How many slots each day has, for the day picker (up to 62 days)',
    async (ctx, { params, query }) => ({ body: await getPublicDays(ctx, params.slug!, query) }),
  ),
  publicRoute(
    'POST',
    '/public/booking-links/:slug/reservations',
    'Book a slot as a customer',
    async (ctx, { params, body, req }) =>
      bookFromLink(ctx, params.slug!, body, readIdempotencyKey(req)),
  ),
  publicRoute(
    'GET',
    '/public/reservations/:token',
    'A customer’s own booking, by its manage token',
    async (ctx, { params }) => ({ body: await getManagedReservation(ctx, params.token!) }),
  ),
  publicRoute(
    'GET',
    '/public/reservations/:token/slots',
    'Slots the customer may move their booking to',
    async (ctx, { params, query }) => ({
      body: await getManagedSlots(ctx, params.token!, query),
    }),
  ),
  publicRoute(
    'POST',
    '/public/reservations/:token/cancel',
    'Cancel one’s own booking',
    async (ctx, { params, body }) => ({
      body: await cancelManagedReservation(ctx, params.token!, body),
    }),
  ),
  publicRoute(
    'POST',
    '/public/reservations/:token/reschedule',
    'Move one’s own booking to another slot',
    async (ctx, { params, body }) => ({
      body: await rescheduleManagedReservation(ctx, params.token!, body),
    }),
  ),
];
