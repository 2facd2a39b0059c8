import { and, eq, gte, inArray, lte, or, sql, isNull } from 'drizzle-orm';
import { allSettled } from '@/db/settle';
import {
  allocations,
  holds,
  occurrences,
  reservations,
  resourceAvailability,
  resourceExceptions,
  resources,
  serviceResources,
  services,
  type Service,
} from '@/db/schema';
import type { Db } from '@/db/types';
import type {
  Interval,
  LoadRange,
  OccupancyEntry,
  ResourceSchedule,
  ServiceLink,
} from '@/lib/slots';

/**
 * The thin loader in front of the pure engine (DESIGN.md): a handful of indexed queries
 * that read exactly what one service needs for one range — its links, their resources'
 * weekly hours and the exceptions of the dates in range, and what occupies those resources
 * in the range. No per-day or per-resource loops of queries.
 */

export interface ServiceSchedule {
  links: ServiceLink[];
  resources: ResourceSchedule[];
}

export async function loadService(
  db: Db,
  organizationId: string,
  serviceId: string,
): Promise<Service | null> {
  const [row] = await db
    .select()
    .from(services)
    .where(and(eq(services.organization_id, organizationId), eq(services.id, serviceId)))
    .limit(1);
  return row ?? null;
}

/**
 * A service's links and linked resources with their weekly hours: two queries issued
 * together, needing only the service's id (so callers can load the service beside them).
 * Exceptions are added by `loadRangeData`.
 */
export async function loadServiceSchedule(
  db: Db,
  service: { organization_id: string; id: string },
): Promise<ServiceSchedule> {
  const linkOf = and(
    eq(serviceResources.organization_id, service.organization_id),
    eq(serviceResources.service_id, service.id),
  );
  const [linkRows, hours] = await allSettled([
    db
      .select({ link: serviceResources, resource: resources })
      .from(serviceResources)
      .innerJoin(resources, eq(resources.id, serviceResources.resource_id))
      .where(linkOf),
    db
      .select({
        resource_id: resourceAvailability.resource_id,
        day_of_week: resourceAvailability.day_of_week,
        start_time: resourceAvailability.start_time,
        end_time: resourceAvailability.end_time,
      })
      .from(resourceAvailability)
      .innerJoin(
        serviceResources,
        eq(serviceResources.resource_id, resourceAvailability.resource_id),
      )
      .where(linkOf),
  ]);
  return {
    links: linkRows.map(({ link }) => ({
      resource_id: link.resource_id,
      is_required: link.is_required,
      quantity: link.quantity,
    })),
    resources: linkRows.map(({ resource }) => ({
      id: resource.id,
      name: resource.name,
      is_active: resource.is_active,
      quantity: resource.quantity,
      capacity: resource.capacity,
      timezone: resource.timezone,
      weekly_hours: hours
        .filter((h) => h.resource_id === resource.id)
        .map((h) => ({
          day_of_week: h.day_of_week,
          start_time: h.start_time,
          end_time: h.end_time,
        })),
      exceptions: [],
    })),
  };
}

/** What the engine asked for (exceptions and occupancy of the range), read together. */
export async function loadRangeData(
  db: Db,
  schedule: ServiceSchedule,
  range: LoadRange,
  now: Date,
): Promise<OccupancyEntry[]> {
  const ids = schedule.resources.map((r) => r.id);
  const [, occupancy] = await allSettled([
    loadExceptions(db, schedule, range),
    loadOccupancy(db, ids, range.occupancy, now),
  ]);
  return occupancy;
}

/** Adds the exceptions that touch the local dates the engine asked for, per resource timezone. */
export async function loadExceptions(
  db: Db,
  schedule: ServiceSchedule,
  range: LoadRange,
): Promise<void> {
  if (!schedule.resources.length || !range.exceptionDates.length) return;
  const from = range.exceptionDates.reduce(
    (m, d) => (d.from < m ? d.from : m),
    range.exceptionDates[0]!.from,
  );
  const to = range.exceptionDates.reduce(
    (m, d) => (d.to > m ? d.to : m),
    range.exceptionDates[0]!.to,
  );
  const rows = await db
    .select()
    .from(resourceExceptions)
    .where(
      and(
        inArray(
          resourceExceptions.resource_id,
          schedule.resources.map((r) => r.id),
        ),
        lte(resourceExceptions.date, to),
        or(
          gte(resourceExceptions.end_date, from),
          and(isNull(resourceExceptions.end_date), gte(resourceExceptions.date, from)),
        ),
      ),
    );
  for (const resource of schedule.resources) {
    resource.exceptions = rows
      .filter((e) => e.resource_id === resource.id)
      .map((e) => ({
        date: e.date,
        end_date: e.end_date,
        kind: e.kind as 'blocked' | 'special_hours',
        start_time: e.start_time,
        end_time: e.end_time,
      }));
  }
}

