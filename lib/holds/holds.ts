import { and, eq, gt } from 'drizzle-orm';
import { allocations, holds, type Hold } from '@/db/schema';
import type { Db } from '@/db/types';
import { checkReferences } from '@/lib/crud/operations';
import type { Ctx } from '@/lib/http/context';
import { AppError, fieldError, notFound } from '@/lib/http/errors';
import { isUuid } from '@/lib/http/query';
import { zodToAppError } from '@/lib/http/responses';
import { releaseAllocation, writeAllocation } from '@/lib/reservations/allocation-store';
import { allocateOrThrow, lockAndLoadSchedule } from '@/lib/reservations/feasibility';
import { reservationsCollection } from '@/lib/reservations/list';
import { checkPartySize } from '@/lib/reservations/service-rules';
import { lockWriteScope } from '@/lib/reservations/write-lock';
import type { z } from 'zod';
import { checkPublicHoldCaps, lockLinkHolds, type PublicHoldCaps } from './public-limits';
import { HOLD_TTL, HoldCreateSchema, HoldPatchSchema } from './schemas';

/**
 * §15 holds: the engine decides exactly as for a pending reservation (same locks, same
 * check, same allocation rows), and the hold owns what it allocated until it expires, is
 * released, or is consumed by a booking.
 */

export const holdExpired = () =>
  new AppError(
    'hold_expired',
    409,
    'This hold has expired or was already used; pick a slot again.',
  );

export interface HoldView {
  id: string;
  service_id: string;
  start_datetime: string;
  end_datetime: string;
  party_size: number;
  resource_ids: string[];
  expires_at: string;
}

export function parseHold<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw zodToAppError(parsed.error, 'The hold is invalid.');
  return parsed.data;
}

async function resourceIdsOf(db: Db, hold: Hold): Promise<string[]> {
  const rows = await db
    .select({ resource_id: allocations.resource_id })
    .from(allocations)
    .where(
      hold.occurrence_id
        ? eq(allocations.occurrence_id, hold.occurrence_id)
        : eq(allocations.hold_id, hold.id),
    );
  return [...new Set(rows.map((r) => r.resource_id))];
}

function view(hold: Hold, resourceIds: string[]): HoldView {
  return {
    id: hold.id,
    service_id: hold.service_id,
    start_datetime: hold.start_datetime.toISOString(),
    end_datetime: hold.end_datetime.toISOString(),
    party_size: hold.party_size,
    resource_ids: resourceIds,
    expires_at: hold.expires_at.toISOString(),
  };
}

export interface CreateHoldOptions {
  bookingLinkId?: string | null;
  /** A public hold (issue 23): counted against the caps, and replacing the client's previous one. */
  public?: {
    bookingLinkId: string;
    clientKey: string;
    caps: PublicHoldCaps;
    /** The visitor's previous hold on this link, released in the same transaction. */
    replacesHoldId?: string;
    /**
     * Throws unless the link still offers the service, checked under the write's locks: an
     * edit that takes it off the link (or deactivates or deletes it) is either before or after.
     */
    bookableService: (tx: Db, serviceId: string) => Promise<unknown>;
  };
}

export async function createHold(
  ctx: Ctx,
  body: Record<string, unknown>,
  opts: CreateHoldOptions = {},
): Promise<HoldView> {
  const input = parseHold(HoldCreateSchema, body);
  await checkReferences(ctx, reservationsCollection, {
    preferred_resource_id: input.preferred_resource_id,
  });
  const pub = opts.public;
  return ctx.db.transaction(async (tx) => {
    if (pub) await lockLinkHolds(tx, pub.bookingLinkId);
    // The hold this one replaces: its service and units join the write's locks (write-lock.ts
    // step 1 is the hold itself, looked up here and locked again once the scope is held).
    const previous = pub?.replacesHoldId ? await findLiveHold(tx, ctx, pub.replacesHoldId) : null;
    const replaced = previous?.booking_link_id === pub?.bookingLinkId ? previous : null;
    const { service, schedule } = await lockAndLoadSchedule(tx, {
      organizationId: ctx.organization.id,
      serviceId: input.service_id,
      otherServiceIds: replaced ? [replaced.service_id] : undefined,
      owner: replaced ? { holdId: replaced.id, occurrenceId: replaced.occurrence_id } : undefined,
      now: ctx.now,
    });
    if (pub) await pub.bookableService(tx, input.service_id);
    if (!service)
      throw fieldError('service_id', 'This service does not exist in your organization.');
    if (replaced) {
      const still = await findLiveHold(tx, ctx, replaced.id, true);
      if (still && still.booking_link_id === pub!.bookingLinkId) await deleteHold(tx, still);
    }
    if (pub) {
      await checkPublicHoldCaps(tx, {
        bookingLinkId: pub.bookingLinkId,
        clientKey: pub.clientKey,
        now: ctx.now,
        caps: pub.caps,
      });
    }
    const partySize = input.party_size ?? service.min_party_size;
    checkPartySize(service, partySize);
    const start = input.start_datetime.getTime();
    const allocation = await allocateOrThrow(
      tx,
      {
        service,
        start,
        partySize,
        preferredResourceId: input.preferred_resource_id ?? null,
        now: ctx.now,
      },
      schedule,
    );
    const ttl = input.ttl_seconds ?? HOLD_TTL.default;
    const row: Hold = {
      id: crypto.randomUUID(),
      organization_id: ctx.organization.id,
      service_id: service.id,
      start_datetime: new Date(start),
      end_datetime: new Date(start + service.duration_minutes * 60_000),
      party_size: partySize,
      preferred_resource_id: input.preferred_resource_id ?? null,
      occurrence_id: null,
      booking_link_id: pub?.bookingLinkId ?? opts.bookingLinkId ?? null,
      client_key: pub?.clientKey ?? null,
      actor_kind: ctx.actor.kind,
      expires_at: new Date(ctx.now.getTime() + ttl * 1000),
      created_at: ctx.now,
    };
    // A group service's occurrence must exist before the hold that points at it; a private
    // hold's allocation rows must come after the hold they point at.
    const written = await writeAllocation(tx, {
      organizationId: ctx.organization.id,
      holdId: row.id,
      service,
      start,
      allocation,
    });
    row.occurrence_id = written.occurrenceId;
    await tx.insert(holds).values(row);
    await written.deferred?.();
    return view(row, [...new Set(allocation.units.map((u) => u.resource_id))]);
  });
}

