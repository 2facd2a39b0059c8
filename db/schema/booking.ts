import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { services } from './catalog';
import { createdAt, id, organizationId, updatedAt } from './columns';
import { organizationFk, tenantFk } from './tenancy';

/** Public booking links (§11): a slug, its page, and the services it offers. */

export interface PageConfig {
  title?: string | null;
  description?: string | null;
  logo_url?: string | null;
  cover_url?: string | null;
  primary_color?: string | null;
  confirmation_message?: string | null;
  custom_field_keys?: string[];
  require_phone?: boolean;
}

export const bookingLinks = pgTable(
  'reservation_booking_links',
  {
    id: id(),
    organization_id: organizationId(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    is_active: boolean('is_active').notNull().default(true),
    page_config: jsonb('page_config').$type<PageConfig>().notNull().default({}),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [
    organizationFk(t),
    unique('reservation_booking_links_org_id_key').on(t.organization_id, t.id),
    uniqueIndex('reservation_booking_links_slug_key').on(t.slug),
    check('booking_links_slug', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{1,62}$'`),
  ],
);

export const bookingLinkServices = pgTable(
  'reservation_booking_link_services',
  {
    organization_id: organizationId(),
    booking_link_id: uuid('booking_link_id').notNull(),
    service_id: uuid('service_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.booking_link_id, t.service_id] }),
    tenantFk(
      'booking_link_services_link_fk',
      { organization_id: t.organization_id, ref: t.booking_link_id },
      bookingLinks,
    ).onDelete('cascade'),
    tenantFk(
      'booking_link_services_service_fk',
      { organization_id: t.organization_id, ref: t.service_id },
      services,
    ).onDelete('cascade'),
    index('booking_link_services_service_idx').on(t.service_id),
  ],
);

export type BookingLink = typeof bookingLinks.$inferSelect;
