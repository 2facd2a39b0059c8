import { randomUUID } from 'node:crypto';
import type { PublicCtx } from '@/lib/http/route';
import { AppError, validationError, type ErrorDetail } from '@/lib/http/errors';
import type { Ctx } from '@/lib/http/context';
import { checkCustomFieldValues, loadCustomFields, withoutNulls } from '@/lib/custom-fields/values';
import { zodToAppError } from '@/lib/http/responses';
import { daysResponse, parseDaysQuery } from '@/lib/reservations/available-days';
import { computeSlots, parseSlotQuery } from '@/lib/reservations/available-slots';
import { createReservation } from '@/lib/reservations/create-reservation';
import type { ReservationView } from '@/lib/reservations/serialize';
import { createHold, extendHold, parseHold, releaseHold } from '@/lib/holds/holds';
import { clientKey, PUBLIC_HOLD_TTL_MAX_S, publicHoldCaps } from '@/lib/holds/public-limits';
import { HOLD_TTL, PublicHoldCreateSchema } from '@/lib/holds/schemas';
import { withPageDefaults } from './collection';
import { manageTokenFor, manageTokenHash } from './manage-token';
import { customerCtx, findActiveLink, findLinkService, type PublicService } from './public-link';
import { PublicBookingSchema, PublicSlotQuerySchema, type PublicBooking } from './schemas';

/** §11's public slot query and booking, through the same engine and create path as staff. */

export interface PublicSlot {
  start_datetime: string;
  end_datetime: string;
  remaining_capacity: number;
}

export async function getPublicSlots(ctx: PublicCtx, slug: string, query: Record<string, unknown>) {
  const { link, organization } = await findActiveLink(ctx.db, slug);
  const q = parseSlotQuery(query, undefined, PublicSlotQuerySchema);
  await findLinkService(ctx.db, link, q.service_id);
  const { response } = await computeSlots({ db: ctx.db, organization, now: ctx.now }, q);
  return {
    ...response,
    slots: response.slots.map(({ resource_ids: _private, ...slot }): PublicSlot => slot),
  };
}

/** §16's public twin: the booking page's day picker (up to 62 days in one request). */
export async function getPublicDays(ctx: PublicCtx, slug: string, query: Record<string, unknown>) {
  const { link, organization } = await findActiveLink(ctx.db, slug);
  const q = parseDaysQuery(query, PublicSlotQuerySchema);
  await findLinkService(ctx.db, link, q.service_id);
  const { response, slots } = await computeSlots({ db: ctx.db, organization, now: ctx.now }, q);
  return daysResponse(response, slots);
}

/** What the booking's customer is told about it (no contact, resources or staff notes). */
export function publicReservationSummary(view: ReservationView) {
  return {
    id: view.id,
    status: view.status,
    start_datetime: view.start_datetime,
    end_datetime: view.end_datetime,
    party_size: view.party_size,
    service: view.service,
  };
}

export async function bookFromLink(
  ctx: PublicCtx,
  slug: string,
  body: Record<string, unknown>,
  idempotencyKey: string | null,
) {
  const { link, organization } = await findActiveLink(ctx.db, slug);
  const parsed = PublicBookingSchema.safeParse(body);
  if (!parsed.success) throw zodToAppError(parsed.error, 'The booking is invalid.');
  const input = parsed.data;
  const config = withPageDefaults(link.page_config);
  const customerContext = customerCtx(ctx.db, organization, ctx.requestId, ctx.now);
  // A hold was checked against the link when it was taken; it must come from this link.
  const service = input.service_id ? await findLinkService(ctx.db, link, input.service_id) : null;
  await checkCustomerInput(customerContext, input, config, service);
  const reservationId = randomUUID();
  const stored = await createReservation(
    customerContext,
    {
      ...(body.service_id !== undefined && { service_id: body.service_id }),
      ...(body.start_datetime !== undefined && { start_datetime: body.start_datetime }),
      ...(body.hold_id !== undefined && { hold_id: body.hold_id }),
      ...(body.party_size !== undefined && { party_size: body.party_size }),
      contact: body.contact,
      ...(body.notes !== undefined && { notes: body.notes }),
      ...(body.custom_fields_by_key !== undefined && {
        custom_fields_by_key: body.custom_fields_by_key,
      }),
    },
    {
      source: 'booking_link',
      bookingLinkId: link.id,
      reservationId,
      manageTokenHash: manageTokenHash(manageTokenFor(reservationId)),
      idempotencyKey,
      idempotencyScope: `booking-link:${link.id}`,
      customFieldKeys: config.custom_field_keys,
      // Checked again under the booking's locks, for a hold_id alone too: the link offers it now.
      bookableService: (tx, serviceId) => findLinkService(tx, link, serviceId),
    },
  );
  // A replay carries the first attempt's reservation, whose token is derived from its id.
  const view = stored.body as ReservationView;
  return {
    status: stored.status,
    body: { reservation: publicReservationSummary(view), manage_token: manageTokenFor(view.id) },
  };
}

