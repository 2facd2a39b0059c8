import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { allocations, occurrences, type Reservation, type Service } from '@/db/schema';
import type { Db } from '@/db/types';
import { occupiedInterval, type Allocation } from '@/lib/slots';
import { toRules } from './service-rules';

/**
 * Writes and releases what a reservation or hold occupies, under the locks of
 * `lockWriteScope` (write-lock.ts), which every caller has taken first.
 */

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
 * Frees what a reservation or hold occupies: its own rows, or its session's once no live
 * member (a reservation not cancelled, or any hold row) remains. Expired holds were swept by
 * this write's lock step; one still there is another write's to consume or release.
 */
export async function releaseAllocation(
  tx: Db,
  owner: Pick<Reservation, 'id' | 'occurrence_id'>,
): Promise<void> {
  if (!owner.occurrence_id) {
    await tx.delete(allocations).where(eq(allocations.reservation_id, owner.id));
    return;
  }
  const occurrenceId = owner.occurrence_id;
  await tx.execute(sql`
    delete from reservation_allocations a
    where a.occurrence_id = ${occurrenceId}
      and not exists (
        select 1 from reservations r
        where r.occurrence_id = ${occurrenceId} and r.id <> ${owner.id} and r.status <> 'cancelled')
      and not exists (
        select 1 from reservation_holds h
        where h.occurrence_id = ${occurrenceId} and h.id <> ${owner.id})`);
}
