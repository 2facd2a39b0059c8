import { and, eq, inArray, or } from 'drizzle-orm';
import { allocations, contacts, services, type Reservation } from '@/db/schema';
import type { Db } from '@/db/types';

/** The §9 reservation object, with its contact, service and allocated resources, for a page of rows. */
export async function serializeReservations(db: Db, rows: Reservation[]) {
  if (!rows.length) return [];
  const contactIds = [...new Set(rows.map((r) => r.contact_id))];
  const serviceIds = [...new Set(rows.map((r) => r.service_id))];
  const live = rows.filter((r) => r.status !== 'cancelled');
  const reservationIds = live.filter((r) => !r.occurrence_id).map((r) => r.id);
  const occurrenceIds = [
    ...new Set(live.map((r) => r.occurrence_id).filter((id): id is string => !!id)),
  ];
  const [contactRows, serviceRows, allocationRows] = await Promise.all([
    db
      .select({
        id: contacts.id,
        name: contacts.name,
        email: contacts.email,
        phone: contacts.phone,
      })
      .from(contacts)
      .where(inArray(contacts.id, contactIds)),
    db
      .select({ id: services.id, name: services.name, duration_minutes: services.duration_minutes })
      .from(services)
      .where(inArray(services.id, serviceIds)),
    reservationIds.length || occurrenceIds.length
      ? db
          .select({
            resource_id: allocations.resource_id,
            reservation_id: allocations.reservation_id,
            occurrence_id: allocations.occurrence_id,
          })
          .from(allocations)
          .where(
            or(
              reservationIds.length
                ? inArray(allocations.reservation_id, reservationIds)
                : undefined,
              occurrenceIds.length ? inArray(allocations.occurrence_id, occurrenceIds) : undefined,
            ),
          )
      : Promise.resolve([]),
  ]);
  const contactById = new Map(contactRows.map((c) => [c.id, c]));
  const serviceById = new Map(serviceRows.map((s) => [s.id, s]));
  return rows.map((r) => {
    const owned =
      r.status === 'cancelled'
        ? []
        : allocationRows.filter((a) =>
            r.occurrence_id ? a.occurrence_id === r.occurrence_id : a.reservation_id === r.id,
          );
    return buildReservationView(
      r,
      contactById.get(r.contact_id) ?? null,
      serviceById.get(r.service_id) ?? null,
      [...new Set(owned.map((a) => a.resource_id))],
    );
  });
}

export async function serializeReservation(db: Db, row: Reservation): Promise<ReservationView> {
  return (await serializeReservations(db, [row]))[0]!;
}

export { and, eq };

export interface ContactSummary {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
}
export interface ServiceSummary {
  id: string;
  name: string;
  duration_minutes: number;
}

/** The §9 object from a row and what it points at (the booking path has these at hand). */
export function buildReservationView(
  r: Reservation,
  contact: ContactSummary | null,
  service: ServiceSummary | null,
  resourceIds: string[],
) {
  return {
    id: r.id,
    organization_id: r.organization_id,
    contact_id: r.contact_id,
    service_id: r.service_id,
    start_datetime: r.start_datetime,
    end_datetime: r.end_datetime,
    party_size: r.party_size,
    status: r.status,
    deal_id: r.deal_id,
    company_id: r.company_id,
    preferred_resource_id: r.preferred_resource_id,
    resource_ids: resourceIds,
    notes: r.notes,
    custom_fields_by_key: r.custom_fields_by_key,
    cancelled_at: r.cancelled_at,
    cancelled_by: r.cancelled_by,
    cancellation_reason: r.cancellation_reason,
    source: r.source,
    booking_link_id: r.booking_link_id,
    contact,
    service,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

export type ReservationView = ReturnType<typeof buildReservationView>;
