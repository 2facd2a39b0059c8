import { randomUUID } from 'node:crypto';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import {
  allocations,
  occurrences,
  reservations,
  resources,
  serviceResources,
  type Reservation,
  type Service,
} from '@/db/schema';
import type { Db } from '@/db/types';
import { occupiedInterval, type Allocation } from '@/lib/slots';
import { toRules } from './service-rules';

/**
 * Writes and releases what a reservation occupies. Locking order (always by resource id):
 * every booking, reschedule or reopen locks the rows of the resources it contends for with
 * SELECT … FOR UPDATE before it re-reads occupancy, so two processes can never both see a unit
 * free. The exclusion constraint on allocations is the last line behind that.
 */
export async function lockServiceResources(
  tx: Db,
  service: { organization_id: string; id: string },
): Promise<void> {
  await tx
    .select({ id: resources.id })
    .from(resources)
    .innerJoin(serviceResources, eq(serviceResources.resource_id, resources.id))
    .where(
      and(
        eq(serviceResources.organization_id, service.organization_id),
        eq(serviceResources.service_id, service.id),
      ),
    )
    .orderBy(asc(resources.id))
    .for('update', { of: resources });
}

const rangeText = (start: number, end: number) =>
  `[${new Date(start).toISOString()},${new Date(end).toISOString()})`;

/**
 * Stores an engine allocation for a reservation that is about to be written (its id chosen
 * by the caller). Returns the occurrence the reservation belongs to, for group services.
 */
export async function writeAllocation(
  tx: Db,
  args: {
    organizationId: string;
    reservationId: string;
    service: Service;
    start: number;
    allocation: Allocation;
  },
): Promise<{ occurrenceId: string | null; deferred: (() => Promise<void>) | null }> {
  const { allocation, service, start } = args;
  if (allocation.kind === 'join') return { occurrenceId: allocation.occurrence_id, deferred: null };
  const occupied = occupiedInterval(toRules(service), start);
  const range = rangeText(occupied.start, occupied.end);
  if (service.capacity !== null) {
    const occurrenceId = randomUUID();
    await tx.insert(occurrences).values({
      id: occurrenceId,
      organization_id: args.organizationId,
      service_id: service.id,
      start_datetime: new Date(start),
      end_datetime: new Date(start + service.duration_minutes * 60_000),
      seat_limit: allocation.seat_limit ?? service.capacity,
    });
    await tx.insert(allocations).values(
      allocation.units.map((u) => ({
        organization_id: args.organizationId,
        resource_id: u.resource_id,
        unit: u.unit,
        occupied: range,
        occurrence_id: occurrenceId,
      })),
    );
    return { occurrenceId, deferred: null };
  }
  // A private reservation owns its rows, which reference it: insert them after it.
  return {
    occurrenceId: null,
    deferred: async () => {
      await tx.insert(allocations).values(
        allocation.units.map((u) => ({
          organization_id: args.organizationId,
          resource_id: u.resource_id,
          unit: u.unit,
          occupied: range,
          reservation_id: args.reservationId,
        })),
      );
    },
  };
}

/** Frees what a reservation holds: its own rows, or its occurrence's once no live member remains. */
export async function releaseAllocation(tx: Db, reservation: Reservation): Promise<void> {
  if (!reservation.occurrence_id) {
    await tx.delete(allocations).where(eq(allocations.reservation_id, reservation.id));
    return;
  }
  const [others] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(reservations)
    .where(
      and(
        eq(reservations.occurrence_id, reservation.occurrence_id),
        ne(reservations.id, reservation.id),
        ne(reservations.status, 'cancelled'),
      ),
    );
  if (Number(others?.n ?? 0) === 0) {
    await tx.delete(allocations).where(eq(allocations.occurrence_id, reservation.occurrence_id));
  }
}
