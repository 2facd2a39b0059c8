import { and, eq } from 'drizzle-orm';
import { reservations, statusChanges, type Reservation } from '@/db/schema';
import { checkReferences } from '@/lib/crud/operations';
import {
  checkCustomFieldValues,
  loadCustomFields,
  mergeCustomFieldValues,
} from '@/lib/custom-fields/values';
import type { Ctx } from '@/lib/http/context';
import { fieldError, notFound } from '@/lib/http/errors';
import { isUuid } from '@/lib/http/query';
import { zodToAppError } from '@/lib/http/responses';
import { releaseAllocation, writeAllocation } from './allocation-store';
import { allocateOrThrow, lockAndLoadSchedule } from './feasibility';
import { reservationsCollection } from './list';
import { loadService } from './load-schedule';
import { ReservationPatchSchema, type ReservationPatch, type ReservationStatus } from './schemas';
import { serializeReservation } from './serialize';
import { checkPartySize } from './service-rules';
import { actorKindToCancelledBy } from './sources';
import { assertTransition, holdsCapacity } from './status-machine';
import { recordReservationEvents } from '@/lib/webhooks/events';

/**
 * §9 update: reschedule, re-allocation and status changes in one transaction. Whatever
 * changes the time, service, party or preferred resource — or reopens a cancelled booking —
 * goes through the same engine check as a create, ignoring the reservation's own hold; if it
 * fails, 409 and nothing changes.
 */
export function parseReservationPatch(body: unknown): ReservationPatch {
  const parsed = ReservationPatchSchema.safeParse(body);
  if (!parsed.success) throw zodToAppError(parsed.error, 'The reservation update is invalid.');
  return parsed.data;
}

/** Whether a patch may change what the reservation occupies (and so needs the write locks). */
const changesHolding = (input: ReservationPatch) =>
  input.status !== undefined ||
  input.start_datetime !== undefined ||
  input.service_id !== undefined ||
  input.party_size !== undefined ||
  input.preferred_resource_id !== undefined;

export interface UpdateOptions {
  /** A caller's own rule on the reservation as it is once locked (a customer's cut-offs). */
  assertChangeable?: (row: Reservation) => void;
}

export async function updateReservation(
  ctx: Ctx,
  id: string,
  body: Record<string, unknown>,
  opts: UpdateOptions = {},
) {
  const input = parseReservationPatch(body);
  if (!isUuid(id)) throw notFound('Reservation');
  await checkReferences(ctx, reservationsCollection, {
    contact_id: input.contact_id,
    deal_id: input.deal_id,
    company_id: input.company_id,
    preferred_resource_id: input.preferred_resource_id,
  });
  const reservationFields = input.custom_fields_by_key
    ? await loadCustomFields(ctx, 'reservation')
    : [];

  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(reservations)
      .where(and(eq(reservations.organization_id, ctx.organization.id), eq(reservations.id, id)))
      .for('update');
    if (!row) throw notFound('Reservation');
    opts.assertChangeable?.(row);

    // Anything that may change what the reservation holds takes the locks of write-lock.ts
    // (its row above was step 1): its old and new service, their resources and its current
    // allocation's. Notes, contact and custom fields alone need none.
    const serviceId = input.service_id ?? row.service_id;
    const locked = changesHolding(input)
      ? await lockAndLoadSchedule(tx, {
          organizationId: ctx.organization.id,
          serviceId,
          otherServiceIds: [row.service_id],
          owner: { reservationId: row.id, occurrenceId: row.occurrence_id },
          now: ctx.now,
        })
      : null;
    const service = locked
      ? locked.service
      : await loadService(tx, ctx.organization.id, row.service_id);
    if (!service)
      throw fieldError('service_id', 'This service does not exist in your organization.');
    const start = input.start_datetime ?? row.start_datetime;
    const partySize = input.party_size ?? row.party_size;
    const preferred =
      input.preferred_resource_id !== undefined
        ? input.preferred_resource_id
        : row.preferred_resource_id;
    const from = row.status as ReservationStatus;
    const to = input.status ?? from;
    const scheduleChanged =
      start.getTime() !== row.start_datetime.getTime() ||
      service.id !== row.service_id ||
      partySize !== row.party_size ||
      preferred !== row.preferred_resource_id;
    if (input.party_size !== undefined || service.id !== row.service_id)
      checkPartySize(service, partySize);
    assertTransition(from, to, start, ctx.now);
    const cancellationSent =
      input.cancelled_at !== undefined ||
      input.cancelled_by !== undefined ||
      input.cancellation_reason !== undefined;
    if (cancellationSent && to !== 'cancelled') {
      throw fieldError(
        'status',
        'cancelled_at, cancelled_by and cancellation_reason apply only to a cancelled reservation.',
      );
    }

    const changes: Partial<Reservation> = {
      start_datetime: start,
      end_datetime: new Date(start.getTime() + service.duration_minutes * 60_000),
      service_id: service.id,
      party_size: partySize,
      preferred_resource_id: preferred,
      status: to,
    };
    if (input.contact_id !== undefined) changes.contact_id = input.contact_id;
    if (input.deal_id !== undefined) changes.deal_id = input.deal_id;
    if (input.company_id !== undefined) changes.company_id = input.company_id;
    if (input.notes !== undefined) changes.notes = input.notes;
    if (input.custom_fields_by_key) {
      checkCustomFieldValues(reservationFields, input.custom_fields_by_key, {}, false);
      changes.custom_fields_by_key = mergeCustomFieldValues(
        row.custom_fields_by_key,
        input.custom_fields_by_key,
      );
    }
    if (to === 'cancelled') {
      const entering = from !== 'cancelled';
      changes.cancelled_at = input.cancelled_at ?? (entering ? ctx.now : row.cancelled_at);
      changes.cancelled_by =
        input.cancelled_by ??
        (entering ? actorKindToCancelledBy(ctx.actor.kind) : row.cancelled_by);
      if (input.cancellation_reason !== undefined)
        changes.cancellation_reason = input.cancellation_reason;
    } else {
      changes.cancelled_at = null;
      changes.cancelled_by = null;
      changes.cancellation_reason = null;
    }

    const wasHolding = holdsCapacity(from);
    const willHold = holdsCapacity(to);
    if (willHold && (scheduleChanged || !wasHolding)) {
      const allocation = await allocateOrThrow(
        tx,
        {
          service,
          start: start.getTime(),
          partySize,
          preferredResourceId: preferred,
          now: ctx.now,
          ignore: wasHolding
            ? { reservationId: row.id, occurrenceId: row.occurrence_id, seats: row.party_size }
            : undefined,
        },
        locked!.schedule,
      );
      if (wasHolding) await releaseAllocation(tx, row);
      const written = await writeAllocation(tx, {
        organizationId: ctx.organization.id,
        reservationId: row.id,
        service,
        start: start.getTime(),
        allocation,
      });
      changes.occurrence_id = written.occurrenceId;
      await written.deferred?.();
    } else if (wasHolding && !willHold) {
      await releaseAllocation(tx, row);
    }

    const [updated] = await tx
      .update(reservations)
      .set(changes)
      .where(eq(reservations.id, row.id))
      .returning();
    if (to !== from) {
      await tx.insert(statusChanges).values({
        organization_id: ctx.organization.id,
        reservation_id: row.id,
        from_status: from,
        to_status: to,
        actor_kind: ctx.actor.kind,
        actor_id: ctx.actor.id,
      });
    }
    const view = await serializeReservation(tx, updated!);
    await recordReservationEvents(tx, ctx, { before: row, after: updated!, view });
    return view;
  });
}
