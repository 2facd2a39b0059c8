import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, instant, organizationId, updatedAt } from './columns';
import { organizationFk } from './tenancy';

/** Cross-cutting records: custom field definitions, idempotency keys, uploads. */

export const customFields = pgTable(
  'custom_fields',
  {
    id: id(),
    organization_id: organizationId(),
    entity_type: text('entity_type').notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type').notNull(),
    required: boolean('required').notNull().default(false),
    options: jsonb('options').$type<string[]>().notNull().default([]),
    position: integer('position').notNull().default(0),
    is_active: boolean('is_active').notNull().default(true),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [
    organizationFk(t),
    unique('custom_fields_org_id_key').on(t.organization_id, t.id),
    unique('custom_fields_key_key').on(t.organization_id, t.entity_type, t.key),
    check('custom_fields_entity', sql`${t.entity_type} in ('reservation', 'contact')`),
    check('custom_fields_key_pattern', sql`${t.key} ~ '^[a-z][a-z0-9_]{0,62}$'`),
    check(
      'custom_fields_type',
      sql`${t.type} in ('text', 'textarea', 'number', 'boolean', 'date', 'select', 'multiselect', 'email', 'phone', 'url')`,
    ),
  ],
);

/** `POST /api/reservations` (and the public twin) replays the stored response for a repeated key. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: id(),
    organization_id: organizationId(),
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    request_hash: text('request_hash').notNull(),
    response_status: integer('response_status').notNull(),
    response_body: jsonb('response_body').notNull(),
    created_at: createdAt(),
  },
  (t) => [
    organizationFk(t),
    uniqueIndex('idempotency_keys_scope_key').on(t.organization_id, t.scope, t.key),
    index('idempotency_keys_created_idx').on(t.created_at),
  ],
);

export const uploads = pgTable(
  'uploads',
  {
    id: id(),
    organization_id: organizationId(),
    type: text('type').notNull(),
    storage_key: text('storage_key').notNull(),
    file_name: text('file_name').notNull(),
    content_type: text('content_type').notNull(),
    content_length: integer('content_length').notNull(),
    expires_at: instant('expires_at').notNull(),
    uploaded_at: instant('uploaded_at'),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [
    organizationFk(t),
    uniqueIndex('uploads_storage_key_key').on(t.storage_key),
    check('uploads_length', sql`${t.content_length} between 1 and 5242880`),
  ],
);

export type CustomField = typeof customFields.$inferSelect;

/**
 * Public endpoints' rate limit (§11): one counter per client and minute, shared by every app
 * process through the database. Old windows are deleted lazily.
 */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    bucket: text('bucket').notNull(),
    window_start: instant('window_start').notNull(),
    hits: integer('hits').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.window_start] })],
);