const epochMs = (expr: ReturnType<typeof sql>) =>
  sql<number>`(extract(epoch from ${expr}) * 1000)::float8`;

/**
 * Everything holding units of these resources during `interval`: reservations, occurrences
 * and unexpired holds. Allocation rows exist only for live owners (cancelling deletes them),
 * so no status filter is needed; an expired hold's rows may linger until the next write sweeps
 * them (see `sweepExpiredHolds` in write-lock.ts), so they are skipped here, and an occurrence left with no
 * live seat (its only members were expired holds) occupies nothing.
 */
export async function loadOccupancy(
  db: Db,
  resourceIds: string[],
  interval: Interval,
  now: Date,
): Promise<OccupancyEntry[]> {
  if (!resourceIds.length) return [];
  const range = `[${new Date(interval.start).toISOString()},${new Date(interval.end).toISOString()})`;
  const at = now.toISOString();
  // The owner's row is looked up per allocation row (LIMIT 1 keeps each lateral subquery from
  // being flattened into a join): joined plainly, the planner may hash the whole reservations
  // table once an organization has a long history — cost that grows with the table, not the
  // window (seen on both databases at 100,000 reservations; docs/performance.md).
  const reservation = db
    .select({ service_id: reservations.service_id, start: reservations.start_datetime })
    .from(reservations)
    .where(eq(reservations.id, allocations.reservation_id))
    .limit(1)
    .as('owner_reservation');
  const occurrence = db
    .select({
      service_id: occurrences.service_id,
      start: occurrences.start_datetime,
      seat_limit: occurrences.seat_limit,
    })
    .from(occurrences)
    .where(eq(occurrences.id, allocations.occurrence_id))
    .limit(1)
    .as('owner_occurrence');
  const hold = db
    .select({
      service_id: holds.service_id,
      start: holds.start_datetime,
      expires_at: holds.expires_at,
    })
    .from(holds)
    .where(eq(holds.id, allocations.hold_id))
    .limit(1)
    .as('owner_hold');
  const rows = await db
    .select({
      resource_id: allocations.resource_id,
      unit: allocations.unit,
      start: epochMs(sql`lower(${allocations.occupied})`),
      end: epochMs(sql`upper(${allocations.occupied})`),
      reservation_id: allocations.reservation_id,
      occurrence_id: allocations.occurrence_id,
      hold_id: allocations.hold_id,
      service_id: sql<string>`coalesce(${reservation.service_id}, ${occurrence.service_id}, ${hold.service_id})`,
      slot_start: epochMs(sql`coalesce(${reservation.start}, ${occurrence.start}, ${hold.start})`),
      seat_limit: occurrence.seat_limit,
      seats_taken: sql<number>`case when ${allocations.occurrence_id} is null then null else
        (select coalesce(sum(m.party_size), 0)::int from reservations m
         where m.occurrence_id = ${allocations.occurrence_id} and m.status <> 'cancelled')
        + (select coalesce(sum(h.party_size), 0)::int from reservation_holds h
         where h.occurrence_id = ${allocations.occurrence_id} and h.expires_at > ${at}::timestamptz) end`,
    })
    .from(allocations)
    .leftJoinLateral(reservation, sql`true`)
    .leftJoinLateral(occurrence, sql`true`)
    .leftJoinLateral(hold, sql`true`)
    .where(
      and(
        inArray(allocations.resource_id, resourceIds),
        sql`${allocations.occupied} && ${range}::tstzrange`,
        sql`(${allocations.hold_id} is null or ${hold.expires_at} > ${at}::timestamptz)`,
      ),
    );
  return rows
    .filter((r) => !r.occurrence_id || Number(r.seats_taken) > 0)
    .map((r) => ({
      owner_id: (r.reservation_id ?? r.occurrence_id ?? r.hold_id)!,
      owner_kind: r.reservation_id ? 'reservation' : r.occurrence_id ? 'occurrence' : 'hold',
      service_id: r.service_id,
      slot_start: Number(r.slot_start),
      resource_id: r.resource_id,
      unit: r.unit,
      start: Number(r.start),
      end: Number(r.end),
      ...(r.occurrence_id
        ? { seats_taken: Number(r.seats_taken), seat_limit: r.seat_limit ?? undefined }
        : {}),
    }));
}