/** An unexpired hold of the caller's organization, optionally locked for update. */
export async function findLiveHold(
  db: Db,
  ctx: Pick<Ctx, 'organization' | 'now'>,
  id: string,
  lock = false,
): Promise<Hold | null> {
  if (!isUuid(id)) return null;
  const query = db
    .select()
    .from(holds)
    .where(
      and(
        eq(holds.organization_id, ctx.organization.id),
        eq(holds.id, id),
        gt(holds.expires_at, ctx.now),
      ),
    );
  const [row] = await (lock ? query.for('update') : query);
  return row ?? null;
}

export async function getHold(ctx: Ctx, id: string): Promise<HoldView> {
  const hold = await findLiveHold(ctx.db, ctx, id);
  if (!hold) throw notFound('Hold');
  return view(hold, await resourceIdsOf(ctx.db, hold));
}

/**
 * A hold write other than create (extend, release): found, then the locks of write-lock.ts for
 * its service and units, then the hold itself locked and checked again — so it cannot race a
 * booking or a sweep of the same units. Null when it is gone or expired by then.
 */
async function lockLiveHold(tx: Db, ctx: Ctx, id: string): Promise<Hold | null> {
  const found = await findLiveHold(tx, ctx, id);
  if (!found) return null;
  await lockWriteScope(tx, {
    organizationId: ctx.organization.id,
    serviceIds: [found.service_id],
    owner: { holdId: found.id, occurrenceId: found.occurrence_id },
    sweepAt: ctx.now,
  });
  return findLiveHold(tx, ctx, id, true);
}

/** Extends from now, never beyond 1800 s after creation; an expired hold cannot be revived. */
export async function extendHold(
  ctx: Ctx,
  id: string,
  body: Record<string, unknown>,
  only?: { bookingLinkId: string; maxTtlSeconds: number },
): Promise<HoldView> {
  const { ttl_seconds } = parseHold(HoldPatchSchema, body);
  const ttl = Math.min(ttl_seconds, only?.maxTtlSeconds ?? HOLD_TTL.max);
  return ctx.db.transaction(async (tx) => {
    const hold = await lockLiveHold(tx, ctx, id);
    if (hold && only && hold.booking_link_id !== only.bookingLinkId) throw notFound('Hold');
    if (!hold) {
      if (isUuid(id) && (await holdExists(tx, ctx, id))) throw holdExpired();
      throw notFound('Hold');
    }
    const latest = hold.created_at.getTime() + HOLD_TTL.max * 1000;
    const expiresAt = new Date(Math.min(ctx.now.getTime() + ttl * 1000, latest));
    const [updated] = await tx
      .update(holds)
      .set({ expires_at: expiresAt })
      .where(eq(holds.id, hold.id))
      .returning();
    return view(updated!, await resourceIdsOf(tx, updated!));
  });
}

async function holdExists(db: Db, ctx: Pick<Ctx, 'organization'>, id: string) {
  const [row] = await db
    .select({ id: holds.id })
    .from(holds)
    .where(and(eq(holds.organization_id, ctx.organization.id), eq(holds.id, id)));
  return !!row;
}

/** Releases a hold at once; its capacity is free for the next query. */
export async function releaseHold(
  ctx: Ctx,
  id: string,
  only?: { bookingLinkId: string },
): Promise<HoldView> {
  return ctx.db.transaction(async (tx) => {
    const hold = await lockLiveHold(tx, ctx, id);
    if (!hold || (only && hold.booking_link_id !== only.bookingLinkId)) throw notFound('Hold');
    const resourceIds = await resourceIdsOf(tx, hold);
    await deleteHold(tx, hold);
    return view(hold, resourceIds);
  });
}

/**
 * Removes a hold inside the caller's transaction, under its locks. A private hold's rows go
 * by cascade; a session hold leaves the session's allocation to its other live members.
 */
export async function deleteHold(tx: Db, hold: Hold): Promise<void> {
  await tx.delete(holds).where(eq(holds.id, hold.id));
  if (hold.occurrence_id) {
    await releaseAllocation(tx, { id: hold.id, occurrence_id: hold.occurrence_id });
  }
}
