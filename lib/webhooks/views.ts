import { z } from 'zod';
import { instantAnswer, pageOf } from '@/lib/validation/answers';
import {
  WEBHOOK_DELIVERY_STATUSES,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhooks,
} from '@/db/schema';
import { recordSchemaOf } from '@/lib/openapi/record-schema';
import { uuidSchema } from '@/lib/validation/fields';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT } from './event-types';

/**
 * The answers of §17 (routes.ts), for the API reference and the router's answer check: what
 * `collection.ts` (`serialize`) and `deliveries.ts` (`deliveryView`, `listDeliveryAttempts`)
 * build, derived from the tables where a stored record is answered.
 */

/** A try's outcome as the deliveries list names it (stored as `succeeded`, a boolean). */
export const DELIVERY_ATTEMPT_STATUSES = ['succeeded', 'failed'] as const;

/** An outbox event's type, as a delivery shows it: a subscribed type, or the test event. */
const EventTypeView = z.enum([...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT]);

/** A webhook as every answer but the create's shows it: the table less its secret. */
export const WebhookView = recordSchemaOf(webhooks, { omit: ['secret_encrypted'] }).extend({
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
});

const WEBHOOK_FIELDS = '`{id, organization_id, url, events, is_active, created_at, updated_at}`';

export const webhookAnswer = (description: string) =>
  WebhookView.meta({ description: `${description} ${WEBHOOK_FIELDS}, never its secret.` });

/** `POST /webhooks`: the webhook and, this once, its signing secret. */
export const WebhookCreatedAnswer = WebhookView.extend({
  secret: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/)
    .meta({
      description:
        'The signing secret, `whsec_<base64>`: shown in this response only (store it now).',
    }),
}).meta({ description: 'The created webhook, with its signing secret (this answer only).' });

export const WebhookPage = pageOf(
  WebhookView,
  `A page of webhooks, each ${WEBHOOK_FIELDS} (never its secret).`,
);

/** One event to one endpoint (`deliveryView`): the table less its claim, with the event's type. */
export const DeliveryView = recordSchemaOf(webhookDeliveries, { omit: ['claim_token'] }).extend({
  event_type: EventTypeView,
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  next_attempt_at: instantAnswer()
    .nullable()
    .meta({ description: 'When the next try is due; null once it succeeded or failed.' }),
});

export const deliveryAnswer = (description: string) => DeliveryView.meta({ description });

/** One try of `GET /webhooks/:id/deliveries`, with where its delivery stands now. */
export const DeliveryAttemptView = recordSchemaOf(webhookDeliveryAttempts, {
  omit: ['organization_id', 'webhook_id', 'succeeded'],
}).extend({
  event_id: uuidSchema,
  event_type: EventTypeView,
  status: z.enum(DELIVERY_ATTEMPT_STATUSES),
  delivery_status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  next_attempt_at: instantAnswer()
    .nullable()
    .meta({ description: 'When the delivery is tried again; null unless it is retrying.' }),
});

export const DeliveryAttemptPage = pageOf(
  DeliveryAttemptView,
  "A page of the webhook's tries, newest first (unless $sort says).",
);
