import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, organizationId, updatedAt } from './columns';
import { organizationFk, tenantFk } from './tenancy';

/** Services, resources, the links between them, weekly hours and exceptions (§3–§7). */

const TIME_OF_DAY = `'^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$'`;

export const services = pgTable(
  'reservation_services',
  {
    id: id(),
    organization_id: organizationId(),
    name: text('name').notNull(),
    description: text('description'),
    duration_minutes: integer('duration_minutes').notNull(),
    slot_interval_minutes: integer('slot_interval_minutes'),
    buffer_before_minutes: integer('buffer_before_minutes').notNull().default(0),
    buffer_after_minutes: integer('buffer_after_minutes').notNull().default(0),
    min_notice_minutes: integer('min_notice_minutes').notNull().default(0),
    max_advance_days: integer('max_advance_days').notNull().default(365),
    capacity: integer('capacity'),
    min_party_size: integer('min_party_size').notNull().default(1),
    max_party_size: integer('max_party_size').notNull().default(1),
    requires_confirmation: boolean('requires_confirmation').notNull().default(false),
    price_amount: integer('price_amount'),
    currency: text('currency'),
    image_url: text('image_url'),
    color: text('color'),
    is_active: boolean('is_active').notNull().default(true),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [
    organizationFk(t),
    unique('reservation_services_org_id_key').on(t.organization_id, t.id),
    index('reservation_services_org_name_idx').on(t.organization_id, t.name),
    check('services_duration', sql`${t.duration_minutes} between 5 and 1440`),
    check(
      'services_interval',
      sql`${t.slot_interval_minutes} is null or ${t.slot_interval_minutes} between 5 and 1440`,
    ),
    check(
      'services_buffers',
      sql`${t.buffer_before_minutes} between 0 and 1440 and ${t.buffer_after_minutes} between 0 and 1440`,
    ),
    check('services_notice', sql`${t.min_notice_minutes} >= 0`),
    check('services_advance', sql`${t.max_advance_days} between 1 and 3650`),
    check('services_capacity', sql`${t.capacity} is null or ${t.capacity} >= 1`),
    check(
      'services_party',
      sql`1 <= ${t.min_party_size} and ${t.min_party_size} <= ${t.max_party_size} and ${t.max_party_size} <= 1000`,
    ),
    check(
      'services_price',
      sql`${t.price_amount} is null or (${t.price_amount} >= 0 and ${t.currency} is not null)`,
    ),
    check('services_color', sql`${t.color} is null or ${t.color} ~ '^#[0-9A-Fa-f]{6}$'`),
  ],
);

export const resources = pgTable(
  'reservation_resources',
  {
    id: id(),
    organization_id: organizationId(),
    name: text('name').notNull(),
    type: text('type').notNull().default('other'),
    quantity: integer('quantity').notNull().default(1),
    capacity: integer('capacity'),
    timezone: text('timezone').notNull(),
    image_url: text('image_url'),
    is_active: boolean('is_active').notNull().default(true),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [
    organizationFk(t),
    unique('reservation_resources_org_id_key').on(t.organization_id, t.id),
    index('reservation_resources_org_name_idx').on(t.organization_id, t.name),
    check('resources_type', sql`${t.type} in ('person', 'room', 'equipment', 'table', 'other')`),
    check('resources_quantity', sql`${t.quantity} >= 1`),
    check('resources_capacity', sql`${t.capacity} is null or ${t.capacity} >= 1`),
  ],
);

export const serviceResources = pgTable(
  'reservation_service_resources',
  {
    id: id(),
    organization_id: organizationId(),
    service_id: uuid('service_id').notNull(),
    resource_id: uuid('resource_id').notNull(),
    is_required: boolean('is_required').notNull().default(true),
    quantity: integer('quantity').notNull().default(1),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [
    organizationFk(t),
    unique('reservation_service_resources_org_id_key').on(t.organization_id, t.id),
    unique('reservation_service_resources_pair_key').on(t.service_id, t.resource_id),
    tenantFk(
      'service_resources_service_fk',
      { organization_id: t.organization_id, ref: t.service_id },
      services,
    ).onDelete('cascade'),
    tenantFk(
      'service_resources_resource_fk',
      { organization_id: t.organization_id, ref: t.resource_id },
      resources,
    ).onDelete('cascade'),
    index('reservation_service_resources_resource_idx').on(t.organization_id, t.resource_id),
    check('service_resources_quantity', sql`${t.quantity} >= 1`),
  ],
);

export const resourceAvailability = pgTable(
  'reservation_resource_availability',
  {
    id: id(),
    organization_id: organizationId(),
    resource_id: uuid('resource_id').notNull(),
    day_of_week: smallint('day_of_week').notNull(),
    start_time: text('start_time').notNull(),
    end_time: text('end_time').notNull(),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [
    organizationFk(t),
    unique('reservation_resource_availability_org_id_key').on(t.organization_id, t.id),
    tenantFk(
      'availability_resource_fk',
      { organization_id: t.organization_id, ref: t.resource_id },
      resources,
    ).onDelete('cascade'),
    index('reservation_resource_availability_resource_idx').on(t.organization_id, t.resource_id),
    check('availability_day', sql`${t.day_of_week} between 0 and 6`),
    check(
      'availability_times',
      sql.raw(
        `start_time ~ ${TIME_OF_DAY} and end_time ~ ${TIME_OF_DAY} and start_time < end_time`,
      ),
    ),
  ],
);

export const resourceExceptions = pgTable(
  'reservation_resource_exceptions',
  {
    id: id(),
    organization_id: organizationId(),
    resource_id: uuid('resource_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    end_date: date('end_date', { mode: 'string' }),
    kind: text('kind').notNull(),
    start_time: text('start_time'),
    end_time: text('end_time'),
    reason: text('reason'),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [
    organizationFk(t),
    unique('reservation_resource_exceptions_org_id_key').on(t.organization_id, t.id),
    tenantFk(
      'exceptions_resource_fk',
      { organization_id: t.organization_id, ref: t.resource_id },
      resources,
    ).onDelete('cascade'),
    index('reservation_resource_exceptions_range_idx').on(t.organization_id, t.resource_id, t.date),
    check('exceptions_kind', sql`${t.kind} in ('blocked', 'special_hours')`),
    check('exceptions_range', sql`${t.end_date} is null or ${t.end_date} >= ${t.date}`),
    check(
      'exceptions_times',
      sql.raw(
        `(start_time is null and end_time is null and kind = 'blocked') or ` +
          `(start_time is not null and end_time is not null and start_time ~ ${TIME_OF_DAY} ` +
          `and end_time ~ ${TIME_OF_DAY} and start_time < end_time)`,
      ),
    ),
  ],
);

export type Service = typeof services.$inferSelect;
export type Resource = typeof resources.$inferSelect;
export type ServiceResource = typeof serviceResources.$inferSelect;
export type ResourceAvailability = typeof resourceAvailability.$inferSelect;
export type ResourceException = typeof resourceExceptions.$inferSelect;
