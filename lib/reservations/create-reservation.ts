import { randomUUID } from 'node:crypto';
import { allSettled } from '@/db/settle';
import { and, eq, sql } from 'drizzle-orm';
import { contacts, reservations, statusChanges, type Reservation } from '@/db/schema';
import type { Db } from '@/db/types';
import { checkReferences } from '@/lib/crud/operations';
import { checkCustomFieldValues, loadCustomFields, withoutNulls } from '@/lib/custom-fields/values';
import type { Ctx } from '@/lib/http/context';
import { fieldError } from '@/lib/http/errors';
import { zodToAppError } from '@/lib/http/responses';
import { allocateOrThrow, lockAndLoadSchedule } from './feasibility';
import { withIdempotency, type StoredResponse } from './idempotency';
import { reservationsCollection } from './list';
import { ReservationCreateSchema, type ReservationCreate } from './schemas';
import { buildReservationView, type ContactSummary } from './serialize';
import { checkPartySize } from './service-rules';
import { writeAllocation } from './allocation-store';
import { actorKindToSource } from './sources';
import {
  findHoldForBooking,
  lockHeldSlot,
  transferHold,
  vacateSessionHold,
} from '@/lib/holds/consume';
import { recordReservationEvents } from '@/lib/webhooks/events';

/** §9 create: POST /api/reservations, and the same path for booking pages and AI tools. */

export interface CreateOptions {
  idempotencyKey?: string | null;
  source?: Reservation['source'];
  bookingLinkId?: string | null;
  manageTokenHash?: string | null;
  /** Chosen by the caller when something must be derived from it (a manage token). */
  reservationId?: string;
  /** Keeps one caller's Idempotency-Keys apart from another's (the public page's from the API's). */
  idempotencyScope?: string;
  /** Only these custom fields may be written, and only these are required (a booking link's). */
  customFieldKeys?: readonly string[];
  /** Refuses a service the caller may not book, checked under the locks (a link's offer). */
  bookableService?: (tx: Db, serviceId: string) => Promise<unknown>;
}

export function parseReservationCreate(body: unknown): ReservationCreate {
  const parsed = ReservationCreateSchema.safeParse(body);
  if (!parsed.success) throw zodToAppError(parsed.error, 'The reservation is invalid.');
  return parsed.data;
}

const contactFields = {
  id: contacts.id,
  name: contacts.name,
  email: contacts.email,
  phone: contacts.phone,
};

/** §9: an inline contact is found by email within the organization, else created. */
async function resolveContact(tx: Db, ctx: Ctx, input: ReservationCreate): Promise<ContactSummary> {
  const inOrg = eq(contacts.organization_id, ctx.organization.id);
  if (input.contact_id) {
    const [found] = await tx
      .select(contactFields)
      .from(contacts)
      .where(and(inOrg, eq(contacts.id, input.contact_id)));
    if (!found) throw fieldError('contact_id', 'This contact does not exist in your organization.');
    return found;
  }
  const inline = input.contact!;
  if (inline.email) {
    // Two bookings with the same new email must not both create a contact: the second waits
    // for the first's transaction and then finds its contact. (Not a unique index: staff may
    // keep two contacts sharing an address, e.g. a family.) Sent together: the lookup runs
    // once the lock is granted.
    const [, [found]] = await allSettled([
      tx.execute(
        sql`select pg_advisory_xact_lock(hashtextextended(${`contact:${ctx.organization.id}:${inline.email.toLowerCase()}`}, 0))`,
      ),
      tx
        .select(contactFields)
        .from(contacts)
        .where(and(inOrg, sql`lower(${contacts.email}) = lower(${inline.email})`))
        .orderBy(contacts.created_at)
        .limit(1)
        .execute(),
    ]);
    if (found) return found;
  }
  const [created] = await tx
    .insert(contacts)
    .values({
      organization_id: ctx.organization.id,
      name: inline.name,
      email: inline.email ?? null,
      phone: inline.phone ?? null,
    })
    .returning(contactFields);
  return created!;
}

