import { createEvent, type EventAttributes } from 'ics';
import { calendarUid } from '@/lib/booking-links/ics';
import type { MessageData } from './snapshot';

/**
 * A message's calendar invite (RFC 5546 iTIP): `METHOD:REQUEST` with the booking, or
 * `METHOD:CANCEL` once it is cancelled; the organization as ORGANIZER, the contact as
 * ATTENDEE, times in UTC. The UID is the booking page's download's (`calendarUid`), so an
 * invite, its updates and a downloaded file are one calendar entry; SEQUENCE comes with the
 * message (lib/notifications/enqueue.ts). The download's own builder (`buildCalendarFile`) is
 * not reused: it publishes (`METHOD:PUBLISH`, no organizer or attendee) and always has a
 * manage link, which staff-made bookings lack.
 */

const STATUS = {
  pending: 'TENTATIVE',
  confirmed: 'CONFIRMED',
  cancelled: 'CANCELLED',
  completed: 'CONFIRMED',
  no_show: 'CONFIRMED',
} as const;

export interface InviteOptions {
  sequence: number;
  cancel: boolean;
  organizer: { name: string; email: string };
  manageUrl: string | null;
}

export function inviteFile(data: MessageData, opts: InviteOptions): string {
  const r = data.reservation;
  const business = data.organization.name;
  const lines = [
    r.status === 'pending' ? `Requested — ${business} will confirm it.` : null,
    r.party_size > 1 ? `People: ${r.party_size}` : null,
    opts.manageUrl && !opts.cancel ? `Change or cancel: ${opts.manageUrl}` : null,
  ].filter(Boolean);
  const event: EventAttributes = {
    method: opts.cancel ? 'CANCEL' : 'REQUEST',
    uid: calendarUid(r.id),
    sequence: opts.sequence,
    productId: 'reservations/notifications',
    title: `${r.service_name} — ${business}`,
    ...(lines.length ? { description: lines.join('\n\n') } : {}),
    location: business,
    ...(opts.manageUrl ? { url: opts.manageUrl } : {}),
    status: opts.cancel ? 'CANCELLED' : (STATUS[r.status as keyof typeof STATUS] ?? 'CONFIRMED'),
    busyStatus: opts.cancel ? 'FREE' : 'BUSY',
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
    start: new Date(r.start).getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: new Date(r.end).getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
  };
  const { error, value } = createEvent(event);
  if (error || !value) throw error ?? new Error('Could not build the calendar invite.');
  return value;
}
