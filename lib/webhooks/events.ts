import type { Reservation } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Ctx } from '@/lib/http/context';
import type { ReservationView } from '@/lib/reservations/serialize';
import type { WebhookEventType } from './event-types';
import { notificationWrites } from '@/lib/notifications/enqueue';
import { appendEvents, type NewEvent } from './outbox';

/**
 * Which events a reservation change produces (§17), written in the change's transaction.
 * A create is `reservation.created`. An update produces one event per kind of change, in
 * this order, each with `previous` holding the old values of its own fields:
 * - `reservation.rescheduled`: start or service changed (`start_datetime`, `end_datetime`,
 *   and `service_id` if it changed);
 * - `reservation.cancelled` when the status became `cancelled`, else
 *   `reservation.status_changed` for any other status change (`status`);
 * - `reservation.updated`: any other field (party size, notes, contact, deal, company,
 *   preferred resource, custom fields, or the cancellation details of a cancelled booking).
 * A PATCH that changes nothing produces nothing. `data.reservation` is the §9 object after
 * the change.
 */

const OTHER_FIELDS = [
  'party_size',
  'preferred_resource_id',
  'contact_id',
  'deal_id',
  'company_id',
  'notes',
  'custom_fields_by_key',
] as const;
const CANCELLATION_FIELDS = ['cancelled_at', 'cancelled_by', 'cancellation_reason'] as const;
type Field = (typeof OTHER_FIELDS)[number] | (typeof CANCELLATION_FIELDS)[number];

/** A JSON text with object keys sorted, so jsonb's reordering is not taken for a change. */
function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const jsonValue = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

function changed(before: Reservation, after: Reservation, fields: readonly Field[]) {
  const previous: Record<string, unknown> = {};
  for (const field of fields) {
    if (canonical(before[field]) !== canonical(after[field])) {
      previous[field] = jsonValue(before[field]);
    }
  }
  return Object.keys(previous).length ? previous : null;
}

/** The events an update produces, as `[type, previous]` pairs. */
export function reservationChangeEvents(
  before: Reservation,
  after: Reservation,
): [WebhookEventType, Record<string, unknown>][] {
  const events: [WebhookEventType, Record<string, unknown>][] = [];
  const moved =
    before.start_datetime.getTime() !== after.start_datetime.getTime() ||
    before.service_id !== after.service_id;
  if (moved) {
    const previous: Record<string, unknown> = {
      start_datetime: before.start_datetime.toISOString(),
      end_datetime: before.end_datetime.toISOString(),
    };
    if (before.service_id !== after.service_id) previous.service_id = before.service_id;
    events.push(['reservation.rescheduled', previous]);
  }
  const statusChanged = before.status !== after.status;
  if (statusChanged) {
    events.push([
      after.status === 'cancelled' ? 'reservation.cancelled' : 'reservation.status_changed',
      { status: before.status },
    ]);
  }
  // Cancellation details follow a status change; on a booking that stays cancelled, editing
  // them (e.g. the reason) is an ordinary update.
  const others = changed(
    before,
    after,
    statusChanged ? OTHER_FIELDS : [...OTHER_FIELDS, ...CANCELLATION_FIELDS],
  );
  if (others) events.push(['reservation.updated', others]);
  return events;
}

/**
 * Writes the events of a reservation change in the caller's transaction (one statement), with
 * the email messages they lead to (§19, lib/notifications/enqueue.ts) in the same statement.
 * `before` is the row as it was (absent on create), `after` the row now, `view` its §9 object.
 */
export async function recordReservationEvents(
  tx: Db,
  ctx: Pick<Ctx, 'organization' | 'now' | 'actor'>,
  change: { before?: Reservation; after: Reservation; view: ReservationView },
): Promise<void> {
  const pairs: [WebhookEventType, Record<string, unknown> | null][] = change.before
    ? reservationChangeEvents(change.before, change.after)
    : [['reservation.created', null]];
  if (!pairs.length) return;
  const reservation = JSON.parse(JSON.stringify(change.view)) as Record<string, unknown>;
  const events: NewEvent[] = pairs.map(([type, previous]) => ({
    organizationId: ctx.organization.id,
    type,
    subjectId: change.after.id,
    data: previous ? { reservation, previous } : { reservation },
    createdAt: ctx.now,
  }));
  const also = await notificationWrites(
    ctx,
    change,
    pairs.map(([type]) => type),
  );
  await appendEvents(tx, events, { also });
}
