import { formatWhen, type FormattedWhen } from './format';
import type { NotificationKind } from './kinds';
import type { MessageData } from './snapshot';

/**
 * The words of each message, shared by its HTML (email/BookingEmail.tsx) and its plain-text
 * part (render.ts), so the two always say the same thing. Pure: the data and the links in,
 * the content out.
 */

export type Tone = 'success' | 'warning' | 'danger' | 'brand' | 'neutral';

export interface DetailRow {
  label: string;
  value: string;
  /** A second line under the value (the time zone). */
  note?: string;
  /** Shown struck through (the old time of a reschedule). */
  struck?: boolean;
}

export interface MessageContent {
  subject: string;
  /** The inbox's preview line. */
  preheader: string;
  badge: { label: string; tone: Tone };
  heading: string;
  paragraphs: string[];
  details: DetailRow[];
  /** A quoted note under the details (a cancellation reason, the customer's notes). */
  quote: { label: string; text: string } | null;
  action: { label: string; url: string } | null;
  /** Small print above the footer. */
  footnote: string | null;
}

export interface MessageLinks {
  /** `<origin>/book/manage/<token>` when the booking has a manage token. */
  manageUrl: string | null;
  /** The booking link's page, for "book another time". */
  bookUrl: string | null;
  /** The staff app's reservations page. */
  staffUrl: string;
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] || 'there';

function actorPhrase(data: MessageData): string {
  if (data.actor === 'ai_assistant') return 'the AI assistant';
  const link = data.branding?.name;
  return link ? `the booking link “${link}”` : 'a booking link';
}

/** The subject, also stored with the message when it is written (the list shows it). */
export function subjectFor(kind: NotificationKind, data: MessageData): string {
  const r = data.reservation;
  const when = formatWhen(r.start, r.end, data.organization.timezone).short;
  const what = `${r.service_name}, ${when}`;
  const who = data.contact.name || 'A customer';
  switch (kind) {
    case 'confirmation':
      return r.status === 'pending' ? `Booking requested: ${what}` : `Booking confirmed: ${what}`;
    case 'confirmed':
      return `Booking confirmed: ${what}`;
    case 'rescheduled':
      return `Booking rescheduled: ${r.service_name}, now ${when}`;
    case 'cancelled':
      return isDeclined(data) ? `Booking request declined: ${what}` : `Booking cancelled: ${what}`;
    case 'reminder':
      return `Reminder: ${what}`;
    case 'staff_booked':
      return `New booking${r.status === 'pending' ? ' request' : ''}: ${who}, ${what}`;
    case 'staff_changed':
      return `Booking changed: ${who}, ${what}`;
    case 'staff_cancelled':
      return `Booking cancelled: ${who}, ${what}`;
  }
}

/** A request the business turned down (pending → cancelled, not by the customer). */
const isDeclined = (data: MessageData) =>
  data.previous_status === 'pending' && data.reservation.cancelled_by === 'organization';

function bookingRows(
  data: MessageData,
  when: FormattedWhen,
  opts: { staff: boolean; previous: boolean },
) {
  const r = data.reservation;
  const rows: DetailRow[] = [];
  if (opts.staff) {
    const contact = [data.contact.email, data.contact.phone].filter(Boolean).join(' · ');
    rows.push({ label: 'Customer', value: data.contact.name || '—', note: contact || undefined });
  }
  rows.push({ label: 'Service', value: r.service_name });
  rows.push({ label: 'When', value: `${when.date}, ${when.time}`, note: when.zone });
  if (opts.previous && data.previous) {
    const old = formatWhen(data.previous.start, data.previous.end, data.organization.timezone);
    const service = data.previous.service_name;
    rows.push({
      label: 'Was',
      value: `${old.date}, ${old.time}${service && service !== r.service_name ? ` (${service})` : ''}`,
      struck: true,
    });
  }
  rows.push({ label: 'Where', value: data.organization.name });
  if (r.party_size > 1) rows.push({ label: 'People', value: String(r.party_size) });
  return rows;
}

