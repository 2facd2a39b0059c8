import { and, eq, exists, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import {
  allocations,
  companies,
  contacts,
  deals,
  reservations,
  resources,
  type Reservation,
} from '@/db/schema';
import { defineCollection } from '@/lib/crud/collection';
import { findRecord, listRecords } from '@/lib/crud/operations';
import type { Ctx } from '@/lib/http/context';
import { fieldError } from '@/lib/http/errors';
import { isUuid, isValidDate } from '@/lib/http/query';
import { clampInstant, localToInstant } from '@/lib/slots';
import { RESERVATION_SOURCES } from '@/db/schema';
import {
  CANCELLED_BY,
  ReservationCreateSchema,
  ReservationPatchSchema,
  RESERVATION_STATUSES,
} from './schemas';
import { serializeReservation, serializeReservations } from './serialize';

/** §9 list and get: every filter, `date` in the organization's timezone, `resource_id` allocated. */

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function extraConditions(ctx: Ctx, values: Record<string, unknown>): SQL[] {
  const conditions: SQL[] = [];
  if (values.date !== undefined) {
    if (typeof values.date !== 'string' || !isValidDate(values.date))
      throw fieldError('date', 'Expected a date YYYY-MM-DD.');
    const tz = ctx.organization.timezone;
    // The day's end as 24:00 of the same date: the next date's string would not exist
    // after 9999-12-31 (YYYY-MM-DD), and that was a 500. Both ends capped to the instants the
    // database is sent (west of UTC, 9999-12-31 ends in year 10000: that was a 400).
    const from = new Date(clampInstant(localToInstant(values.date, '00:00', tz)));
    const to = new Date(clampInstant(localToInstant(values.date, '24:00', tz)));
    conditions.push(gte(reservations.start_datetime, from), lt(reservations.start_datetime, to));
  }
  if (values.resource_id !== undefined) {
    if (typeof values.resource_id !== 'string' || !isUuid(values.resource_id))
      throw fieldError('resource_id', 'Expected a UUID.');
    // A cancelled member of a group occurrence holds nothing (§8 rule 6), even though the
    // occurrence's allocation rows remain for the other members.
    conditions.push(
      sql`${reservations.status} <> 'cancelled'`,
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(allocations)
          .where(
            and(
              eq(allocations.resource_id, values.resource_id.toLowerCase()),
              or(
                eq(allocations.reservation_id, reservations.id),
                eq(allocations.occurrence_id, reservations.occurrence_id),
              ),
            ),
          ),
      ),
    );
  }
  return conditions;
}

export const reservationsCollection = defineCollection({
  path: 'reservations',
  label: 'Reservation',
  tag: 'Reservations',
  table: reservations,
  internalColumns: ['occurrence_id', 'manage_token_hash'],
  createSchema: ReservationCreateSchema,
  patchSchema: ReservationPatchSchema,
  filters: {
    status: { enum: RESERVATION_STATUSES },
    service_id: 'uuid',
    contact_id: 'uuid',
    deal_id: 'uuid',
    company_id: 'uuid',
    preferred_resource_id: 'uuid',
    booking_link_id: 'uuid',
    source: { enum: RESERVATION_SOURCES },
    cancelled_by: { enum: CANCELLED_BY },
    start_datetime: 'instant',
    end_datetime: 'instant',
    party_size: 'integer',
    created_at: 'instant',
    updated_at: 'instant',
  },
  sortable: ['start_datetime', 'end_datetime', 'created_at', 'updated_at', 'status', 'party_size'],
  defaultSort: [{ field: 'start_datetime', direction: 1 }],
  searchSql: (ctx, text) =>
    or(
      ilike(reservations.notes, likePattern(text)),
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(contacts)
          .where(
            and(
              eq(contacts.id, reservations.contact_id),
              or(
                ilike(contacts.name, likePattern(text)),
                ilike(contacts.email, likePattern(text)),
                ilike(contacts.phone, likePattern(text)),
              ),
            ),
          ),
      ),
    ),
  extraParams: { names: ['date', 'resource_id'], toSql: extraConditions },
  references: {
    contact_id: { table: contacts, label: 'Contact' },
    deal_id: { table: deals, label: 'Deal' },
    company_id: { table: companies, label: 'Company' },
    preferred_resource_id: { table: resources, label: 'Resource' },
  },
  writeAccess: 'member',
  serializeMany: (ctx, rows) => serializeReservations(ctx.db, rows as unknown as Reservation[]),
});

export const listReservations = (ctx: Ctx, query: Record<string, unknown>) =>
  listRecords(ctx, reservationsCollection, query);

export async function getReservation(ctx: Ctx, id: string) {
  const row = (await findRecord(ctx, reservationsCollection, id)) as unknown as Reservation;
  return serializeReservation(ctx.db, row);
}
