import { and, eq } from 'drizzle-orm';
import { bookingLinks, organizations, reservations, services } from '@/db/schema';
import { AppError, notFound } from '@/lib/http/errors';
import type { PublicCtx } from '@/lib/http/route';
import { zodToAppError } from '@/lib/http/responses';
import { computeSlots, parseSlotQuery } from '@/lib/reservations/available-slots';
import { updateReservation } from '@/lib/reservations/update-reservation';
import { withPageDefaults } from './collection';
import { isWellFormedToken, manageTokenHash } from './manage-token';
import { customerCtx } from './public-link';
import type { PublicSlot } from './public-booking';
import { ManageSlotQuerySchema, PublicCancelSchema, PublicRescheduleSchema } from './schemas';

/**
 * `/api/public/reservations/:manage_token` (§11): the token is the customer's only credential
 * and names exactly one booking. They may see it, cancel it, or move it to another slot of the
 * same service while it is still upcoming and not cancelled.
 */

async function findByToken(ctx: PublicCtx, token: string) {
  if (!isWellFormedToken(token)) throw notFound('Booking');
  const [found] = await ctx.db
    .select({
      reservation: reservations,
      organization: organizations,
      service: {
        id: services.id,
        name: services.name,
        duration_minutes: services.duration_minutes,
        price_amount: services.price_amount,
        currency: services.currency,
        image_url: services.image_url,
      },
      link: {
        slug: bookingLinks.slug,
        name: bookingLinks.name,
        page_config: bookingLinks.page_config,
      },
    })
    .from(reservations)
    .innerJoin(organizations, eq(organizations.id, reservations.organization_id))
    .innerJoin(
      services,
      and(
        eq(services.organization_id, reservations.organization_id),
        eq(services.id, reservations.service_id),
      ),
    )
    .leftJoin(
      bookingLinks,
      and(
        eq(bookingLinks.organization_id, reservations.organization_id),
        eq(bookingLinks.id, reservations.booking_link_id),
      ),
    )
    .where(eq(reservations.manage_token_hash, manageTokenHash(token)))
    .limit(1);
  if (!found) throw notFound('Booking');
  return found;
}

type Found = Awaited<ReturnType<typeof findByToken>>;

const isChangeable = (found: Found, now: Date) =>
  (found.reservation.status === 'pending' || found.reservation.status === 'confirmed') &&
  found.reservation.start_datetime.getTime() > now.getTime();

function toView(found: Found, now: Date) {
  const r = found.reservation;
  const config = found.link ? withPageDefaults(found.link.page_config) : null;
  const changeable = isChangeable(found, now);
  return {
    id: r.id,
    status: r.status,
    start_datetime: r.start_datetime.toISOString(),
    end_datetime: r.end_datetime.toISOString(),
    party_size: r.party_size,
    cancelled_at: r.cancelled_at?.toISOString() ?? null,
    cancelled_by: r.cancelled_by,
    service: found.service,
    organization: { name: found.organization.name, timezone: found.organization.timezone },
    booking_link: found.link
      ? {
          slug: found.link.slug,
          name: found.link.name,
          title: config!.title,
          description: config!.description,
          logo_url: config!.logo_url,
          cover_url: config!.cover_url,
          primary_color: config!.primary_color,
          confirmation_message: config!.confirmation_message,
        }
      : null,
    can_cancel: changeable,
    can_reschedule: changeable,
  };
}

function assertChangeable(found: Found, now: Date, action: 'cancelled' | 'moved') {
  if (isChangeable(found, now)) return;
  const why =
    found.reservation.status === 'cancelled'
      ? 'it is already cancelled'
      : found.reservation.start_datetime.getTime() <= now.getTime()
        ? 'it has already started'
        : `it is ${found.reservation.status}`;
  throw new AppError(
    'invalid_transition',
    409,
    `This booking can no longer be ${action} online: ${why}. Please contact ${found.organization.name}.`,
  );
}

/** The customer's rule, checked on the row as it is once locked (two cancels: one wins). */
const changeableOnceLocked =
  (found: Found, now: Date, action: 'cancelled' | 'moved') => (row: Found['reservation']) =>
    assertChangeable({ ...found, reservation: row }, now, action);

export async function getManagedReservation(ctx: PublicCtx, token: string) {
  return toView(await findByToken(ctx, token), ctx.now);
}

export async function cancelManagedReservation(
  ctx: PublicCtx,
  token: string,
  body: Record<string, unknown>,
) {
  const parsed = PublicCancelSchema.safeParse(body);
  if (!parsed.success) throw zodToAppError(parsed.error, 'The cancellation is invalid.');
  const found = await findByToken(ctx, token);
  await updateReservation(
    customerCtx(ctx.db, found.organization, ctx.requestId, ctx.now),
    found.reservation.id,
    {
      status: 'cancelled',
      ...(parsed.data.reason ? { cancellation_reason: parsed.data.reason } : {}),
    },
    { assertChangeable: changeableOnceLocked(found, ctx.now, 'cancelled') },
  );
  return getManagedReservation(ctx, token);
}

export async function rescheduleManagedReservation(
  ctx: PublicCtx,
  token: string,
  body: Record<string, unknown>,
) {
  const parsed = PublicRescheduleSchema.safeParse(body);
  if (!parsed.success) throw zodToAppError(parsed.error, 'The new time is invalid.');
  const found = await findByToken(ctx, token);
  await updateReservation(
    customerCtx(ctx.db, found.organization, ctx.requestId, ctx.now),
    found.reservation.id,
    { start_datetime: body.start_datetime },
    { assertChangeable: changeableOnceLocked(found, ctx.now, 'moved') },
  );
  return getManagedReservation(ctx, token);
}

/** Slots to move the booking to: its own service and party size. */
export async function getManagedSlots(
  ctx: PublicCtx,
  token: string,
  query: Record<string, unknown>,
) {
  const found = await findByToken(ctx, token);
  const q = parseSlotQuery(query, undefined, ManageSlotQuerySchema as never);
  const { response } = await computeSlots(
    { db: ctx.db, organization: found.organization, now: ctx.now },
    {
      ...q,
      service_id: found.reservation.service_id,
      party_size: found.reservation.party_size,
    },
  );
  return {
    ...response,
    slots: response.slots.map(({ resource_ids: _private, ...slot }): PublicSlot => slot),
  };
}
