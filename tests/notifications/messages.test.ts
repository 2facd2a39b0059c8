import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { Db } from '@/db/types';
import { manageTokenFor } from '@/lib/booking-links/manage-token';
import { dispatchDueMessages } from '@/lib/notifications/dispatch';
import { smtpTransport } from '@/lib/notifications/transport';
import { call, type TestOrg } from '../helpers/api';
import { mustBook, mustCreate } from '../helpers/reservations';
import {
  at,
  bookPublic,
  calendarOf,
  icsInstant,
  local,
  messagesOf,
  nextStart,
  notificationOrg,
  parseIcs,
  patchSettings,
  startSmtp,
  type Received,
  type TestSmtp,
} from './helpers';

/**
 * §19 messages, end to end: a change through the API (or a booking page) writes its messages
 * in its transaction; the dispatcher's email queue sends them to a real SMTP server on
 * 127.0.0.1; what arrives is parsed back (mailparser) and its .ics read as RFC 5545 says.
 */

describe('notification messages over SMTP', () => {
  let db: Db;
  let smtp: TestSmtp;
  let org: TestOrg;
  let serviceId: string;
  let requestServiceId: string;
  const transport = () => smtpTransport(smtp.url);
  const STAFF = 'front-desk@salon.test';
  const PARIS = 'Europe/Paris';

  /** Sends what is due for this organization and returns what arrived since the last call. */
  let seen = 0;
  async function deliver(now?: Date): Promise<Received[]> {
    const results = await dispatchDueMessages(db, {
      organizationId: org.id,
      transport: transport(),
      now,
    });
    for (const r of results) expect(r.status, `${r.kind}: ${r.error}`).toBe('sent');
    const fresh = smtp.received.slice(seen);
    seen = smtp.received.length;
    return fresh;
  }
  const to = (received: Received[], address: string) =>
    received.filter((r) => r.envelope.to.includes(address));

  beforeAll(async () => {
    db = await getDb();
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.close();
  });
  beforeEach(async () => {
    ({ org, serviceId, requestServiceId } = await notificationOrg());
    seen = smtp.received.length;
  });

  it('a confirmed booking: "confirmed" confirmation with the time in Paris, named, and a REQUEST invite', async () => {
    const start = at(40, '15:00');
    const end = new Date(Date.parse(start) + 45 * 60_000).toISOString();
    const booked = await mustBook(org, {
      service_id: serviceId,
      start_datetime: start,
      party_size: 1,
      contact: { name: 'Ann Guest', email: 'ann@guest.test' },
    });
    const [mail, ...others] = await deliver();
    expect(others).toEqual([]);
    const s = local(start, PARIS);
    const e = local(end, PARIS);
    expect(mail!.envelope.to).toEqual(['ann@guest.test']);
    expect(mail!.mail.subject).toBe(`Booking confirmed: Haircut, ${s.short}, ${s.time}`);
    expect(mail!.mail.from?.value[0]?.name).toMatch(/^Key Org /);
    const html = String(mail!.mail.html);
    const text = mail!.mail.text ?? '';
    for (const body of [html, text]) {
      expect(body).toContain('Haircut');
      expect(body).toContain(s.date);
      expect(body).toContain(`${s.time}–${e.time}`);
      expect(body).toContain(`${s.zone} (Europe/Paris)`);
      expect(body).toContain(mail!.mail.from!.value[0]!.name);
    }
    expect(s.zone).toMatch(/^Central European (Standard|Summer) Time$/);
    // A staff-made booking has no manage token, hence no manage link.
    expect(html).not.toContain('/book/manage/');

    const ics = parseIcs(calendarOf(mail!));
    expect(ics.begin).toMatchObject({ name: 'BEGIN', value: 'VCALENDAR' });
    expect(ics.end).toMatchObject({ name: 'END', value: 'VCALENDAR' });
    expect(ics.events).toBe(1);
    expect(ics.method).toBe('REQUEST');
    expect(ics.uid).toBe(`${booked.id}@reservations`);
    expect(ics.sequence).toBe(0);
    expect(ics.status).toBe('CONFIRMED');
    expect(icsInstant(ics.dtstart)).toBe(start);
    expect(icsInstant(ics.dtend)).toBe(end);
    expect(ics.organizer?.value.toLowerCase()).toMatch(/^mailto:/);
    expect(ics.attendee?.value.toLowerCase()).toBe('mailto:ann@guest.test');
    expect(ics.attendee?.params.join(';')).toContain('CN="Ann Guest"');
    // The mail says what the part is: a text/calendar invite with its method.
    expect(mail!.raw).toMatch(/text\/calendar; ?charset=utf-8; ?method=REQUEST/i);
  });

  it('a pending booking says "requested"; confirming it sends "confirmed"; moving it sends old and new time; cancelling sends CANCEL — one UID, SEQUENCE rising', async () => {
    const first0 = at(50, '08:00');
    const booked = await mustBook(org, {
      service_id: requestServiceId,
      start_datetime: first0,
      contact: { name: 'Bo Client', email: 'bo@guest.test' },
    });
    expect(booked.status).toBe('pending');
    const f = local(first0, PARIS);
    const [requested] = await deliver();
    expect(requested!.mail.subject).toBe(
      `Booking requested: Colour consultation, ${f.short}, ${f.time}`,
    );
    expect(String(requested!.mail.html)).toContain('Requested');
    expect(requested!.mail.text).toContain(`${f.zone} (Europe/Paris)`);
    const first = parseIcs(calendarOf(requested!));
    expect(first.status).toBe('TENTATIVE');

    await org.api.patch(`/reservations/${booked.id}`, { status: 'confirmed' });
    const [confirmed] = await deliver();
    expect(confirmed!.mail.subject).toBe(
      `Booking confirmed: Colour consultation, ${f.short}, ${f.time}`,
    );
    expect(confirmed!.mail.text).toContain('has confirmed your booking request');
    const second = parseIcs(calendarOf(confirmed!));
    expect(second.status).toBe('CONFIRMED');

    const moved0 = at(51, '12:30');
    const m = local(moved0, PARIS);
    await org.api.patch(`/reservations/${booked.id}`, { start_datetime: moved0 });
    const [moved] = await deliver();
    expect(moved!.mail.subject).toBe(
      `Booking rescheduled: Colour consultation, now ${m.short}, ${m.time}`,
    );
    const movedText = moved!.mail.text ?? '';
    const line = (label: string) => movedText.split('\n').find((l) => l.startsWith(label)) ?? '';
    expect(line('When:')).toMatch(new RegExp(`^When: +${m.date}, ${m.time}–`));
    expect(line('Was:')).toMatch(new RegExp(`^Was: +${f.date}, ${f.time}–.*\\(old time\\)$`));
    expect(String(moved!.mail.html)).toContain('line-through');
    const third = parseIcs(calendarOf(moved!));
    expect(icsInstant(third.dtstart)).toBe(moved0);

    await org.api.patch(`/reservations/${booked.id}`, {
      status: 'cancelled',
      cancellation_reason: 'The stylist is ill.',
    });
    const [cancelled] = await deliver();
    expect(cancelled!.mail.subject).toBe(
      `Booking cancelled: Colour consultation, ${m.short}, ${m.time}`,
    );
    expect(cancelled!.mail.text).toContain('Reason: “The stylist is ill.”');
    const fourth = parseIcs(calendarOf(cancelled!));
    expect(fourth.method).toBe('CANCEL');
    expect(fourth.status).toBe('CANCELLED');
    expect(cancelled!.raw).toMatch(/method=CANCEL/i);

    const all = [first, second, third, fourth];
    expect(new Set(all.map((i) => i.uid))).toEqual(new Set([`${booked.id}@reservations`]));
    for (let i = 1; i < all.length; i += 1) {
      expect(all[i]!.sequence).toBeGreaterThan(all[i - 1]!.sequence);
    }
    // Nothing else went out: no staff mail for API changes, no mail for a note.
    await org.api.patch(`/reservations/${booked.id}`, { notes: 'called back' });
    expect(await deliver()).toEqual([]);
  });

  it('declining a request says so; a contact without email gets nothing', async () => {
    const request = await mustBook(org, {
      service_id: requestServiceId,
      start_datetime: nextStart(),
      contact: { name: 'Cy Client', email: 'cy@guest.test' },
    });
    await deliver();
    await org.api.patch(`/reservations/${request.id}`, { status: 'cancelled' });
    const [declined] = await deliver();
    expect(declined!.mail.subject).toMatch(/^Booking request declined: Colour consultation/);

    const silent = await mustBook(org, {
      service_id: serviceId,
      start_datetime: nextStart(),
      contact: { name: 'No Mail' },
    });
    await org.api.patch(`/reservations/${silent.id}`, { status: 'cancelled' });
    expect(await messagesOf(org.id, silent.id)).toEqual([]);
    expect(await deliver()).toEqual([]);
  });

  describe('from a booking link', () => {
    let slug: string;
    beforeEach(async () => {
      slug = `salon-${org.id.slice(0, 8)}`;
      await mustCreate(org, '/reservation-booking-links', {
        slug,
        name: 'Main page',
        service_ids: [serviceId],
        page_config: {
          primary_color: '#0f766e',
          logo_url: 'https://cdn.example.com/salon-logo.png',
        },
      });
      await patchSettings(org, { staff_email: STAFF });
    });

    it('the customer gets the confirmation with the manage link and the link’s brand; the staff address hears of it', async () => {
      const res = await bookPublic(slug, {
        service_id: serviceId,
        start_datetime: nextStart(),
        contact: { name: 'Dee Customer', email: 'dee@guest.test' },
        notes: 'Short please',
      });
      expect(res.status).toBe(201);
      const id = res.body.reservation.id as string;
      const mails = await deliver();
      expect(mails).toHaveLength(2);
      const [customer] = to(mails, 'dee@guest.test');
      const [staff] = to(mails, STAFF);
      const manageUrl = `http://localhost:3000/book/manage/${manageTokenFor(id)}`;
      expect(res.body.manage_token).toBe(manageTokenFor(id));
      const html = String(customer!.mail.html);
      expect(html).toContain(`href="${manageUrl}"`);
      expect(html).toContain('Manage booking');
      expect(html).toContain('#0f766e');
      expect(html).toContain('https://cdn.example.com/salon-logo.png');
      expect(customer!.mail.text).toContain(`Manage booking: ${manageUrl}`);
      expect(customer!.mail.replyTo?.value[0]?.address).toBe(STAFF);
      expect(parseIcs(calendarOf(customer!)).method).toBe('REQUEST');

      expect(staff!.mail.subject).toMatch(/^New booking: Dee Customer, Haircut, /);
      expect(staff!.mail.text).toContain(
        'Dee Customer booked Haircut through the booking link “Main page”.',
      );
      expect(staff!.mail.text).toContain('dee@guest.test');
      expect(staff!.mail.text).toContain('Short please');
      expect(
        staff!.mail.attachments.filter((a) => a.contentType.startsWith('text/calendar')),
      ).toEqual([]);
    });

    it('a customer moving or cancelling on the manage page gets no email for it; the staff address does', async () => {
      const res = await bookPublic(slug, {
        service_id: serviceId,
        start_datetime: nextStart(),
        contact: { name: 'Eve Customer', email: 'eve@guest.test' },
      });
      const token = res.body.manage_token as string;
      await deliver();

      const moved = await call('POST', `/public/reservations/${token}/reschedule`, {
        body: { start_datetime: nextStart() },
      });
      expect(moved.status).toBe(200);
      const afterMove = await deliver();
      expect(afterMove.map((m) => m.envelope.to)).toEqual([[STAFF]]);
      expect(afterMove[0]!.mail.subject).toMatch(/^Booking changed: Eve Customer, Haircut/);
      expect(afterMove[0]!.mail.text).toContain('moved their booking to a new time');
      expect(afterMove[0]!.mail.text).toMatch(/Was:/);

      const cancelled = await call('POST', `/public/reservations/${token}/cancel`, {
        body: { reason: 'Away that week' },
      });
      expect(cancelled.status).toBe(200);
      const afterCancel = await deliver();
      expect(afterCancel.map((m) => m.envelope.to)).toEqual([[STAFF]]);
      expect(afterCancel[0]!.mail.subject).toMatch(/^Booking cancelled: Eve Customer, Haircut/);
      expect(afterCancel[0]!.mail.text).toContain('Reason: “Away that week”');
    });

    it('staff cancelling a link booking: the customer gets "cancelled" with "book another time"; the staff address does not', async () => {
      const res = await bookPublic(slug, {
        service_id: serviceId,
        start_datetime: nextStart(),
        contact: { name: 'Fay Customer', email: 'fay@guest.test' },
      });
      await deliver();
      await org.api.patch(`/reservations/${res.body.reservation.id}`, { status: 'cancelled' });
      const mails = await deliver();
      expect(mails.map((m) => m.envelope.to)).toEqual([['fay@guest.test']]);
      expect(String(mails[0]!.mail.html)).toContain(`/book/${slug}`);
      expect(mails[0]!.mail.text).toContain('Book another time:');
    });
  });

  it('an AI assistant’s booking and change: the customer is told of both, the staff address too', async () => {
    await patchSettings(org, { staff_email: STAFF });
    const assistant = await mustCreate(org, '/ai-assistants', {
      name: 'Front desk bot',
      internal_tools: { tools: ['create_reservation', 'update_reservation'] },
    });
    const created = await org.api.post(`/ai-assistants/${assistant.id}/tool-calls`, {
      tool: 'create_reservation',
      arguments: {
        service_id: serviceId,
        start_datetime: nextStart(),
        contact: { name: 'Hal Guest', email: 'hal@guest.test' },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = created.body.result.id as string;
    const booked = await deliver();
    expect(to(booked, 'hal@guest.test').map((m) => m.mail.subject)).toEqual([
      expect.stringMatching(/^Booking confirmed: Haircut, /),
    ]);
    expect(to(booked, STAFF)[0]!.mail.text).toContain(
      'Hal Guest booked Haircut through the AI assistant.',
    );

    const moved = await org.api.post(`/ai-assistants/${assistant.id}/tool-calls`, {
      tool: 'update_reservation',
      arguments: { id, start_datetime: nextStart() },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const changed = await deliver();
    expect(to(changed, 'hal@guest.test').map((m) => m.mail.subject)).toEqual([
      expect.stringMatching(/^Booking rescheduled: Haircut, now /),
    ]);
    expect(to(changed, STAFF)[0]!.mail.text).toContain(
      'The booking of Hal Guest was moved through the AI assistant.',
    );
  });

  it('settings turn confirmations and change emails off', async () => {
    await patchSettings(org, { confirmation_email: false });
    const booked = await mustBook(org, {
      service_id: serviceId,
      start_datetime: nextStart(),
      contact: { name: 'Gil Guest', email: 'gil@guest.test' },
    });
    expect(await deliver()).toEqual([]);
    await org.api.patch(`/reservations/${booked.id}`, { start_datetime: nextStart() });
    expect((await deliver()).map((m) => m.mail.subject)).toEqual([
      expect.stringMatching(/^Booking rescheduled: /),
    ]);
    await patchSettings(org, { change_email: false, confirmation_email: true });
    await org.api.patch(`/reservations/${booked.id}`, { status: 'cancelled' });
    expect(await deliver()).toEqual([]);
    expect((await messagesOf(org.id, booked.id)).map((m) => [m.kind, m.status])).toEqual(
      expect.arrayContaining([
        ['rescheduled', 'sent'],
        ['reminder', 'cancelled'],
      ]),
    );
  });
});
