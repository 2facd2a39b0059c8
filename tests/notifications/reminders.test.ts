import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { Db } from '@/db/types';
import { dispatchDueMessages } from '@/lib/notifications/dispatch';
import { smtpTransport } from '@/lib/notifications/transport';
import type { TestOrg } from '../helpers/api';
import { mustBook } from '../helpers/reservations';
import {
  at,
  calendarOf,
  local,
  messagesOf,
  notificationOrg,
  parseIcs,
  patchSettings,
  startSmtp,
  type TestSmtp,
} from './helpers';

/**
 * §19 reminders: scheduled in the database when a booking is made (a pending message due at
 * start − reminder_hours_before), moved when the booking moves, dropped when it is cancelled,
 * sent by the dispatcher when due. The dispatcher's clock is injected (`now`), so "24 hours
 * before" is reached without waiting.
 */
const H = 3_600_000;
const S = 1000;

describe('reminders', () => {
  let db: Db;
  let smtp: TestSmtp;
  let org: TestOrg;
  let serviceId: string;
  const email = 'rita@guest.test';

  const dispatch = (now: Date) =>
    dispatchDueMessages(db, { organizationId: org.id, transport: smtpTransport(smtp.url), now });
  const reminders = async (reservationId: string) =>
    (await messagesOf(org.id, reservationId)).filter((m) => m.kind === 'reminder');
  const book = (start: string) =>
    mustBook(org, {
      service_id: serviceId,
      start_datetime: start,
      contact: { name: 'Rita Guest', email },
    });

  beforeAll(async () => {
    db = await getDb();
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.close();
  });
  beforeEach(async () => {
    ({ org, serviceId } = await notificationOrg());
    // The confirmations go out first, so what follows is only about reminders.
  });

  it('is planned at start − 24 h (the default) and sent once, when due', async () => {
    const start = at(20, '09:00');
    const booked = await book(start);
    await dispatch(new Date());
    const [reminder] = await reminders(booked.id);
    expect(reminder).toMatchObject({ status: 'pending', to_address: email });
    expect(reminder!.send_after.toISOString()).toBe(
      new Date(Date.parse(start) - 24 * H).toISOString(),
    );

    expect(await dispatch(new Date(Date.parse(start) - 24 * H - S))).toEqual([]);
    const before = smtp.received.length;
    const [sent] = await dispatch(new Date(Date.parse(start) - 24 * H));
    expect(sent).toMatchObject({ kind: 'reminder', status: 'sent', to: email });
    const mail = smtp.received.at(-1)!;
    expect(smtp.received.length).toBe(before + 1);
    const l = local(start, 'Europe/Paris');
    expect(mail.mail.subject).toBe(`Reminder: Haircut, ${l.short}, ${l.time}`);
    expect(mail.mail.text).toContain('A friendly reminder of your booking');
    const ics = parseIcs(calendarOf(mail));
    expect(ics.method).toBe('REQUEST');
    expect(ics.uid).toBe(`${booked.id}@reservations`);
    // Sent once: later ticks find nothing.
    expect(await dispatch(new Date(Date.parse(start) - H))).toEqual([]);
    expect((await reminders(booked.id)).map((r) => r.status)).toEqual(['sent']);
  });

  it('none for a booking made inside the window', async () => {
    const soon = new Date(Date.now() + 10 * H);
    soon.setUTCMinutes(0, 0, 0);
    const booked = await book(soon.toISOString());
    expect(await reminders(booked.id)).toEqual([]);
    expect((await messagesOf(org.id, booked.id)).map((m) => m.kind)).toEqual(['confirmation']);
  });

  it('a reschedule re-plans the same reminder at the new time; the old time sends nothing', async () => {
    const start = at(20, '10:00');
    const booked = await book(start);
    await dispatch(new Date());
    const [planned] = await reminders(booked.id);
    const later = at(25, '14:00');
    expect(
      (await org.api.patch(`/reservations/${booked.id}`, { start_datetime: later })).status,
    ).toBe(200);
    await dispatch(new Date()); // the "rescheduled" message
    const [moved, ...none] = await reminders(booked.id);
    expect(none).toEqual([]);
    expect(moved!.id).toBe(planned!.id);
    expect(moved).toMatchObject({ status: 'pending', attempt_count: 0 });
    expect(moved!.send_after.toISOString()).toBe(
      new Date(Date.parse(later) - 24 * H).toISOString(),
    );
    expect(moved!.sequence).toBeGreaterThan(planned!.sequence);

    expect(await dispatch(new Date(Date.parse(start) - 24 * H))).toEqual([]);
    const [sent] = await dispatch(new Date(Date.parse(later) - 24 * H));
    expect(sent).toMatchObject({ kind: 'reminder', status: 'sent' });
    const mail = smtp.received.at(-1)!;
    const l = local(later, 'Europe/Paris');
    expect(mail.mail.subject).toBe(`Reminder: Haircut, ${l.short}, ${l.time}`);
    expect(parseIcs(calendarOf(mail)).sequence).toBe(moved!.sequence);
  });

  it('moving a booking inside the window drops its reminder', async () => {
    const booked = await book(at(20, '11:00'));
    const soon = new Date(Date.now() + 5 * H);
    soon.setUTCMinutes(0, 0, 0);
    await org.api.patch(`/reservations/${booked.id}`, { start_datetime: soon.toISOString() });
    const [dropped] = await reminders(booked.id);
    expect(dropped).toMatchObject({ status: 'cancelled' });
    expect(dropped!.last_error).toMatch(/within the reminder window/);
  });

  it('a cancellation drops the reminder; nothing is sent when its time comes', async () => {
    const start = at(20, '12:00');
    const booked = await book(start);
    await org.api.patch(`/reservations/${booked.id}`, { status: 'cancelled' });
    const [dropped] = await reminders(booked.id);
    expect(dropped).toMatchObject({
      status: 'cancelled',
      last_error: 'The booking was cancelled.',
    });
    const results = await dispatch(new Date(Date.parse(start) - H));
    expect(results.map((r) => r.kind).sort()).toEqual(['cancelled', 'confirmation']);
    // Re-opening it plans a reminder again.
    await org.api.patch(`/reservations/${booked.id}`, { status: 'confirmed' });
    expect((await reminders(booked.id)).map((r) => r.status).sort()).toEqual([
      'cancelled',
      'pending',
    ]);
  });

  it('follows the setting: another lead time moves planned reminders; null drops them and plans none', async () => {
    await patchSettings(org, { reminder_hours_before: 2 });
    const start = at(20, '13:00');
    const booked = await book(start);
    const [planned] = await reminders(booked.id);
    expect(planned!.send_after.toISOString()).toBe(
      new Date(Date.parse(start) - 2 * H).toISOString(),
    );

    await patchSettings(org, { reminder_hours_before: 48 });
    const [moved] = await reminders(booked.id);
    expect(moved!.send_after.toISOString()).toBe(
      new Date(Date.parse(start) - 48 * H).toISOString(),
    );
    expect(moved!.status).toBe('pending');

    await patchSettings(org, { reminder_hours_before: null });
    expect((await reminders(booked.id)).map((r) => [r.status, r.last_error])).toEqual([
      ['cancelled', 'Reminders were turned off.'],
    ]);
    const other = await book(at(21, '13:00'));
    expect(await reminders(other.id)).toEqual([]);
  });
});
