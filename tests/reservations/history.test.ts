import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, sessionClient, type TestOrg } from '../helpers/api';
import { futureDate, makeService } from '../helpers/catalog';
import { insertReservation, keyOrg, mustBook, mustCreate } from '../helpers/reservations';
import { addUser } from '../api/fixtures';

/** GET /api/reservations/:id/history: the status changes create and PATCH record, oldest first. */

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

interface Change {
  id: string;
  reservation_id: string;
  from_status: string | null;
  to_status: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  created_at: string;
}

const history = (org: Pick<TestOrg, 'api'>, id: string) =>
  org.api.get<{ data: Change[] }>(`/reservations/${id}/history`);

describe('reservation status history', () => {
  let org: TestOrg;
  let other: TestOrg;
  let serviceId: string;
  let resourceIds: string[];
  const date = futureDate(11);
  let hour = 8;
  /** A fresh free start on `date` (09:00…16:00 UTC, the fixture's hours) for each booking. */
  const nextStart = () => `${date}T${String(++hour).padStart(2, '0')}:00:00Z`;

  beforeAll(async () => {
    org = await keyOrg('UTC');
    other = await keyOrg('UTC');
    ({ serviceId, resourceIds } = await makeService(org, { resources: [{ quantity: 3 }] }));
  });

  it('create → confirm → cancel gives three rows, oldest first', async () => {
    const r = await mustBook(org, {
      service_id: serviceId,
      start_datetime: nextStart(),
      status: 'pending',
    });
    expect((await org.api.patch(`/reservations/${r.id}`, { status: 'confirmed' })).status).toBe(
      200,
    );
    // A change that keeps the status is not a status change.
    expect((await org.api.patch(`/reservations/${r.id}`, { notes: 'Window seat' })).status).toBe(
      200,
    );
    expect(
      (
        await org.api.patch(`/reservations/${r.id}`, {
          status: 'cancelled',
          cancellation_reason: 'Flu',
        })
      ).status,
    ).toBe(200);

    const res = await history(org, r.id);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['data']);
    const rows = res.body.data;
    expect(rows.map((c) => [c.from_status, c.to_status])).toEqual([
      [null, 'pending'],
      ['pending', 'confirmed'],
      ['confirmed', 'cancelled'],
    ]);
    for (const change of rows) {
      expect(change).toMatchObject({
        reservation_id: r.id,
        actor_kind: 'api_key',
        actor_id: expect.any(String),
        actor_name: expect.any(String),
      });
      expect(change.created_at).toMatch(ISO_UTC);
    }
    // One key made every change; instants never go backwards.
    expect(new Set(rows.map((c) => c.actor_id)).size).toBe(1);
    const times = rows.map((c) => Date.parse(c.created_at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('records reopening a cancelled reservation', async () => {
    const r = await mustBook(org, { service_id: serviceId, start_datetime: nextStart() });
    await org.api.patch(`/reservations/${r.id}`, { status: 'cancelled' });
    expect((await org.api.patch(`/reservations/${r.id}`, { status: 'confirmed' })).status).toBe(
      200,
    );
    const res = await history(org, r.id);
    expect(res.body.data.map((c) => [c.from_status, c.to_status])).toEqual([
      [null, 'confirmed'],
      ['confirmed', 'cancelled'],
      ['cancelled', 'confirmed'],
    ]);
  });

  it('is an empty list for a reservation without recorded changes', async () => {
    const contactId = (await mustCreate(org, '/contacts', { name: 'Imported' })).id;
    const id = await insertReservation({
      org,
      serviceId,
      contactId,
      resourceIds,
      start: new Date(`${date}T20:00:00Z`),
      durationMinutes: 60,
      status: 'confirmed',
    });
    const res = await history(org, id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: [] });
  });

  it("another organization's reservation, an unknown id and a malformed id are 404", async () => {
    const r = await mustBook(org, { service_id: serviceId, start_datetime: nextStart() });
    for (const res of [
      await history(other, r.id),
      await history(org, randomUUID()),
      await history(org, 'not-a-uuid'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        error: { code: 'not_found', message: expect.any(String) },
      });
    }
  });

  it('needs credentials and is read-only', async () => {
    const r = await mustBook(org, { service_id: serviceId, start_datetime: nextStart() });
    const anonymous = await call('GET', `/reservations/${r.id}/history`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthenticated');
    const post = await org.api.post(`/reservations/${r.id}/history`, {});
    expect(post.status).toBe(405);
  });

  it('a signed-in staff member reads it and is named as the actor of their changes', async () => {
    const { user, cookie } = await addUser(org, 'staff');
    const staff = sessionClient(cookie);
    const r = await mustBook(org, {
      service_id: serviceId,
      start_datetime: nextStart(),
      status: 'pending',
    });
    expect((await staff.patch(`/reservations/${r.id}`, { status: 'confirmed' })).status).toBe(200);

    const res = await staff.get<{ data: Change[] }>(`/reservations/${r.id}/history`);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(2);
    expect(res.body.data[0]).toMatchObject({ from_status: null, to_status: 'pending' });
    expect(res.body.data[1]).toMatchObject({
      from_status: 'pending',
      to_status: 'confirmed',
      actor_kind: 'staff',
      actor_id: user.id,
      actor_name: user.name,
    });
  });
});
