import { createEvent, type EventAttributes } from 'ics';

/**
 * A booking as an iCalendar event, shared by the booking page's download
 * (lib/booking-links/ics.ts) and the emails' invites (lib/notifications/calendar.ts). The UID
 * is fixed per reservation (`<id>@reservations`) and SEQUENCE grows with every change, so a
 * download, an invite and their updates are one calendar entry. Times are written in UTC.
 */

const STATUS = {
  pending: 'TENTATIVE',
  confirmed: 'CONFIRMED',
  cancelled: 'CANCELLED',
  completed: 'CONFIRMED',
  no_show: 'CONFIRMED',
} as const;

const calendarUid = (reservationId: string) => `${reservationId}@reservations`;

export interface BookingEventInput {
  reservationId: string;
  status: string;
  partySize: number;
  serviceName: string;
  business: string;
  start: Date | string;
  end: Date | string;
  sequence: number;
  /** The entry is cancelled (a cancelled booking, or an invite's CANCEL). */
  cancelled: boolean;
  /** The customer's manage link, when there is one; not offered on a cancelled entry. */
  manageUrl: string | null;
  /** A line of the business's own (a booking link's confirmation message). */
  note?: string | null;
}

export function bookingEvent(input: BookingEventInput): EventAttributes {
  const { business, manageUrl, cancelled } = input;
  const lines = [
    input.status === 'pending' ? `Requested — ${business} will confirm it.` : null,
    input.partySize > 1 ? `People: ${input.partySize}` : null,
    input.note ?? null,
    manageUrl && !cancelled ? `Change or cancel: ${manageUrl}` : null,
  ].filter(Boolean);
  return {
    uid: calendarUid(input.reservationId),
    sequence: input.sequence,
    title: `${input.serviceName} — ${business}`,
    ...(lines.length ? { description: lines.join('\n\n') } : {}),
    location: business,
    ...(manageUrl ? { url: manageUrl } : {}),
    status: cancelled ? 'CANCELLED' : (STATUS[input.status as keyof typeof STATUS] ?? 'CONFIRMED'),
    // TRANSP is the standard's "blocks time"; Outlook reads its own busy status.
    transp: cancelled ? 'TRANSPARENT' : 'OPAQUE',
    busyStatus: cancelled ? 'FREE' : 'BUSY',
    start: new Date(input.start).getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: new Date(input.end).getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
  };
}

/** The .ics text of one event. */
export function icsText(event: EventAttributes): string {
  const { error, value } = createEvent(event);
  if (error || !value) throw error ?? new Error('Could not build the calendar file.');
  return value;
}
