import type { Reservation } from '@/db/schema';
import type { ActorKind, Ctx } from '@/lib/http/context';
import type { ReservationView } from '@/lib/reservations/serialize';

/**
 * What a message is rendered from, taken when the change is written: the booking as it was
 * then (a later change writes its own message), so every message can be rendered again —
 * when it is sent, and when an admin opens it in the Outbox — and reads the same. The
 * booking link's branding, the previous service's name and the Reply-To are added by the
 * insert itself, which reads them in the same statement (lib/notifications/enqueue.ts).
 */
export interface MessageData {
  reservation: {
    id: string;
    status: string;
    start: string;
    end: string;
    party_size: number;
    service_name: string;
    notes: string | null;
    cancellation_reason: string | null;
    cancelled_by: string | null;
    source: string;
  };
  /** The time (and service) before a reschedule. */
  previous: { start: string; end: string; service_name?: string | null } | null;
  /** The status before the change (null on create). */
  previous_status: string | null;
  contact: { name: string; email: string | null; phone: string | null };
  organization: { name: string; timezone: string };
  /** The booking link's page, when the booking came from one. */
  branding?: {
    name: string;
    slug: string;
    logo_url: string | null;
    primary_color: string | null;
  } | null;
  /** The organization's staff address at the time, as customers' Reply-To. */
  reply_to?: string | null;
  /** The booking has a manage token (it came from a booking link). */
  manageable: boolean;
  /** Where the app was reached (APP_URL or the request's origin); links are built on it. */
  origin: string | null;
  /** Who made the change. */
  actor: ActorKind;
}

export function snapshotOf(
  ctx: Pick<Ctx, 'organization' | 'actor'>,
  change: { before?: Reservation; after: Reservation; view: ReservationView },
  origin: string | null,
): MessageData {
  const { before, after, view } = change;
  const moved =
    !!before &&
    (before.start_datetime.getTime() !== after.start_datetime.getTime() ||
      before.service_id !== after.service_id);
  return {
    reservation: {
      id: after.id,
      status: after.status,
      start: after.start_datetime.toISOString(),
      end: after.end_datetime.toISOString(),
      party_size: after.party_size,
      service_name: view.service?.name ?? 'Booking',
      notes: after.notes,
      cancellation_reason: after.cancellation_reason,
      cancelled_by: after.cancelled_by,
      source: after.source,
    },
    previous: moved
      ? { start: before.start_datetime.toISOString(), end: before.end_datetime.toISOString() }
      : null,
    previous_status: before?.status ?? null,
    contact: {
      name: view.contact?.name ?? '',
      email: view.contact?.email ?? null,
      phone: view.contact?.phone ?? null,
    },
    organization: { name: ctx.organization.name, timezone: ctx.organization.timezone },
    manageable: !!after.manage_token_hash,
    origin,
    actor: ctx.actor.kind,
  };
}
