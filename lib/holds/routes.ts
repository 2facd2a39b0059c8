import type { Route } from '@/lib/http/route';
import { createHold, extendHold, getHold, releaseHold } from './holds';
import { HoldCreateSchema, HoldPatchSchema } from './schemas';

const HOLD_VIEW =
  '`{id, service_id, start_datetime, end_datetime, party_size, resource_ids, expires_at}` (§15).';

/** §15 `/api/reservation-holds`: staff, API keys and assistants hold slots the same way. */
export const holdRoutes: Route[] = [
  {
    method: 'POST',
    path: '/reservation-holds',
    access: 'member',
    tag: 'Holds',
    summary: 'Hold a slot for a few minutes',
    schemas: { body: HoldCreateSchema, response: HOLD_VIEW, status: 201 },
    handle: async (ctx, { body }) => ({ status: 201, body: await createHold(ctx, body) }),
  },
  {
    method: 'GET',
    path: '/reservation-holds/:id',
    access: 'member',
    tag: 'Holds',
    summary: 'Get an unexpired hold',
    schemas: { response: HOLD_VIEW },
    handle: async (ctx, { params }) => ({ body: await getHold(ctx, params.id!) }),
  },
  {
    method: 'PATCH',
    path: '/reservation-holds/:id',
    access: 'member',
    tag: 'Holds',
    summary: 'Extend a hold (from now; at most 30 minutes from its creation)',
    schemas: { body: HoldPatchSchema, response: HOLD_VIEW },
    handle: async (ctx, { params, body }) => ({ body: await extendHold(ctx, params.id!, body) }),
  },
  {
    method: 'DELETE',
    path: '/reservation-holds/:id',
    access: 'member',
    tag: 'Holds',
    summary: 'Release a hold',
    schemas: { response: HOLD_VIEW },
    handle: async (ctx, { params }) => ({ body: await releaseHold(ctx, params.id!) }),
  },
];
