import type { Route } from '@/lib/http/route';
import { createHold, extendHold, getHold, releaseHold } from './holds';
import { HoldCreateSchema, HoldPatchSchema } from './schemas';
import { HoldAnswer } from './views';

/** §15 `/api/reservation-holds`: staff, API keys and assistants hold slots the same way. */
export const holdRoutes: Route[] = [
  {
    method: 'POST',
    path: '/reservation-holds',
    access: 'member',
    tag: 'Holds',
    summary: 'Hold a slot for a few minutes',
    schemas: {
      body: HoldCreateSchema,
      response: HoldAnswer.meta({
        description: 'The hold (§15): book with `hold_id` before `expires_at` (default 600 s).',
      }),
      status: 201,
    },
    errors: ['slot_unavailable'],
    handle: async (ctx, { body }) => ({ status: 201, body: await createHold(ctx, body) }),
  },
  {
    method: 'GET',
    path: '/reservation-holds/:id',
    access: 'member',
    tag: 'Holds',
    summary: 'Get an unexpired hold',
    schemas: { response: HoldAnswer.meta({ description: 'The hold (§15).' }) },
    handle: async (ctx, { params }) => ({ body: await getHold(ctx, params.id!) }),
  },
  {
    method: 'PATCH',
    path: '/reservation-holds/:id',
    access: 'member',
    tag: 'Holds',
    summary: 'Extend a hold (from now; at most 30 minutes from its creation)',
    schemas: {
      body: HoldPatchSchema,
      response: HoldAnswer.meta({
        description:
          'The hold with its new `expires_at`: `ttl_seconds` from now, at most 1800 s from its creation.',
      }),
    },
    errors: ['hold_expired'],
    handle: async (ctx, { params, body }) => ({ body: await extendHold(ctx, params.id!, body) }),
  },
  {
    method: 'DELETE',
    path: '/reservation-holds/:id',
    access: 'member',
    tag: 'Holds',
    summary: 'Release a hold',
    schemas: {
      response: HoldAnswer.meta({
        description: 'The hold as it was before its release; its capacity is free at once.',
      }),
    },
    errors: ['hold_expired'],
    handle: async (ctx, { params }) => ({ body: await releaseHold(ctx, params.id!) }),
  },
];
