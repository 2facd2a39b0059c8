import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, instant, organizationId, updatedAt } from './columns';
import { organizationFk, tenantFk } from './tenancy';

/**
 * Webhooks (§17) and the outbox they hang off. A committed change writes its events to
 * `outbox_events` in its own transaction; each event fans out to one `webhook_deliveries` row
 * per subscribed endpoint, which the dispatcher claims, sends, and records in
 * `webhook_delivery_attempts`. The outbox knows nothing about webhooks, so other consumers
 * (email notifications, §19) can fan out from the same events.
 */

export const webhooks = pgTable(
  'webhooks',
  {
    id: id(),
    organization_id: organizationId(),
    url: text('url').notNull(),
    events: text('events').array().notNull(),
    is_active: boolean('is_active').notNull().default(true),
    /**
     * The signing secret (`whsec_…`), AES-256-GCM encrypted under a key derived from the
     * server secret (lib/webhooks/secret.ts): the server must recover it to sign, so it
     * cannot be hashed like an API key.
     */
    secret_encrypted: text('secret_encrypted').notNull(),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [
    organizationFk(t),
    unique('webhooks_org_id_key').on(t.organization_id, t.id),
    check('webhooks_events', sql`cardinality(${t.events}) between 1 and 20`),
    check('webhooks_url', sql`${t.url} ~ '^https?://'`),
  ],
);

/** Something that happened, written in the transaction of the change (the outbox). */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: id(),
    organization_id: organizationId(),
    /** `reservation.created`, `webhook.test`, … */
    type: text('type').notNull(),
    /** The record the event is about (a reservation), for looking events up by record. */
    subject_id: uuid('subject_id'),
    /** The event's `data`: `{reservation, previous?}` for reservation events. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    created_at: createdAt(),
  },
  (t) => [
    organizationFk(t),
    unique('outbox_events_org_id_key').on(t.organization_id, t.id),
    index('outbox_events_subject_idx').on(t.organization_id, t.subject_id, t.created_at),
  ],
);

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'retrying', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * One event to one endpoint. `pending`/`retrying` rows are due at `next_attempt_at`; a claim
 * moves `next_attempt_at` forward by a lease and stamps `claim_token`, so a process that dies
 * mid-send leaves a row that becomes due again when the lease ends.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    organization_id: organizationId(),
    event_id: uuid('event_id').notNull(),
    webhook_id: uuid('webhook_id').notNull(),
    status: text('status').$type<WebhookDeliveryStatus>().notNull().default('pending'),
    attempt_count: integer('attempt_count').notNull().default(0),
    next_attempt_at: instant('next_attempt_at').notNull().defaultNow(),
    claim_token: uuid('claim_token'),
    last_attempt_at: instant('last_attempt_at'),
    last_response_status: integer('last_response_status'),
    last_error: text('last_error'),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [
    organizationFk(t),
    unique('webhook_deliveries_org_id_key').on(t.organization_id, t.id),
    unique('webhook_deliveries_event_webhook_key').on(t.event_id, t.webhook_id),
    tenantFk(
      'webhook_deliveries_event_fk',
      { organization_id: t.organization_id, ref: t.event_id },
      outboxEvents,
    ).onDelete('cascade'),
    tenantFk(
      'webhook_deliveries_webhook_fk',
      { organization_id: t.organization_id, ref: t.webhook_id },
      webhooks,
    ).onDelete('cascade'),
    // The dispatcher's claim: due rows in order, and only the rows still to send.
    index('webhook_deliveries_due_idx')
      .on(t.next_attempt_at)
      .where(sql`${t.status} in ('pending', 'retrying')`),
    index('webhook_deliveries_webhook_idx').on(t.organization_id, t.webhook_id, t.created_at),
    check(
      'webhook_deliveries_status',
      sql`${t.status} in ('pending', 'retrying', 'succeeded', 'failed')`,
    ),
    check('webhook_deliveries_attempts', sql`${t.attempt_count} >= 0`),
  ],
);

/** Every HTTP attempt (or refusal to send), as the deliveries list shows it. */
export const webhookDeliveryAttempts = pgTable(
  'webhook_delivery_attempts',
  {
    id: id(),
    organization_id: organizationId(),
    delivery_id: uuid('delivery_id').notNull(),
    /** Copied from the delivery so an endpoint's attempts list is one index scan. */
    webhook_id: uuid('webhook_id').notNull(),
    attempt_number: integer('attempt_number').notNull(),
    succeeded: boolean('succeeded').notNull(),
    response_status: integer('response_status'),
    duration_ms: integer('duration_ms').notNull(),
    error: text('error'),
    attempted_at: instant('attempted_at').notNull().defaultNow(),
  },
  (t) => [
    organizationFk(t),
    tenantFk(
      'webhook_attempts_delivery_fk',
      { organization_id: t.organization_id, ref: t.delivery_id },
      webhookDeliveries,
    ).onDelete('cascade'),
    tenantFk(
      'webhook_attempts_webhook_fk',
      { organization_id: t.organization_id, ref: t.webhook_id },
      webhooks,
    ).onDelete('cascade'),
    index('webhook_attempts_webhook_idx').on(t.organization_id, t.webhook_id, t.attempted_at),
    index('webhook_attempts_delivery_idx').on(t.delivery_id, t.attempted_at),
  ],
);

export type Webhook = typeof webhooks.$inferSelect;
export type OutboxEvent = typeof outboxEvents.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type WebhookDeliveryAttempt = typeof webhookDeliveryAttempts.$inferSelect;
