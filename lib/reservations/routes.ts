import { z } from 'zod';
import { RESERVATION_SOURCES, reservations } from '@/db/schema';
import { AppError } from '@/lib/http/errors';
import type { Route } from '@/lib/http/route';
import { recordSchemaOf } from '@/lib/openapi/record-schema';
import { getAvailableDays } from './available-days';
import { getAvailableSlots } from './available-slots';
import { createReservation } from './create-reservation';
import { AvailableDaysAnswer, AvailableSlotsAnswer } from './availability-views';
import { getReservationHistory, HistoryAnswer } from './history';
import { readIdempotencyKey } from './idempotency';
import { getReservation, listReservations, reservationsCollection } from './list';
import {
  CANCELLED_BY,
  RESERVATION_STATUSES,
  ReservationCreateSchema,
  ReservationPatchSchema,
  SlotQuerySchema,
} from './schemas';
import { updateReservation } from './update-reservation';

/** The §9 object (`buildReservationView`), for the API reference: the table less internals. */
const uuid = () => z.string().meta({ format: 'uuid' });
const ReservationView = recordSchemaOf(reservations, {
  omit: ['occurrence_id', 'manage_token_hash'],
}).extend({
  status: z.enum(RESERVATION_STATUSES),
  cancelled_by: z.enum(CANCELLED_BY).nullable(),
  source: z.enum(RESERVATION_SOURCES),
  resource_ids: z.array(uuid()).meta({ description: 'Allocated resources (read-only).' }),
  contact: z
    .object({
      id: uuid(),
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    })
    .nullable(),
  service: z.object({ id: uuid(), name: z.string(), duration_minutes: z.int() }).nullable(),
});

const reservationList = {
  filters: reservationsCollection.filters,
  sortable: reservationsCollection.sortable,
  searchable: true,
  extra: reservationsCollection.extraParams?.names,
};

/** §8 and §9 routes. */
export const reservationRoutes: Route[] = [
  {
    method: 'GET',
    path: '/reservation-available-slots',
    access: 'member',
    tag: 'Availability',
    summary: 'Available slots for a service and date range',
    schemas: {
      query: SlotQuerySchema,
      response: AvailableSlotsAnswer,
    },
    handle: async (ctx, { query }) => ({ body: await getAvailableSlots(ctx, query) }),
  },
  {
    method: 'GET',
    path: '/reservation-available-days',
    access: 'member',
    tag: 'Availability',
    summary: 'How many slots each day of a range has (up to 62 days), in one pass',
    schemas: {
      query: SlotQuerySchema,
      response: AvailableDaysAnswer,
    },
    handle: async (ctx, { query }) => ({ body: await getAvailableDays(ctx, query) }),
  },
  {
    method: 'GET',
    path: '/reservations',
    access: 'member',
    tag: 'Reservations',
    summary: 'List reservations',
    schemas: {
      list: reservationList,
      query: z.object({
        date: z.string().optional().meta({
          format: 'date',
          description: 'A day in the organization’s timezone.',
        }),
        resource_id: uuid().optional().meta({ description: 'Allocated to this resource.' }),
      }),
      response: z
        .object({
          total: z.int(),
          limit: z.int(),
          skip: z.int(),
          data: z.array(ReservationView),
        })
        .meta({ description: 'A page of reservations (by start_datetime unless $sort says).' }),
    },
    handle: async (ctx, { query }) => ({ body: await listReservations(ctx, query) }),
  },
  {
    method: 'POST',
    path: '/reservations',
    access: 'member',
    tag: 'Reservations',
    summary: 'Create a reservation',
    schemas: {
      body: ReservationCreateSchema,
      response: ReservationView.meta({
        description:
          'The reservation (a replay with the same Idempotency-Key: the original answer).',
      }),
      status: 201,
      idempotent: true,
    },
    errors: ['slot_unavailable', 'hold_expired'],
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
    schemas: { response: ReservationView.meta({ description: 'The reservation.' }) },
    handle: async (ctx, { params }) => ({ body: await getReservation(ctx, params.id!) }),
  },
  {
    method: 'PATCH',
    path: '/reservations/:id',
    access: 'member',
    tag: 'Reservations',
    summary: 'Update, reschedule or change the status of a reservation',
    schemas: {
      body: ReservationPatchSchema,
      response: ReservationView.meta({ description: 'The updated reservation.' }),
    },
    errors: ['slot_unavailable', 'invalid_transition'],
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
    schemas: {
      response: HistoryAnswer,
    },
    handle: async (ctx, { params }) => ({ body: await getReservationHistory(ctx, params.id!) }),
  },
  {
    method: 'DELETE',
    path: '/reservations/:id',
    access: 'member',
    tag: 'Reservations',
    summary: 'Not offered: reservations are cancelled, not erased',
    schemas: { status: 405 },
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
