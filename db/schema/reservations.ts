import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { contacts, companies, deals } from './crm';
import { resources, services } from './catalog';
import { createdAt, id, instant, organizationId, tstzrange, updatedAt } from './columns';
import { organizationFk, tenantFk } from './tenancy';

/**
 * Reservations and what they occupy. A private reservation owns its allocation rows;
 * reservations of a group service that start together share an occurrence, and the
 * occurrence owns the allocation. The exclusion constraint on allocations (added in a
 * hand-written migration, drizzle cannot express EXCLUDE) makes a double allocation of a
 * resource unit impossible to store.
 */

export const occurrences = pgTable(
  'reservation_occurrences',
  {
    id: id(),
    organization_id: organizationId(),
    service_id: uuid('service_id').notNull(),
    start_datetime: instant('start_datetime').notNull(),
    end_datetime: instant('end_datetime').notNull(),
    seat_limit: integer('seat_limit').notNull(),
    /**
     * Seats of its live members (reservations not cancelled, and hold rows), kept by triggers
     * on reservations and holds (migration 0007), so the CHECK below is the database's own
     * refusal to overbook a session.
     */
    seats_taken: integer('seats_taken').notNull().default(0),
    created_at: createdAt(),
  },
  (t) => [
    organizationFk(t),
    unique('reservation_occurrences_org_id_key').on(t.organization_id, t.id),
    tenantFk(
      'occurrences_service_fk',
      { organization_id: t.organization_id, ref: t.service_id },
      services,
    ),
    index('reservation_occurrences_service_start_idx').on(t.service_id, t.start_datetime),
    check('occurrences_range', sql`${t.start_datetime} < ${t.end_datetime}`),
    check('occurrences_seats', sql`${t.seat_limit} >= 1`),
    check(
      'occurrences_seats_taken',
      sql`${t.seats_taken} >= 0 and ${t.seats_taken} <= ${t.seat_limit}`,
    ),
  ],
);

