import { describe, expect, it } from 'vitest';
import { createTestOrg } from '../helpers/api';
import { futureDate, makeService } from '../helpers/catalog';

describe('booking path', () => {
  it('lists slots, books, refuses a double booking, cancels and reopens', async () => {
    const org = await createTestOrg('UTC');
    const { serviceId, resourceIds } = await makeService(org, { resources: [{ quantity: 1 }] });
    const date = futureDate(10);
    const slots = await org.api.get(
      `/reservation-available-slots?service_id=${serviceId}&date=${date}`,
    );
    expect(slots.status).toBe(200);
    expect(slots.body.slots.map((s: any) => s.start_datetime.slice(11, 16))).toEqual([
      '09:00',
      '10:00',
      '11:00',
      '12:00',
      '13:00',
      '14:00',
      '15:00',
      '16:00',
    ]);
    const start = `${date}T10:00:00.000Z`;
    const created = await org.api.post('/reservations', {
      service_id: serviceId,
      start_datetime: start,
      contact: { name: 'Ada', email: 'ada@example.com' },
    });
    expect(created.status).toBe(201);
    expect(created.body.resource_ids).toEqual(resourceIds);
    expect(created.body.status).toBe('confirmed');
    const again = await org.api.post('/reservations', {
      service_id: serviceId,
      start_datetime: start,
      contact: { name: 'Bob' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('slot_unavailable');
    const after = await org.api.get(
      `/reservation-available-slots?service_id=${serviceId}&date=${date}`,
    );
    expect(after.body.slots).toHaveLength(7);
    const cancelled = await org.api.patch(`/reservations/${created.body.id}`, {
      status: 'cancelled',
      cancellation_reason: 'ill',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.cancelled_by).toBe('organization');
    expect(cancelled.body.resource_ids).toEqual([]);
    const reopened = await org.api.patch(`/reservations/${created.body.id}`, {
      status: 'confirmed',
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.cancelled_at).toBeNull();
    const moved = await org.api.patch(`/reservations/${created.body.id}`, {
      start_datetime: `${date}T10:30:00Z`,
    });
    expect(moved.status).toBe(409);
    const moved2 = await org.api.patch(`/reservations/${created.body.id}`, {
      start_datetime: `${date}T11:00:00Z`,
    });
    expect(moved2.status).toBe(200);
    const list = await org.api.get(`/reservations?date=${date}&resource_id=${resourceIds[0]}`);
    expect(list.body, JSON.stringify(list.body)).toMatchObject({ total: 1 });
    const del = await org.api.delete(`/reservations/${created.body.id}`);
    expect(del.status).toBe(405);
  });
});
