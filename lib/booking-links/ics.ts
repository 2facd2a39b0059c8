import { eq } from 'drizzle-orm';
import { createEvent, type EventAttributes } from 'ics';
import { reservations } from '@/db/schema';
import type { Db } from '@/db/types';
import type { getManagedReservation } from './manage';

/**
 * A customer's booking as an iCalendar file. The UID is fixed per reservation
 * (`<id>@reservations`) and SEQUENCE grows with every change, so importing the file again
 * after a reschedule or cancellation updates the calendar entry instead of adding another.
 */

type ManagedReservation = Awaited<ReturnType<typeof getManagedReservation>>;

const STATUS = {
  pending: 'TENTATIVE',
  confirmed: 'CONFIRMED',
  cancelled: 'CANCELLED',
  completed: 'CONFIRMED',
  no_show: 'CONFIRMED',
} as const;

export const calendarUid = (reservationId: string) => `${reservationId}@reservations`;

/** Seconds between creation and the last change: a revision number that only ever grows. */
async function revision(db: Db, reservationId: string): Promise<number> {
  const [row] = await db
    .select({ created: reservations.created_at, updated: reservations.updated_at })
    .from(reservations)
    .where(eq(reservations.id, reservationId))
    .limit(1);
  if (!row) return 0;
  return Math.max(0, Math.floor((row.updated.getTime() - row.created.getTime()) / 1000));
}

export function buildCalendarFile(
  booking: ManagedReservation,
  manageUrl: string,
  sequence = 0,
): string {
  const business = booking.organization.name;
  const lines = [
    booking.status === 'pending' ? `Requested — ${business} will confirm it.` : null,
    booking.party_size > 1 ? `People: ${booking.party_size}` : null,
    booking.booking_link?.confirmation_message ?? null,
    `Change or cancel: ${manageUrl}`,
  ];
  const event: EventAttributes = {
    uid: calendarUid(booking.id),
    sequence,
    productId: 'reservations/booking',
    title: `${booking.service.name} — ${business}`,
    description: lines.filter(Boolean).join('\n\n'),
    location: business,
    url: manageUrl,
    status: STATUS[booking.status as keyof typeof STATUS] ?? 'CONFIRMED',
    busyStatus: booking.status === 'cancelled' ? 'FREE' : 'BUSY',
    start: new Date(booking.start_datetime).getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: new Date(booking.end_datetime).getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
  };
  const { error, value } = createEvent(event);
  if (error || !value) throw error ?? new Error('Could not build the calendar file.');
  return value;
}

export async function bookingCalendarFile(
  db: Db,
  booking: ManagedReservation,
  manageUrl: string,
): Promise<string> {
  return buildCalendarFile(booking, manageUrl, await revision(db, booking.id));
}