export const reservations = pgTable(
  'reservations',
  {
    id: id(),
    organization_id: organizationId(),
    contact_id: uuid('contact_id').notNull(),
    service_id: uuid('service_id').notNull(),
    start_datetime: instant('start_datetime').notNull(),
    end_datetime: instant('end_datetime').notNull(),
    party_size: integer('party_size').notNull().default(1),
    status: text('status').notNull(),
    deal_id: uuid('deal_id'),
    company_id: uuid('company_id'),
    preferred_resource_id: uuid('preferred_resource_id'),
    occurrence_id: uuid('occurrence_id'),
    notes: text('notes'),
    custom_fields_by_key: jsonb('custom_fields_by_key')
      .$type<Record<string, unknown>>()
      .notNull()
      .default({}),
    cancelled_at: instant('cancelled_at'),
    cancelled_by: text('cancelled_by'),
    cancellation_reason: text('cancellation_reason'),
    source: text('source').notNull(),
    booking_link_id: uuid('booking_link_id'),
    manage_token_hash: text('manage_token_hash'),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [
    organizationFk(t),
    unique('reservations_org_id_key').on(t.organization_id, t.id),
    tenantFk(
      'reservations_contact_fk',
      { organization_id: t.organization_id, ref: t.contact_id },
      contacts,
    ),
    tenantFk(
      'reservations_service_fk',
      { organization_id: t.organization_id, ref: t.service_id },
      services,
    ),
    tenantFk('reservations_deal_fk', { organization_id: t.organization_id, ref: t.deal_id }, deals),
    tenantFk(
      'reservations_company_fk',
      { organization_id: t.organization_id, ref: t.company_id },
      companies,
    ),
    tenantFk(
      'reservations_preferred_resource_fk',
      { organization_id: t.organization_id, ref: t.preferred_resource_id },
      resources,
    ),
    tenantFk(
      'reservations_occurrence_fk',
      { organization_id: t.organization_id, ref: t.occurrence_id },
      occurrences,
    ),
    index('reservations_org_start_idx').on(t.organization_id, t.start_datetime),
    index('reservations_service_start_idx').on(t.service_id, t.start_datetime),
    index('reservations_contact_idx').on(t.organization_id, t.contact_id),
    index('reservations_occurrence_idx').on(t.occurrence_id),
    index('reservations_deal_idx').on(t.organization_id, t.deal_id),
    index('reservations_company_idx').on(t.organization_id, t.company_id),
    index('reservations_manage_token_idx').on(t.manage_token_hash),
    check('reservations_range', sql`${t.start_datetime} < ${t.end_datetime}`),
    check('reservations_party', sql`${t.party_size} between 1 and 1000`),
    check(
      'reservations_status',
      sql`${t.status} in ('pending', 'confirmed', 'cancelled', 'completed', 'no_show')`,
    ),
    check(
      'reservations_source',
      sql`${t.source} in ('staff', 'api', 'booking_link', 'ai_assistant')`,
    ),
    check(
      'reservations_cancelled',
      sql`(${t.status} = 'cancelled') = (${t.cancelled_at} is not null) and (${t.cancelled_by} is null or ${t.cancelled_by} in ('organization', 'customer', 'ai_assistant'))`,
    ),
  ],
);

/**
 * §15 holds: capacity kept for a few minutes while someone finishes booking. A private
 * service's hold owns allocation rows (like a reservation); a group service's hold takes seats
 * in an occurrence. Expired holds count for nothing and are deleted lazily by the next write.
 */
export const holds = pgTable(
  'reservation_holds',
  {
    id: id(),
    organization_id: organizationId(),
    service_id: uuid('service_id').notNull(),
    start_datetime: instant('start_datetime').notNull(),
    end_datetime: instant('end_datetime').notNull(),
    party_size: integer('party_size').notNull(),
    preferred_resource_id: uuid('preferred_resource_id'),
    occurrence_id: uuid('occurrence_id'),
    booking_link_id: uuid('booking_link_id'),
    /** Public holds: a hash of the client's IP, for the per-client cap (never the IP itself). */
    client_key: text('client_key'),
    actor_kind: text('actor_kind').notNull(),
    expires_at: instant('expires_at').notNull(),
    created_at: createdAt(),
  },
  (t) => [
    organizationFk(t),
    unique('reservation_holds_org_id_key').on(t.organization_id, t.id),
    tenantFk(
      'holds_service_fk',
      { organization_id: t.organization_id, ref: t.service_id },
      services,
    ).onDelete('cascade'),
    tenantFk(
      'holds_occurrence_fk',
      { organization_id: t.organization_id, ref: t.occurrence_id },
      occurrences,
    ).onDelete('cascade'),
    index('reservation_holds_expiry_idx').on(t.organization_id, t.expires_at),
    index('reservation_holds_occurrence_idx').on(t.occurrence_id),
    index('reservation_holds_link_idx')
      .on(t.booking_link_id, t.expires_at)
      .where(sql`${t.booking_link_id} is not null`),
    check('holds_range', sql`${t.start_datetime} < ${t.end_datetime}`),
    check('holds_party', sql`${t.party_size} between 1 and 1000`),
  ],
);

export const allocations = pgTable(
  'reservation_allocations',
  {
    id: id(),
    organization_id: organizationId(),
    resource_id: uuid('resource_id').notNull(),
    unit: integer('unit').notNull(),
    occupied: tstzrange('occupied').notNull(),
    reservation_id: uuid('reservation_id'),
    occurrence_id: uuid('occurrence_id'),
    hold_id: uuid('hold_id'),
    created_at: createdAt(),
  },
  (t) => [
    organizationFk(t),
    tenantFk(
      'allocations_resource_fk',
      { organization_id: t.organization_id, ref: t.resource_id },
      resources,
    ),
    tenantFk(
      'allocations_reservation_fk',
      { organization_id: t.organization_id, ref: t.reservation_id },
      reservations,
    ).onDelete('cascade'),
    tenantFk(
      'allocations_occurrence_fk',
      { organization_id: t.organization_id, ref: t.occurrence_id },
      occurrences,
    ).onDelete('cascade'),
    index('reservation_allocations_reservation_idx').on(t.reservation_id),
    tenantFk(
      'allocations_hold_fk',
      { organization_id: t.organization_id, ref: t.hold_id },
      holds,
    ).onDelete('cascade'),
    index('reservation_allocations_occurrence_idx').on(t.occurrence_id),
    index('reservation_allocations_hold_idx').on(t.hold_id),
    check('allocations_unit', sql`${t.unit} >= 0`),
    check(
      'allocations_owner',
      sql`num_nonnulls(${t.reservation_id}, ${t.occurrence_id}, ${t.hold_id}) = 1`,
    ),
  ],
);

/** Every status change, for the staff's history view and for audits. */
export const statusChanges = pgTable(
  'reservation_status_changes',
  {
    id: id(),
    organization_id: organizationId(),
    reservation_id: uuid('reservation_id').notNull(),
    from_status: text('from_status'),
    to_status: text('to_status').notNull(),
    actor_kind: text('actor_kind').notNull(),
    actor_id: text('actor_id'),
    created_at: createdAt(),
  },
  (t) => [
    organizationFk(t),
    tenantFk(
      'status_changes_reservation_fk',
      { organization_id: t.organization_id, ref: t.reservation_id },
      reservations,
    ).onDelete('cascade'),
    index('reservation_status_changes_reservation_idx').on(t.reservation_id, t.created_at),
  ],
);

export type Hold = typeof holds.$inferSelect;
export type Reservation = typeof reservations.$inferSelect;
export type Occurrence = typeof occurrences.$inferSelect;
export type Allocation = typeof allocations.$inferSelect;