/**
 * Everything a customer can get wrong in the form, reported in one answer (the create path
 * would stop at the first rule it meets): the phone, the party size, the link's fields.
 */
async function checkCustomerInput(
  ctx: Ctx,
  input: PublicBooking,
  config: ReturnType<typeof withPageDefaults>,
  service: PublicService | null,
): Promise<void> {
  const issues: ErrorDetail[] = [];
  if (config.require_phone && !input.contact.phone) {
    issues.push({ path: 'contact.phone', message: 'A phone number is required.' });
  }
  const party = input.party_size;
  if (service && party !== undefined) {
    if (party < service.min_party_size || party > service.max_party_size) {
      issues.push({
        path: 'party_size',
        message: `Party size must be between ${service.min_party_size} and ${service.max_party_size}.`,
      });
    }
  }
  const definitions = (await loadCustomFields(ctx, 'reservation')).filter((d) =>
    config.custom_field_keys.includes(d.key),
  );
  const values = withoutNulls(input.custom_fields_by_key ?? {});
  try {
    checkCustomFieldValues(definitions, values, values, true);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    issues.push(...(error.details ?? []));
  }
  if (issues.length) throw validationError('Some details need attention.', issues);
}

/** §15 public holds: the booking form keeps its slot while the customer types. */
export async function holdFromLink(
  ctx: PublicCtx,
  slug: string,
  body: Record<string, unknown>,
  clientIp: string,
) {
  const { link, organization } = await findActiveLink(ctx.db, slug);
  const input = parseHold(PublicHoldCreateSchema, body);
  await findLinkService(ctx.db, link, input.service_id);
  const { replaces_hold_id: _replaces, ...holdBody } = body;
  const hold = await createHold(
    customerCtx(ctx.db, organization, ctx.requestId, ctx.now),
    {
      ...holdBody,
      ttl_seconds: Math.min(input.ttl_seconds ?? HOLD_TTL.default, PUBLIC_HOLD_TTL_MAX_S),
    },
    {
      public: {
        bookingLinkId: link.id,
        clientKey: clientKey(clientIp),
        caps: publicHoldCaps(),
        replacesHoldId: input.replaces_hold_id,
        bookableService: (tx, serviceId) => findLinkService(tx, link, serviceId),
      },
    },
  );
  return {
    id: hold.id,
    expires_at: hold.expires_at,
    start_datetime: hold.start_datetime,
    end_datetime: hold.end_datetime,
  };
}

/** Keeps a public hold while the page is open: up to 600 s from now, 1800 s from creation. */
export async function extendLinkHold(
  ctx: PublicCtx,
  slug: string,
  holdId: string,
  body: Record<string, unknown>,
) {
  const { link, organization } = await findActiveLink(ctx.db, slug);
  const hold = await extendHold(
    customerCtx(ctx.db, organization, ctx.requestId, ctx.now),
    holdId,
    body,
    { bookingLinkId: link.id, maxTtlSeconds: PUBLIC_HOLD_TTL_MAX_S },
  );
  return {
    id: hold.id,
    expires_at: hold.expires_at,
    start_datetime: hold.start_datetime,
    end_datetime: hold.end_datetime,
  };
}

export async function releaseLinkHold(ctx: PublicCtx, slug: string, holdId: string) {
  const { link, organization } = await findActiveLink(ctx.db, slug);
  const hold = await releaseHold(
    customerCtx(ctx.db, organization, ctx.requestId, ctx.now),
    holdId,
    {
      bookingLinkId: link.id,
    },
  );
  return { id: hold.id, released: true };
}
