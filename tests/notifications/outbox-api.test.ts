import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import type { Db } from '@/db/types';
import { dispatchDueMessages } from '@/lib/notifications/dispatch';
import { call, createTestOrg, sessionClient, signIn, type TestOrg } from '../helpers/api';
import { book, mustBook } from '../helpers/reservations';
import { at, bookPublic, messagesOf, nextStart, notificationOrg, parseIcs } from './helpers';

/**
 * Without SMTP_URL (the embedded default) messages are rendered and kept, and admins read
 * them through `GET /api/notifications(/:id)` — the Outbox page's API. Also: the settings
 * endpoint, and that a change that does not commit leaves no message.
 */

describe('kept messages and the notifications API', () => {
  let db: Db;
  let org: TestOrg;
  let serviceId: string;
  let requestServiceId: string;

  beforeAll(async () => {
    db = await getDb();
  });
  beforeEach(async () => {
    vi.stubEnv('SMTP_URL', '');
    ({ org, serviceId, requestServiceId } = await notificationOrg());
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('without SMTP_URL the dispatcher keeps messages; the list shows them, one renders in full', async () => {
    const booked = await mustBook(org, {
      service_id: requestServiceId,
      start_datetime: at(12, '09:00'),
      contact: { name: 'Kim Kept', email: 'kim@guest.test' },
    });
    const results = await dispatchDueMessages(db, { organizationId: org.id });
    expect(results).toMatchObject([{ kind: 'confirmation', status: 'kept' }]);

    const list = await org.api.get('/notifications');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 2, limit: 10, skip: 0 });
    const kept = list.body.data.find((m: { kind: string }) => m.kind === 'confirmation');
    expect(kept).toMatchObject({
      to: 'kim@guest.test',
      subject: expect.stringMatching(/^Booking requested: Colour consultation, /),
      kind: 'confirmation',
      reservation_id: booked.id,
      status: 'kept',
      sent_at: expect.any(String),
      created_at: expect.any(String),
    });
    const reminder = list.body.data.find((m: { kind: string }) => m.kind === 'reminder');
    expect(reminder).toMatchObject({ status: 'pending', sent_at: null });

    const one = await org.api.get(`/notifications/${kept.id}`);
    expect(one.status).toBe(200);
    expect(one.body.html).toMatch(/^<!DOCTYPE html/);
    expect(one.body.html).toContain('Colour consultation');
    expect(one.body.text).toContain('We’ve received your request');
    expect(one.body.ics_method).toBe('REQUEST');
    expect(parseIcs(one.body.ics)).toMatchObject({
      method: 'REQUEST',
      uid: `${booked.id}@reservations`,
      status: 'TENTATIVE',
    });
    expect(one.body.attempts).toMatchObject([{ attempt: 1, outcome: 'kept' }]);
    // A pending message renders too (a preview of what will go).
    const preview = await org.api.get(`/notifications/${reminder.id}`);
    expect(preview.body.subject).toMatch(/^Reminder: /);
    expect(preview.body.attempts).toEqual([]);
  });

  it('filters by status, kind and reservation, pages, and sorts newest first', async () => {
    const a = await mustBook(org, {
      service_id: serviceId,
      start_datetime: nextStart(),
      contact: { name: 'A', email: 'a@guest.test' },
    });
    const b = await mustBook(org, {
      service_id: serviceId,
      start_datetime: nextStart(),
      contact: { name: 'B', email: 'b@guest.test' },
    });
    await org.api.patch(`/reservations/${a.id}`, { status: 'cancelled' });
    await dispatchDueMessages(db, { organizationId: org.id });

    const byKind = await org.api.get('/notifications?kind=cancelled');
    expect(byKind.body.data.map((m: { reservation_id: string }) => m.reservation_id)).toEqual([
      a.id,
    ]);
    const byReservation = await org.api.get(`/notifications?reservation_id=${b.id}`);
    expect(byReservation.body.data.map((m: { kind: string }) => m.kind).sort()).toEqual([
      'confirmation',
      'reminder',
    ]);
    const byStatus = await org.api.get(
      '/notifications?status[$in][]=cancelled&status[$in][]=pending',
    );
    expect(
      byStatus.body.data.map((m: { kind: string; status: string }) => [m.kind, m.status]).sort(),
    ).toEqual([
      ['reminder', 'cancelled'],
      ['reminder', 'pending'],
    ]);
    const page = await org.api.get('/notifications?$limit=2&$skip=1');
    expect(page.body).toMatchObject({ total: 5, limit: 2, skip: 1 });
    expect(page.body.data).toHaveLength(2);
    const all = await org.api.get('/notifications?$limit=50');
    const created = all.body.data.map((m: { created_at: string }) => m.created_at);
    expect([...created].sort().reverse()).toEqual(created);

    expect((await org.api.get('/notifications?kind=nope')).status).toBe(400);
    expect((await org.api.get('/notifications?to=a@guest.test')).status).toBe(400);
    expect((await org.api.get('/notifications/not-a-uuid')).status).toBe(404);
  });

  it('is admin-only and per organization', async () => {
    const mine = await mustBook(org, {
      service_id: serviceId,
      start_datetime: nextStart(),
      contact: { name: 'Mine', email: 'mine@guest.test' },
    });
    const [message] = await messagesOf(org.id, mine.id);
    const other = await createTestOrg();
    expect((await other.api.get(`/notifications/${message!.id}`)).status).toBe(404);
    expect((await other.api.get('/notifications')).body.total).toBe(0);

    const staff = await other.api.post('/users', {
      name: 'Staff',
      email: `staff-${other.id.slice(0, 8)}@example.test`,
      password: 'correct horse battery',
      role: 'staff',
    });
    expect(staff.status).toBe(201);
    const session = sessionClient(
      await signIn(`staff-${other.id.slice(0, 8)}@example.test`, 'correct horse battery'),
    );
    expect((await session.get('/notifications')).status).toBe(403);
    expect((await session.get('/organizations/me/notifications')).status).toBe(200);
    expect(
      (await session.patch('/organizations/me/notifications', { change_email: false })).status,
    ).toBe(403);
    expect((await call('GET', '/notifications')).status).toBe(401);
  });

  it('settings: defaults, partial updates, strict validation', async () => {
    const initial = await org.api.get('/organizations/me/notifications');
    expect(initial.body).toEqual({
      confirmation_email: true,
      change_email: true,
      reminder_hours_before: 24,
      staff_email: null,
    });
    const patched = await org.api.patch('/organizations/me/notifications', {
      staff_email: 'desk@salon.test',
      reminder_hours_before: 168,
    });
    expect(patched.body).toEqual({
      confirmation_email: true,
      change_email: true,
      reminder_hours_before: 168,
      staff_email: 'desk@salon.test',
    });
    const again = await org.api.patch('/organizations/me/notifications', {
      confirmation_email: false,
      staff_email: null,
    });
    expect(again.body).toMatchObject({
      confirmation_email: false,
      reminder_hours_before: 168,
      staff_email: null,
    });
    for (const [body, path] of [
      [{ reminder_hours_before: 0 }, 'reminder_hours_before'],
      [{ reminder_hours_before: 169 }, 'reminder_hours_before'],
      [{ reminder_hours_before: 2.5 }, 'reminder_hours_before'],
      [{ staff_email: 'not-an-email' }, 'staff_email'],
      [{ change_email: 'yes' }, 'change_email'],
      [{ sms: true }, 'sms'],
    ] as const) {
      const res = await org.api.patch('/organizations/me/notifications', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_error');
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect((await org.api.get('/organizations/me/notifications')).body.confirmation_email).toBe(
      false,
    );
  });

  it('a change that does not commit writes no message: a refused create, a replay, a 400', async () => {
    const start = nextStart();
    const first = await book(
      org,
      {
        service_id: serviceId,
        start_datetime: start,
        contact: { name: 'I', email: 'i@guest.test' },
      },
      { 'idempotency-key': `key-${org.id}` },
    );
    expect(first.status).toBe(201);
    const replay = await book(
      org,
      {
        service_id: serviceId,
        start_datetime: start,
        contact: { name: 'I', email: 'i@guest.test' },
      },
      { 'idempotency-key': `key-${org.id}` },
    );
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(first.body.id);
    expect((await messagesOf(org.id)).map((m) => m.kind).sort()).toEqual([
      'confirmation',
      'reminder',
    ]);

    // A one-unit service, taken: the second booking is refused with 409 and writes nothing.
    const { serviceId: single } = await (async () => {
      const svc = await org.api.post('/reservation-services', {
        name: 'Single',
        duration_minutes: 60,
      });
      const res = await org.api.post('/reservation-resources', { name: 'Chair', quantity: 1 });
      for (const day of [0, 1, 2, 3, 4, 5, 6]) {
        await org.api.post('/reservation-resource-availability', {
          resource_id: res.body.id,
          day_of_week: day,
          start_time: '00:00',
          end_time: '24:00',
        });
      }
      await org.api.post('/reservation-service-resources', {
        service_id: svc.body.id,
        resource_id: res.body.id,
      });
      return { serviceId: svc.body.id as string };
    })();
    const slot = at(14, '10:00');
    await mustBook(org, {
      service_id: single,
      start_datetime: slot,
      contact: { name: 'J', email: 'j@guest.test' },
    });
    const before = (await messagesOf(org.id)).length;
    const refused = await book(org, {
      service_id: single,
      start_datetime: slot,
      contact: { name: 'K', email: 'k@guest.test' },
    });
    expect(refused.status).toBe(409);
    const invalid = await book(org, {
      service_id: single,
      start_datetime: slot,
      party_size: 0,
      contact: { name: 'L', email: 'l@guest.test' },
    });
    expect(invalid.status).toBe(400);
    // A refused move leaves the booking's reminder where it was.
    const k = await mustBook(org, {
      service_id: single,
      start_datetime: at(15, '10:00'),
      contact: { name: 'M', email: 'm@guest.test' },
    });
    const reminderBefore = (await messagesOf(org.id, k.id)).find((m) => m.kind === 'reminder')!;
    const move = await org.api.patch(`/reservations/${k.id}`, { start_datetime: slot });
    expect(move.status).toBe(409);
    const reminderAfter = (await messagesOf(org.id, k.id)).find((m) => m.kind === 'reminder')!;
    expect(reminderAfter).toEqual(reminderBefore);
    expect((await messagesOf(org.id)).length).toBe(before + 2);
  });

  it('a replayed public booking writes nothing more either', async () => {
    const slug = `kept-${org.id.slice(0, 8)}`;
    await org.api.post('/reservation-booking-links', {
      slug,
      name: 'Kept page',
      service_ids: [serviceId],
    });
    const body = {
      service_id: serviceId,
      start_datetime: nextStart(),
      contact: { name: 'Pat', email: 'pat@guest.test' },
    };
    const first = await bookPublic(slug, body, 'public-key-1');
    const second = await bookPublic(slug, body, 'public-key-1');
    expect(first.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect((await messagesOf(org.id, first.body.reservation.id)).map((m) => m.kind).sort()).toEqual(
      ['confirmation', 'reminder'],
    );
  });
});
