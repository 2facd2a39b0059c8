import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { allocations, resources, serviceResources, services, type Service } from '@/db/schema';
import { allSettled } from '@/db/settle';
import type { Db } from '@/db/types';

/**
 * The one locking discipline for every write that changes what a resource unit or a group
 * session (occurrence) holds, or the rules that decide it. Any number of app processes share
 * one database; these row locks are what make their writes happen one after another where
 * they contend, and in the same order everywhere, so they cannot deadlock:
 *
 *   1. the row the write is about, if it already exists — the reservation or the hold
 *      (`SELECT … FOR UPDATE`), to learn which service and allocation it has;
 *   2. the services involved, `FOR UPDATE`, in id order: the rows come back as they are
 *      once locked, and the write reads its rules (capacity, duration, buffers, is_active)
 *      from them, never from an earlier read;
 *   3. the resources linked to those services, plus any the write's owner holds units of
 *      and any the write edits, `FOR UPDATE`, in id order, in one statement;
 *   4. the organization's expired holds are swept (`SKIP LOCKED`: one another write is
 *      consuming or releasing is left to it);
 *   5. only then: the schedule, occupancy and seats are read and the allocation written.
 *      Session rows are changed last, by the seats triggers, under the locks above.
 *
 * Who takes what: a booking, reschedule, status change, reopen or hold (create, extend,
 * release, consume) takes 1–4 for its old and new service; a service edit takes 2–3 for the
 * service; a link edit 2–3 for its service plus the resource; a resource edit, its weekly
 * hours or exceptions take 3 for that resource. Reads (slot lists) take no locks.
 *
 * Behind the locks the database refuses what would still be wrong (migration 0007 and the
 * allocation exclusion constraint): a double-allocated unit, a session over its seats, a
 * live booking without an allocation covering it, an allocation kept for nobody.
 */

export interface WriteScope {
  organizationId: string;
  /** Services whose bookings or rules the write changes. */
  serviceIds: readonly string[];
  /** Whose current allocation's resources must be locked too (it may outlive a link). */
  owner?: { reservationId?: string; occurrenceId?: string | null; holdId?: string };
  /** Resources the write edits itself. */
  resourceIds?: readonly string[];
  /** Sweep expired holds (every booking write does; catalog edits need not). */
  sweepAt?: Date;
}

/**
 * Takes steps 2–4 inside the caller's transaction and returns the locked services by id.
 * Every statement is issued before the first await, so callers may start reads after it in
 * the same round trip: the connection runs them in order, after the locks are granted, and
 * each sees what was committed before.
 */
export function lockWriteScope(tx: Db, scope: WriteScope): Promise<Map<string, Service>> {
  const serviceIds = [...new Set(scope.serviceIds)].sort();
  const lockedServices = serviceIds.length
    ? tx
        .select()
        .from(services)
        .where(
          and(eq(services.organization_id, scope.organizationId), inArray(services.id, serviceIds)),
        )
        .orderBy(asc(services.id))
        .for('update')
        .execute()
    : Promise.resolve([] as Service[]);
  const lockedResources = lockResources(tx, scope, serviceIds);
  const swept = scope.sweepAt
    ? sweepExpiredHolds(tx, scope.organizationId, scope.sweepAt)
    : Promise.resolve();
  return allSettled([lockedServices, lockedResources, swept]).then(
    ([rows]) => new Map(rows.map((s) => [s.id, s])),
  );
}

function lockResources(tx: Db, scope: WriteScope, serviceIds: string[]): Promise<unknown> {
  const which: SQL[] = [];
  if (serviceIds.length) {
    which.push(
      inArray(
        resources.id,
        tx
          .select({ id: serviceResources.resource_id })
          .from(serviceResources)
          .where(
            and(
              eq(serviceResources.organization_id, scope.organizationId),
              inArray(serviceResources.service_id, serviceIds),
            ),
          ),
      ),
    );
  }
  const owner = scope.owner;
  const ownerRows = [
    owner?.reservationId ? eq(allocations.reservation_id, owner.reservationId) : null,
    owner?.occurrenceId ? eq(allocations.occurrence_id, owner.occurrenceId) : null,
    owner?.holdId ? eq(allocations.hold_id, owner.holdId) : null,
  ].filter((c): c is SQL => c !== null);
  if (ownerRows.length) {
    which.push(
      inArray(
        resources.id,
        tx
          .select({ id: allocations.resource_id })
          .from(allocations)
          .where(and(eq(allocations.organization_id, scope.organizationId), or(...ownerRows))),
      ),
    );
  }
  if (scope.resourceIds?.length) which.push(inArray(resources.id, [...scope.resourceIds]));
  if (!which.length) return Promise.resolve();
  return tx
    .select({ id: resources.id })
    .from(resources)
    .where(and(eq(resources.organization_id, scope.organizationId), or(...which)))
    .orderBy(asc(resources.id))
    .for('update')
    .execute();
}

/**
 * §15: expired holds count for nothing, but their allocation rows would still trip the
 * exclusion constraint, so every booking write sweeps the organization's expired holds first
 * (their rows go by cascade), with the allocation of any session left with no member. A hold
 * another transaction has locked is skipped: that one is consuming, extending or releasing it
 * and decides its fate. The engine reads holds with the same `now`, so what it counts and
 * what is swept are complementary.
 */
export async function sweepExpiredHolds(tx: Db, organizationId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await tx.execute(sql`
    with expired as (
      delete from reservation_holds
      where id in (
        select id from reservation_holds
        where organization_id = ${organizationId} and expires_at <= ${at}::timestamptz
        for update skip locked)
      returning id, occurrence_id
    )
    delete from reservation_allocations a
    where a.occurrence_id in (select occurrence_id from expired where occurrence_id is not null)
      and not exists (
        select 1 from reservations r
        where r.occurrence_id = a.occurrence_id and r.status <> 'cancelled')
      and not exists (
        select 1 from reservation_holds h
        where h.occurrence_id = a.occurrence_id and h.id not in (select id from expired))`);
}
