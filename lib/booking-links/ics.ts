import { eq } from 'drizzle-orm';
import { reservations } from '@/db/schema';
import type { Db } from '@/db/types';
import { bookingEvent, icsText } from '@/lib/calendar/booking-event';
import type { getManagedReservation } from './manage';

/**
 * A customer's booking as an iCalendar file to download (`METHOD:PUBLISH`, no organizer or
 * attendee); lib/calendar/booking-event.ts says how it stays one entry across changes.
 */

type ManagedReservation = Awaited<ReturnType<typeof getManagedReservation>>;

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
  return icsText({
    ...bookingEvent({
      reservationId: booking.id,
      status: booking.status,
      partySize: booking.party_size,
      serviceName: booking.service.name,
      business: booking.organization.name,
      start: booking.start_datetime,
      end: booking.end_datetime,
      sequence,
      cancelled: booking.status === 'cancelled',
      manageUrl,
      note: booking.booking_link?.confirmation_message,
    }),
    productId: 'reservations/booking',
  });
}

export async function bookingCalendarFile(
  db: Db,
  booking: ManagedReservation,
  manageUrl: string,
): Promise<string> {
  return buildCalendarFile(booking, manageUrl, await revision(db, booking.id));
}
