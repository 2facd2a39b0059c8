import { sql, type SQL } from 'drizzle-orm';
import type { Row } from '@/lib/crud/collection';
import type { Ctx } from '@/lib/http/context';
import { lockWriteScope } from '@/lib/reservations/write-lock';

/**
 * Catalog writes that change what bookings may do (a service's rules, a resource's units,
 * capacity and hours, links between them) take the booking locks of
 * lib/reservations/write-lock.ts first, so they happen wholly before or wholly after any
 * booking of the same units — never in the middle of one.
 */

type Change = { values?: Record<string, unknown>; previous?: Row };

const idsOf = (change: Change, field: string): string[] =>
  [change.values?.[field], change.previous?.[field]].filter(
    (v): v is string => typeof v === 'string',
  );

/** A service's own rules: the service and its resources (step 2–3). */
export const lockServiceWrite = async (ctx: Ctx, change: Change) => {
  if (!change.previous) return; // a new service has no bookings yet
  await lockWriteScope(ctx.db, {
    organizationId: ctx.organization.id,
    serviceIds: [change.previous.id],
  });
};

/** A link: its service and resource (and the service's other resources). */
export const lockLinkWrite = async (ctx: Ctx, change: Change) => {
  await lockWriteScope(ctx.db, {
    organizationId: ctx.organization.id,
    serviceIds: idsOf(change, 'service_id'),
    resourceIds: idsOf(change, 'resource_id'),
  });
};

/** A resource, or its weekly hours and exceptions: that resource (step 3). */
export const lockResourceWrite =
  (field: 'id' | 'resource_id') =>
  async (ctx: Ctx, change: Change): Promise<void> => {
    const resourceIds = idsOf(change, field);
    if (!resourceIds.length) return;
    await lockWriteScope(ctx.db, {
      organizationId: ctx.organization.id,
      serviceIds: [],
      resourceIds,
    });
  };

/**
 * §8.5 after a capacity edit: every upcoming session's stored limit becomes the capacity in
 * force (the service's, and each allocated resource's), never below the seats it already
 * has — lowering stops further joins and evicts nobody; raising lets sessions take more.
 */
async function refreshSeatLimits(ctx: Ctx, which: SQL): Promise<void> {
  await ctx.db.execute(sql`
    update reservation_occurrences o
    set seat_limit = greatest(o.seats_taken, least(s.capacity, coalesce(
      (select min(r.capacity) from reservation_allocations a
       join reservation_resources r on r.id = a.resource_id
       where a.occurrence_id = o.id), s.capacity)))
    from reservation_services s
    where s.id = o.service_id and s.capacity is not null
      and o.organization_id = ${ctx.organization.id}
      and o.end_datetime > ${ctx.now.toISOString()}::timestamptz
      and ${which}`);
}

export const refreshServiceSeats = async (ctx: Ctx, record: Row, previous: Row | null) => {
  if (previous && record.capacity !== previous.capacity)
    await refreshSeatLimits(ctx, sql`o.service_id = ${record.id}`);
};

export const refreshResourceSeats = async (ctx: Ctx, record: Row, previous: Row | null) => {
  if (previous && record.capacity !== previous.capacity)
    await refreshSeatLimits(
      ctx,
      sql`o.id in (select occurrence_id from reservation_allocations where resource_id = ${record.id})`,
    );
};
