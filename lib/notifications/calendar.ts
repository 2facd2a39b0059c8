import { bookingEvent, icsText } from '@/lib/calendar/booking-event';
import type { MessageData } from './snapshot';

/**
 * A message's calendar invite (RFC 5546 iTIP): `METHOD:REQUEST` with the booking, or
 * `METHOD:CANCEL` once it is cancelled; the organization as ORGANIZER, the contact as
 * ATTENDEE; the event itself is the booking page download's (lib/calendar/booking-event.ts),
 * so an invite, its updates and a downloaded file are one calendar entry. SEQUENCE comes with
 * the message (lib/notifications/enqueue.ts).
 */

export interface InviteOptions {
  sequence: number;
  cancel: boolean;
  organizer: { name: string; email: string };
  manageUrl: string | null;
}

export function inviteFile(data: MessageData, opts: InviteOptions): string {
  const r = data.reservation;
  return icsText({
    ...bookingEvent({
      reservationId: r.id,
      status: r.status,
      partySize: r.party_size,
      serviceName: r.service_name,
      business: data.organization.name,
      start: r.start,
      end: r.end,
      sequence: opts.sequence,
      cancelled: opts.cancel,
      manageUrl: opts.manageUrl,
    }),
    method: opts.cancel ? 'CANCEL' : 'REQUEST',
    productId: 'reservations/notifications',
    organizer: opts.organizer,
    ...(data.contact.email
      ? {
          attendees: [
            {
              name: data.contact.name || data.contact.email,
              email: data.contact.email,
              rsvp: false,
              partstat: r.status === 'pending' ? 'TENTATIVE' : 'ACCEPTED',
              role: 'REQ-PARTICIPANT',
            },
          ],
        }
      : {}),
  });
}
