import { AppError } from '@/lib/http/errors';
import type { Route } from '@/lib/http/route';
import { getAvailableDays } from './available-days';
import { getAvailableSlots } from './available-slots';
import { createReservation } from './create-reservation';
import { getReservationHistory } from './history';
import { readIdempotencyKey } from './idempotency';
import { getReservation, listReservations } from './list';
import { updateReservation } from './update-reservation';

/** §8 and §9 routes. */
export const reservationRoutes: Route[] = [
  {
    method: 'GET',
    path: '/reservation-available-slots',
    access: 'member',
    tag: 'Availability',
    summary: 'Available slots for a service and date range',
    handle: async (ctx, { query }) => ({ body: await getAvailableSlots(ctx, query) }),
  },
  {
    method: 'GET',
    path: '/reservation-available-days',
    access: 'member',
    tag: 'Availability',
    summary: 'How many slots each day of a range has (up to 62 days), in one pass',
    handle: async (ctx, { query }) => ({ body: await getAvailableDays(ctx, query) }),
  },
  {
    method: 'GET',
    path: '/reservations',
    access: 'member',
    tag: 'Reservations',
    summary: 'List reservations',
    handle: async (ctx, { query }) => ({ body: await listReservations(ctx, query) }),
  },
  {
    method: 'POST',
    path: '/reservations',
    access: 'member',
    tag: 'Reservations',
    summary: 'Create a reservation',
    handle: async (ctx, { body, req }) => {
      const stored = await createReservation(ctx, body, {
        idempotencyKey: readIdempotencyKey(req),
      });
      return { status: stored.status, body: stored.body };
    },
  },
  {
    method: 'GET',
    path: '/reservations/:id',
    access: 'member',
    tag: 'Reservations',
    summary: 'Get a reservation',
    handle: async (ctx, { params }) => ({ body: await getReservation(ctx, params.id!) }),
  },
  {
    method: 'PATCH',
    path: '/reservations/:id',
    access: 'member',
    tag: 'Reservations',
    summary: 'Update, reschedule or change the status of a reservation',
    handle: async (ctx, { params, body }) => ({
      body: await updateReservation(ctx, params.id!, body),
    }),
  },
  {
    method: 'GET',
    path: '/reservations/:id/history',
    access: 'member',
    tag: 'Reservations',
    summary: 'Status changes of a reservation, oldest first',
    handle: async (ctx, { params }) => ({ body: await getReservationHistory(ctx, params.id!) }),
  },
  {
    method: 'DELETE',
    path: '/reservations/:id',
    access: 'member',
    tag: 'Reservations',
    summary: 'Not offered: reservations are cancelled, not erased',
    handle: async () => {
      throw new AppError(
        'method_not_allowed',
        405,
        'Reservations are cancelled, not deleted: PATCH {"status": "cancelled"}.',
        undefined,
        { Allow: 'GET, PATCH' },
      );
    },
  },
];
