import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { bookingCalendarFile } from '@/lib/booking-links/ics';
import { getManagedReservation } from '@/lib/booking-links/manage';
import { AppError } from '@/lib/http/errors';
import { publicOrigin } from '@/lib/notifications/origin';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The booking as an .ics file (the same UID every time, so calendars update, not duplicate). */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = await getDb();
  try {
    const booking = await getManagedReservation(
      { db, requestId: randomUUID(), now: new Date() },
      token,
    );
    // APP_URL; in development the address the customer used (req.url carries the server's
    // bind address, e.g. 0.0.0.0), checked like the links in emails.
    const origin = publicOrigin(req);
    const manageUrl = `${origin}/book/manage/${token}`;
    const file = await bookingCalendarFile(db, booking, manageUrl);
    return new Response(file, {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="booking.ics"',
        'cache-control': 'private, no-store',
        'referrer-policy': 'same-origin',
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.status === 404) {
      return new Response('Booking not found.', { status: 404 });
    }
    throw error;
  }
}
