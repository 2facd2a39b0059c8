import { describe, expect, it } from 'vitest';
import { bookingEvent, icsText, type BookingEventInput } from './booking-event';

/** The VEVENT's properties, unfolded (iCalendar wraps long lines with CRLF + a space). */
function properties(ics: string): Record<string, string> {
  const lines = ics.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const start = lines.indexOf('BEGIN:VEVENT');
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1, lines.indexOf('END:VEVENT'))) {
    const at = line.indexOf(':');
    const name = line.slice(0, at).split(';')[0]!;
    out[name] ??= line.slice(at + 1);
  }
  return out;
}

const base: BookingEventInput = {
  reservationId: '11111111-2222-4333-8444-555555555555',
  status: 'confirmed',
  partySize: 1,
  serviceName: 'Beard trim',
  business: 'Maple Hair Studio',
  start: '2027-03-14T15:00:00Z',
  end: '2027-03-14T15:20:00.000Z',
  sequence: 3,
  cancelled: false,
  manageUrl: 'https://example.test/book/manage/abc',
};

const ics = (over: Partial<BookingEventInput> = {}) =>
  properties(icsText({ ...bookingEvent({ ...base, ...over }), productId: 'test' }));
const text = (description: string | undefined) => (description ?? '').replace(/\\n/g, '\n');

describe('bookingEvent', () => {
  it('one entry per reservation: fixed UID, the given SEQUENCE, UTC times', () => {
    const p = ics();
    expect(p.UID).toBe(`${base.reservationId}@reservations`);
    expect(p.SEQUENCE).toBe('3');
    expect(p.DTSTART).toBe('20270314T150000Z');
    expect(p.DTEND).toBe('20270314T152000Z');
    expect(p.SUMMARY).toBe('Beard trim — Maple Hair Studio');
    expect(p.LOCATION).toBe('Maple Hair Studio');
    expect(p.STATUS).toBe('CONFIRMED');
    expect(p.TRANSP).toBe('OPAQUE');
    expect(p['X-MICROSOFT-CDO-BUSYSTATUS']).toBe('BUSY');
    expect(p.URL).toBe(base.manageUrl);
    expect(text(p.DESCRIPTION)).toBe(`Change or cancel: ${base.manageUrl}`);
  });

  it.each([
    ['pending', 'TENTATIVE'],
    ['confirmed', 'CONFIRMED'],
    ['completed', 'CONFIRMED'],
    ['no_show', 'CONFIRMED'],
  ])('status %s → %s', (status, expected) => {
    expect(ics({ status }).STATUS).toBe(expected);
  });

  it('a request says the business will confirm it; a party says its size; a note is kept', () => {
    const description = text(
      ics({ status: 'pending', partySize: 4, note: 'See you soon!' }).DESCRIPTION,
    );
    expect(description.split('\n\n')).toEqual([
      'Requested — Maple Hair Studio will confirm it.',
      'People: 4',
      'See you soon!',
      `Change or cancel: ${base.manageUrl}`,
    ]);
  });

  it('a cancelled entry is cancelled, free time, and offers no change link', () => {
    const p = ics({ status: 'cancelled', cancelled: true });
    expect(p.STATUS).toBe('CANCELLED');
    expect(p.TRANSP).toBe('TRANSPARENT');
    expect(p['X-MICROSOFT-CDO-BUSYSTATUS']).toBe('FREE');
    expect(p.DESCRIPTION).toBeUndefined();
    // An invite's CANCEL of a booking whose row is not (yet) cancelled reads the same.
    expect(ics({ cancelled: true }).STATUS).toBe('CANCELLED');
  });

  it('without a manage link (a staff-made booking): no URL and no change line', () => {
    const p = ics({ manageUrl: null });
    expect(p.URL).toBeUndefined();
    expect(p.DESCRIPTION).toBeUndefined();
  });
});
