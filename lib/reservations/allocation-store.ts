import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, ne, sql } from 'drizzle-orm';
import {
  allocations,
  holds,
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
    /** The owner of a private allocation: a reservation, or a hold (§15). */
    reservationId?: string;
    holdId?: string;
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
          reservation_id: args.holdId ? null : args.reservationId,
          hold_id: args.holdId ?? null,
        })),
      );
    },
  };
}

/**
 * Frees what a reservation holds: its own rows, or its occurrence's once no live member
 * (reservation or unexpired hold) remains.
 */
export async function releaseAllocation(
  tx: Db,
  reservation: Pick<Reservation, 'id' | 'occurrence_id'>,
  now: Date,
): Promise<void> {
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
  if (Number(others?.n ?? 0) === 0 && !(await hasLiveHolds(tx, reservation.occurrence_id, now))) {
    await tx.delete(allocations).where(eq(allocations.occurrence_id, reservation.occurrence_id));
  }
}

/**
 * §15: expired holds count for nothing, but their allocation rows would still trip the
 * exclusion constraint, so every write sweeps the organization's expired holds first (their
 * rows go by cascade), together with the allocation of any occurrence whose only members
 * were those holds. The engine reads holds with the same `now`, so what it counts and what is
 * swept are complementary.
 */
export async function sweepExpiredHolds(tx: Db, organizationId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await tx.execute(sql`
    with expired as (
      delete from reservation_holds
      where organization_id = ${organizationId} and expires_at <= ${at}::timestamptz
      returning occurrence_id
    )
    delete from reservation_allocations a
    where a.occurrence_id in (select occurrence_id from expired where occurrence_id is not null)
      and not exists (
        select 1 from reservations r
        where r.occurrence_id = a.occurrence_id and r.status <> 'cancelled')
      and not exists (
        select 1 from reservation_holds h
        where h.occurrence_id = a.occurrence_id and h.expires_at > ${at}::timestamptz)`);
}

async function hasLiveHolds(tx: Db, occurrenceId: string, now: Date): Promise<boolean> {
  const [live] = await tx
    .select({ id: holds.id })
    .from(holds)
    .where(and(eq(holds.occurrence_id, occurrenceId), gt(holds.expires_at, now)))
    .limit(1);
  return !!live;
}
