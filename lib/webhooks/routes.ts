import { collectionRoutes } from '@/lib/crud/routes';
import type { PrivateRoute, Route, RouteSchemas } from '@/lib/http/route';
import { webhooksCollection } from './collection';
import { createWebhook } from './create-webhook';
import { listDeliveryAttempts, resendDelivery, sendTestEvent } from './deliveries';
import { WebhookCreateSchema, WebhookPatchSchema } from './schemas';
import {
  DELIVERY_ATTEMPT_STATUSES,
  DeliveryAttemptPage,
  deliveryAnswer,
  WebhookCreatedAnswer,
  webhookAnswer,
  WebhookPage,
} from './views';

/**
 * §17 routes. The generic collection routes, made admin-only for reads too (the generator
 * opens reads to every member; an endpoint list is configuration next to a secret, which
 * staff have no use for), with a create that returns the signing secret once; plus the
 * delivery log, a test event and a resend for the admin page.
 */
const DOCS: Record<string, RouteSchemas> = {
  'GET /webhooks': {
    list: {
      filters: webhooksCollection.filters,
      sortable: webhooksCollection.sortable,
      searchable: true,
    },
    response: WebhookPage,
  },
  'POST /webhooks': {
    body: WebhookCreateSchema,
    status: 201,
    response: WebhookCreatedAnswer,
  },
  'GET /webhooks/:id': { response: webhookAnswer('The webhook:') },
  'PATCH /webhooks/:id': {
    body: WebhookPatchSchema,
    response: webhookAnswer('The updated webhook:'),
  },
  'DELETE /webhooks/:id': {
    response: webhookAnswer('The deleted webhook (its pending deliveries go with it):'),
  },
};

const crud: Route[] = collectionRoutes(webhooksCollection).map((route): PrivateRoute => {
  const key = `${route.method} ${route.path}`;
  const admin = { ...(route as PrivateRoute), access: 'admin' as const, schemas: DOCS[key] };
  if (key !== 'POST /webhooks') return admin;
  return {
    ...admin,
    handle: async (ctx, { body }) => ({ status: 201, body: await createWebhook(ctx, body) }),
  };
});

export const webhookRoutes: Route[] = [
  ...crud,
  {
    method: 'GET',
    path: '/webhooks/:id/deliveries',
    access: 'admin',
    tag: 'Webhooks',
    summary: "List a webhook's delivery attempts, newest first",
    schemas: {
      list: {
        filters: {
          status: { enum: DELIVERY_ATTEMPT_STATUSES },
          delivery_id: 'uuid',
          event_type: 'string',
          attempted_at: 'instant',
        },
        sortable: ['attempted_at'],
      },
      response: DeliveryAttemptPage,
    },
    handle: async (ctx, { params, query }) => ({
      body: await listDeliveryAttempts(ctx, params.id!, query),
    }),
  },
  {
    method: 'POST',
    path: '/webhooks/:id/test',
    access: 'admin',
    tag: 'Webhooks',
    summary: 'Send a `webhook.test` event to this webhook now',
    schemas: {
      status: 202,
      response: deliveryAnswer('Queued: the test event’s delivery, sent at once.'),
    },
    handle: async (ctx, { params }) => ({
      status: 202,
      body: await sendTestEvent(ctx, params.id!),
    }),
  },
  {
    method: 'POST',
    path: '/webhooks/:id/deliveries/:deliveryId/resend',
    access: 'admin',
    tag: 'Webhooks',
    summary: 'Send a delivery again (a fresh series of tries, same event id)',
    errors: ['delivery_in_progress'],
    schemas: {
      status: 202,
      response: deliveryAnswer(
        'Queued: the delivery, back to pending with a fresh series of tries.',
      ),
    },
    handle: async (ctx, { params }) => ({
      status: 202,
      body: await resendDelivery(ctx, params.id!, params.deliveryId!),
    }),
  },
];