export async function createReservation(
  ctx: Ctx,
  body: Record<string, unknown>,
  opts: CreateOptions = {},
): Promise<StoredResponse> {
  const input = parseReservationCreate(body);
  return withIdempotency(
    ctx.db,
    {
      organizationId: ctx.organization.id,
      scope: opts.idempotencyScope ?? 'reservations.create',
      key: opts.idempotencyKey ?? null,
      body,
      now: ctx.now,
    },
    async (tx) => {
      const txCtx = { ...ctx, db: tx };
      // Step 1 of the locking discipline (write-lock.ts) needs no lock for a hold: it is locked
      // after the service and its resources, like every hold write.
      const found = input.hold_id
        ? await findHoldForBooking(tx, ctx, input.hold_id, input, opts.bookingLinkId ?? null)
        : null;
      const serviceId = found?.service_id ?? input.service_id!;
      // Everything that needs only ids goes out at once, after the locks; a refusal below
      // rolls it all back (an inline contact created here goes with it).
      const [locked, allDefinitions, , contact] = await allSettled([
        lockAndLoadSchedule(tx, {
          organizationId: ctx.organization.id,
          serviceId,
          owner: found ? { holdId: found.id, occurrenceId: found.occurrence_id } : undefined,
          now: ctx.now,
        }),
        loadCustomFields(txCtx, 'reservation'),
        checkReferences(txCtx, reservationsCollection, {
          contact_id: input.contact_id,
          deal_id: input.deal_id,
          company_id: input.company_id,
          preferred_resource_id: input.preferred_resource_id,
        }),
        resolveContact(tx, ctx, input),
      ]);
      const { service, schedule } = locked;
      if (!service) {
        throw fieldError('service_id', 'This service does not exist in your organization.');
      }
      // A held slot needs no engine check: its capacity is already allocated.
      // The caller's own rule on the service, as it is once locked (a link's offer).
      if (opts.bookableService) await opts.bookableService(tx, service.id);
      const hold = found ? await lockHeldSlot(tx, ctx, found, service) : null;
      const partySize = hold?.party_size ?? input.party_size ?? service.min_party_size;
      checkPartySize(service, partySize);
      const definitions = opts.customFieldKeys
        ? allDefinitions.filter((d) => opts.customFieldKeys!.includes(d.key))
        : allDefinitions;
      const customValues = withoutNulls(input.custom_fields_by_key ?? {});
      checkCustomFieldValues(definitions, customValues, customValues, true);
      const status = input.status ?? (service.requires_confirmation ? 'pending' : 'confirmed');
      const start = hold ? hold.start_datetime.getTime() : input.start_datetime!.getTime();
      const preferredResourceId =
        input.preferred_resource_id !== undefined
          ? input.preferred_resource_id
          : (hold?.preferred_resource_id ?? null);
      const id = opts.reservationId ?? randomUUID();
      const allocation = hold
        ? null
        : await allocateOrThrow(
            tx,
            { service, start, partySize, preferredResourceId, now: ctx.now },
            schedule,
          );
      const { occurrenceId, deferred } = allocation
        ? await writeAllocation(tx, {
            organizationId: ctx.organization.id,
            reservationId: id,
            service,
            start,
            allocation,
          })
        : { occurrenceId: hold!.occurrence_id, deferred: null };
      const row: Reservation = {
        id,
        organization_id: ctx.organization.id,
        contact_id: contact.id,
        service_id: service.id,
        start_datetime: new Date(start),
        end_datetime: new Date(start + service.duration_minutes * 60_000),
        party_size: partySize,
        status,
        deal_id: input.deal_id ?? null,
        company_id: input.company_id ?? null,
        preferred_resource_id: preferredResourceId,
        occurrence_id: occurrenceId,
        notes: input.notes ?? null,
        custom_fields_by_key: customValues,
        cancelled_at: null,
        cancelled_by: null,
        cancellation_reason: null,
        source: opts.source ?? actorKindToSource(ctx.actor.kind),
        booking_link_id: opts.bookingLinkId ?? null,
        manage_token_hash: opts.manageTokenHash ?? null,
        created_at: ctx.now,
        updated_at: ctx.now,
      };
      const viewWith = (resourceIds: string[]) =>
        buildReservationView(
          row,
          contact,
          { id: service.id, name: service.name, duration_minutes: service.duration_minutes },
          resourceIds,
        );
      // Without a hold the allocated resources are known already, so the whole reply is too.
      const known = allocation
        ? viewWith([...new Set(allocation.units.map((u) => u.resource_id))])
        : null;
      // Started in this order and run in this order on the transaction's connection: the
      // reservation, the allocation rows that reference it, its history, and (when the reply
      // is known) its outbox events — one round trip.
      const vacated = hold ? vacateSessionHold(tx, hold) : Promise.resolve();
      const inserted = tx.insert(reservations).values(row).execute();
      const allocated = hold
        ? transferHold(tx, hold, id)
        : deferred
          ? deferred()
          : Promise.resolve();
      const history = tx
        .insert(statusChanges)
        .values({
          organization_id: ctx.organization.id,
          reservation_id: id,
          from_status: null,
          to_status: status,
          actor_kind: ctx.actor.kind,
          actor_id: ctx.actor.id,
        })
        .execute();
      const events = known
        ? recordReservationEvents(tx, ctx, { after: row, view: known })
        : Promise.resolve();
      const [, , transferred] = await allSettled([vacated, inserted, allocated, history, events]);
      const view = known ?? viewWith(transferred as string[]);
      if (!known) await recordReservationEvents(tx, ctx, { after: row, view });
      return { status: 201, body: JSON.parse(JSON.stringify(view)) };
    },
  );
}