export function messageContent(
  kind: NotificationKind,
  data: MessageData,
  links: MessageLinks,
): MessageContent {
  const r = data.reservation;
  const org = data.organization.name;
  const when = formatWhen(r.start, r.end, data.organization.timezone);
  const hi = `Hi ${firstName(data.contact.name)},`;
  const pending = r.status === 'pending';
  const manage = links.manageUrl ? { label: 'Manage booking', url: links.manageUrl } : null;
  const calendarNote = 'The attached invite (invite.ics) adds it to your calendar.';
  const base = {
    subject: subjectFor(kind, data),
    // The old time belongs to the message about the move (a reminder planned by it has none).
    details: bookingRows(data, when, {
      staff: kind.startsWith('staff_'),
      previous: kind === 'rescheduled' || kind === 'staff_changed',
    }),
    quote: null,
    footnote: links.manageUrl
      ? `${calendarNote} Need to change or cancel? Use the manage link above.`
      : calendarNote,
  };
  const statusBadge = pending
    ? { label: 'Requested', tone: 'warning' as const }
    : { label: 'Confirmed', tone: 'success' as const };

  switch (kind) {
    case 'confirmation': {
      const reopened = data.previous_status === 'cancelled';
      return {
        ...base,
        preheader: pending
          ? `${org} has your request for ${when.short} and will confirm it soon.`
          : `${r.service_name} on ${when.short}. See you then!`,
        badge: statusBadge,
        heading: reopened
          ? 'Your booking is back on'
          : pending
            ? 'We’ve received your request'
            : 'You’re booked',
        paragraphs: [
          hi,
          reopened
            ? `${org} has reinstated your booking. Here are the details again.`
            : pending
              ? `Thanks for booking with ${org}. Your request is in — they’ll confirm it shortly, and we’ll email you as soon as they do.`
              : `Your booking with ${org} is confirmed. Here are the details.`,
        ],
        action: manage,
      };
    }
    case 'confirmed':
      return {
        ...base,
        preheader: `${org} confirmed ${r.service_name} on ${when.short}.`,
        badge: statusBadge,
        heading: 'Your booking is confirmed',
        paragraphs: [hi, `Good news: ${org} has confirmed your booking request.`],
        action: manage,
      };
    case 'rescheduled':
      return {
        ...base,
        preheader: `New time: ${when.short}.`,
        badge: { label: 'New time', tone: 'brand' },
        heading: 'Your booking has a new time',
        paragraphs: [
          hi,
          `${org} moved your booking. The new time is below, and the calendar invite is updated to match.`,
        ],
        action: manage,
      };
    case 'cancelled': {
      const declined = isDeclined(data);
      return {
        ...base,
        preheader: declined
          ? `${org} could not accept your request for ${when.short}.`
          : `${r.service_name} on ${when.short} is cancelled.`,
        badge: { label: declined ? 'Declined' : 'Cancelled', tone: 'danger' },
        heading: declined ? 'Your request was declined' : 'Your booking is cancelled',
        paragraphs: [
          hi,
          declined
            ? `Sorry — ${org} could not accept your booking request.`
            : `Your booking with ${org} has been cancelled. Nothing else is needed from you.`,
        ],
        details: base.details,
        quote: r.cancellation_reason ? { label: 'Reason', text: r.cancellation_reason } : null,
        action: links.bookUrl ? { label: 'Book another time', url: links.bookUrl } : null,
        footnote: 'The attached update (invite.ics) removes it from your calendar.',
      };
    }
    case 'reminder':
      return {
        ...base,
        preheader: `${r.service_name} with ${org}, ${when.short}.`,
        badge: { label: 'Reminder', tone: 'brand' },
        heading: 'Your booking is coming up',
        paragraphs: [
          hi,
          `A friendly reminder of your ${pending ? 'requested ' : ''}booking with ${org}.`,
        ],
        action: manage,
      };
    case 'staff_booked':
    case 'staff_changed':
    case 'staff_cancelled': {
      const who = data.contact.name || 'A customer';
      const via = actorPhrase(data);
      const byCustomer = data.actor === 'customer';
      const sentence =
        kind === 'staff_booked'
          ? `${who} booked ${r.service_name} through ${via}.${pending ? ' It waits for your confirmation.' : ''}`
          : kind === 'staff_cancelled'
            ? byCustomer
              ? `${who} cancelled their booking from the manage page.`
              : `The booking of ${who} was cancelled through ${via}.`
            : data.previous
              ? byCustomer
                ? `${who} moved their booking to a new time from the manage page.`
                : `The booking of ${who} was moved through ${via}.`
              : byCustomer
                ? `${who} changed their booking from the manage page.`
                : `The booking of ${who} was changed through ${via}.`;
      const note =
        kind === 'staff_cancelled'
          ? r.cancellation_reason
          : kind === 'staff_booked'
            ? r.notes
            : null;
      return {
        ...base,
        preheader: sentence,
        badge:
          kind === 'staff_cancelled'
            ? { label: 'Cancelled', tone: 'danger' }
            : kind === 'staff_changed'
              ? { label: 'Changed', tone: 'brand' }
              : statusBadge,
        heading:
          kind === 'staff_booked'
            ? pending
              ? 'New booking request'
              : 'New booking'
            : kind === 'staff_cancelled'
              ? 'Booking cancelled'
              : 'Booking changed',
        paragraphs: [sentence],
        quote: note
          ? { label: kind === 'staff_cancelled' ? 'Reason' : 'Customer’s note', text: note }
          : null,
        action: { label: 'Open reservations', url: links.staffUrl },
        footnote: `You receive these because ${org}’s notification settings send booking activity to this address.`,
      };
    }
  }
}
