import { collectionRoutes } from '@/lib/crud/routes';
import type { PrivateRoute, Route, RouteSchemas } from '@/lib/http/route';
import { webhooksCollection } from './collection';
import { createWebhook } from './create-webhook';
import { listDeliveryAttempts, resendDelivery, sendTestEvent } from './deliveries';
import { WebhookCreateSchema, WebhookPatchSchema } from './schemas';

/**
 * §17 routes. The generic collection routes, made admin-only for reads too (the generator
 * opens reads to every member; an endpoint list is configuration next to a secret, which
 * staff have no use for), with a create that returns the signing secret once; plus the
 * delivery log, a test event and a resend for the admin page.
 */
const WEBHOOK =
  'A webhook: `{id, organization_id, url, events, is_active, created_at, updated_at}` (never its secret).';

const DOCS: Record<string, RouteSchemas> = {
  'GET /webhooks': {
    list: {
      filters: webhooksCollection.filters,
      sortable: webhooksCollection.sortable,
      searchable: true,
    },
    response: `A page of webhooks. ${WEBHOOK}`,
  },
  'POST /webhooks': {
    body: WebhookCreateSchema,
    status: 201,
    response: `The webhook, plus \`secret\` (\`whsec_<base64>\`): shown in this response only. ${WEBHOOK}`,
  },
  'GET /webhooks/:id': { response: WEBHOOK },
  'PATCH /webhooks/:id': { body: WebhookPatchSchema, response: WEBHOOK },
  'DELETE /webhooks/:id': { response: `The deleted webhook; its pending deliveries go with it.` },
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

const DELIVERY =
  'The delivery: `{id, webhook_id, event_id, event_type, status (pending|retrying|succeeded|failed), attempt_count, next_attempt_at, last_attempt_at, last_response_status, last_error, created_at, updated_at}`.';

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
          status: { enum: ['succeeded', 'failed'] },
          delivery_id: 'uuid',
          event_type: 'string',
          attempted_at: 'instant',
        },
        sortable: ['attempted_at'],
      },
      response:
        'A page of tries: `{id, delivery_id, event_id, event_type, attempt_number, status (succeeded|failed), response_status, duration_ms, error, attempted_at, delivery_status, next_attempt_at}`.',
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
    schemas: { status: 202, response: `Queued. ${DELIVERY}` },
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
    schemas: { status: 202, response: `Queued. ${DELIVERY}` },
    handle: async (ctx, { params }) => ({
      status: 202,
      body: await resendDelivery(ctx, params.id!, params.deliveryId!),
    }),
  },
];
