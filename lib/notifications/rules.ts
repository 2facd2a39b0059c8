import type { Reservation } from '@/db/schema';
import type { ActorKind } from '@/lib/http/context';
import type { NotificationAudience, NotificationKind } from './kinds';

/**
 * Which messages a reservation change produces (§19), before the organization's settings
 * are applied (the insert does that, reading them in the same statement):
 *
 * Customer (at the contact's email, when there is one):
 * - create → `confirmation` (it says "requested" for `pending`, "confirmed" for `confirmed`);
 * - an update by anyone but the customer themselves (a customer acting on the manage page
 *   sees the result there), one message, the first that applies:
 *   became `cancelled` → `cancelled`; reopened (`cancelled` → `pending|confirmed`) →
 *   `confirmation`; moved (start or service) while live → `rescheduled`; `pending` →
 *   `confirmed` → `confirmed`. Other edits (notes, party size, custom fields) send nothing.
 * Staff (`staff_email`): every create or change made through a booking link (the customer)
 * or an AI assistant → `staff_booked`, `staff_cancelled` or `staff_changed`.
 *
 * `setting` names the switch that governs it: `confirmation_email`, `change_email`, or the
 * presence of `staff_email`.
 */
export interface PlannedMessage {
  kind: NotificationKind;
  audience: NotificationAudience;
  setting: 'confirmation' | 'change' | 'staff';
  /** The outbox event it comes from (its id is stored with the message). */
  eventType: string;
}

export const LIVE_STATUSES = ['pending', 'confirmed'];

export function plannedMessages(change: {
  before?: Reservation;
  after: Reservation;
  actor: ActorKind;
  customerEmail: string | null;
  /** The outbox events the change wrote, in order. */
  eventTypes: string[];
}): PlannedMessage[] {
  const { before, after, actor, customerEmail, eventTypes } = change;
  const planned: PlannedMessage[] = [];
  const fromOutside = actor === 'customer' || actor === 'ai_assistant';
  if (!before) {
    if (customerEmail) {
      planned.push({
        kind: 'confirmation',
        audience: 'customer',
        setting: 'confirmation',
        eventType: 'reservation.created',
      });
    }
    if (fromOutside) {
      planned.push({
        kind: 'staff_booked',
        audience: 'staff',
        setting: 'staff',
        eventType: 'reservation.created',
      });
    }
    return planned;
  }
  if (!eventTypes.length) return planned;

  const cancelled = before.status !== 'cancelled' && after.status === 'cancelled';
  const reopened = before.status === 'cancelled' && LIVE_STATUSES.includes(after.status);
  const moved =
    before.start_datetime.getTime() !== after.start_datetime.getTime() ||
    before.service_id !== after.service_id;
  const statusEvent = cancelled ? 'reservation.cancelled' : 'reservation.status_changed';
  if (customerEmail && actor !== 'customer') {
    const customer = (kind: NotificationKind, eventType: string): PlannedMessage => ({
      kind,
      audience: 'customer',
      setting: 'change',
      eventType,
    });
    if (cancelled) planned.push(customer('cancelled', statusEvent));
    else if (reopened) planned.push(customer('confirmation', statusEvent));
    else if (moved && LIVE_STATUSES.includes(after.status)) {
      planned.push(customer('rescheduled', 'reservation.rescheduled'));
    } else if (before.status === 'pending' && after.status === 'confirmed') {
      planned.push(customer('confirmed', statusEvent));
    }
  }
  if (fromOutside) {
    planned.push({
      kind: cancelled ? 'staff_cancelled' : 'staff_changed',
      audience: 'staff',
      setting: 'staff',
      eventType: cancelled ? statusEvent : eventTypes[0]!,
    });
  }
  return planned;
}

/** A booking gets a reminder while it is live and its contact has an email (and settings allow). */
export function wantsReminder(after: Reservation, customerEmail: string | null): boolean {
  return !!customerEmail && LIVE_STATUSES.includes(after.status);
}

/** Why a planned reminder was dropped, when the booking no longer wants one. */
export function reminderDropReason(after: Reservation, customerEmail: string | null): string {
  if (after.status === 'cancelled') return 'The booking was cancelled.';
  if (!LIVE_STATUSES.includes(after.status)) return `The booking is ${after.status}.`;
  if (!customerEmail) return 'The contact has no email address.';
  return 'No reminder is due for the booking’s new time.';
}
