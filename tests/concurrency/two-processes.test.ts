import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrg, type TestOrg } from '../helpers/api';
import { futureDate, makeService } from '../helpers/catalog';
import { httpClient, startApiProcess } from '../helpers/processes';

/**
 * §8 rule 7 under real contention: two app processes on one PostgreSQL database, ≥ 50
 * simultaneous bookings for the same start. Only PostgreSQL can be shared by processes;
 * on the embedded database this file is skipped (CI runs it on PostgreSQL).
 */
const onPostgres = !!process.env.DATABASE_URL;
const REQUESTS = 60;

describe.skipIf(!onPostgres)('no overbooking across two app processes', () => {
  let servers: Awaited<ReturnType<typeof startApiProcess>>[] = [];
  let org: TestOrg;

  beforeAll(async () => {
    org = await createTestOrg('UTC');
    servers = await Promise.all([startApiProcess(), startApiProcess()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });
  /** Request i goes to process i % 2. */
  const via = (i: number) => httpClient(servers[i % 2]!.url, org.key);

  async function race(body: (i: number) => Record<string, unknown>) {
    const responses = await Promise.all(
      Array.from({ length: REQUESTS }, (_, i) => via(i).post('/reservations', body(i))),
    );
    for (const r of responses.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('slot_unavailable');
    }
    return responses.filter((r) => r.status === 201).map((r) => r.body);
  }

  it('a private slot with room for 2 takes exactly 2 of 60 bookings', async () => {
    const { serviceId } = await makeService(org, { resources: [{ quantity: 2 }] });
    const start = `${futureDate(20)}T10:00:00.000Z`;
    const won = await race((i) => ({
      service_id: serviceId,
      start_datetime: start,
      contact: { name: `Guest ${i}` },
    }));
    expect(won).toHaveLength(2);
    const listed = await org.api.get(`/reservations?service_id=${serviceId}&status=confirmed`);
    expect(listed.body.total).toBe(2);
    const slots = await org.api.get(
      `/reservation-available-slots?service_id=${serviceId}&date=${futureDate(20)}`,
    );
    expect(slots.body.slots.find((s: any) => s.start_datetime === start)).toBeUndefined();
  }, 120_000);

  it('a group occurrence with 10 seats takes exactly 10 of 60 bookings', async () => {
    const { serviceId } = await makeService(org, {
      service: { capacity: 10 },
      resources: [{ quantity: 1 }],
    });
    const date = futureDate(21);
    const start = `${date}T10:00:00.000Z`;
    const won = await race((i) => ({
      service_id: serviceId,
      start_datetime: start,
      contact: { name: `Guest ${i}` },
    }));
    expect(won).toHaveLength(10);
    const slots = await org.api.get(
      `/reservation-available-slots?service_id=${serviceId}&date=${date}`,
    );
    expect(slots.body.slots.find((s: any) => s.start_datetime === start)).toBeUndefined();
  }, 120_000);

  it('mixed party sizes never exceed the 10 seats', async () => {
    const { serviceId } = await makeService(org, {
      service: { capacity: 10, max_party_size: 3 },
      resources: [{ quantity: 1 }],
    });
    const date = futureDate(22);
    const start = `${date}T10:00:00.000Z`;
    const won = await race((i) => ({
      service_id: serviceId,
      start_datetime: start,
      party_size: 1 + (i % 3),
      contact: { name: `Guest ${i}` },
    }));
    const seats = won.reduce((n, r) => n + r.party_size, 0);
    expect(seats).toBeLessThanOrEqual(10);
    expect(seats).toBeGreaterThanOrEqual(8);
    const slots = await org.api.get(
      `/reservation-available-slots?service_id=${serviceId}&date=${date}&party_size=1`,
    );
    const slot = slots.body.slots.find((s: any) => s.start_datetime === start);
    expect(slot?.remaining_capacity ?? 0).toBe(10 - seats);
  }, 120_000);

  it('reschedules and reopens racing for one slot never overbook it', async () => {
    const { serviceId } = await makeService(org, { resources: [{ quantity: 2 }] });
    const date = futureDate(23);
    const target = `${date}T15:00:00.000Z`;
    // 20 bookings elsewhere that day, 10 of them cancelled, all then aimed at one slot of 2 units.
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const hour = String(9 + (i % 6)).padStart(2, '0');
      const r = await org.api.post('/reservations', {
        service_id: serviceId,
        start_datetime: `${date}T${hour}:00:00Z`,
        contact: { name: `R${i}` },
      });
      if (r.status !== 201) continue;
      ids.push(r.body.id);
    }
    for (const id of ids.slice(0, 6))
      await org.api.patch(`/reservations/${id}`, { status: 'cancelled' });
    const moved = await org.api.get(
      `/reservations?service_id=${serviceId}&status=confirmed&$limit=50`,
    );
    const live = moved.body.data.map((r: any) => r.id);
    const cancelled = ids.slice(0, 6);
    const responses = await Promise.all([
      ...live.map((id: string, i: number) =>
        via(i).patch(`/reservations/${id}`, { start_datetime: target }),
      ),
      ...cancelled.map((id: string, i: number) =>
        via(i + 1).patch(`/reservations/${id}`, { status: 'confirmed', start_datetime: target }),
      ),
    ]);
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(2);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 409)).toBe(true);
    const atTarget = await org.api.get(
      `/reservations?service_id=${serviceId}&start_datetime=${encodeURIComponent(target)}&status[$ne]=cancelled`,
    );
    expect(atTarget.body.total).toBe(2);
  }, 120_000);

  /** §15: holds and bookings race for the same capacity through both processes. */
  async function raceMixed(path: (i: number) => string, body: (i: number) => object) {
    const responses = await Promise.all(
      Array.from({ length: REQUESTS }, (_, i) =>
        via(i)
          .post(path(i), body(i))
          .then((r) => ({ ...r, path: path(i) })),
      ),
    );
    for (const r of responses.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('slot_unavailable');
    }
    return responses.filter((r) => r.status === 201);
  }

  it('holds and bookings racing for a private slot with room for 2: exactly 2 win', async () => {
    const { serviceId } = await makeService(org, { resources: [{ quantity: 2 }] });
    const start = `${futureDate(24)}T10:00:00.000Z`;
    const won = await raceMixed(
      (i) => (i % 2 ? '/reservation-holds' : '/reservations'),
      (i) => ({
        service_id: serviceId,
        start_datetime: start,
        ...(i % 2 ? {} : { contact: { name: `G${i}` } }),
      }),
    );
    expect(won).toHaveLength(2);
  }, 120_000);

  it('holds and bookings racing for 10 seats never take more than 10', async () => {
    const { serviceId } = await makeService(org, {
      service: { capacity: 10, max_party_size: 3 },
      resources: [{ quantity: 1 }],
    });
    const date = futureDate(25);
    const start = `${date}T10:00:00.000Z`;
    const won = await raceMixed(
      (i) => (i % 3 === 0 ? '/reservation-holds' : '/reservations'),
      (i) => ({
        service_id: serviceId,
        start_datetime: start,
        party_size: 1 + (i % 3),
        ...(i % 3 === 0 ? {} : { contact: { name: `G${i}` } }),
      }),
    );
    const seats = won.reduce((n, r) => n + r.body.party_size, 0);
    expect(seats).toBeLessThanOrEqual(10);
    expect(seats).toBeGreaterThanOrEqual(8);
    const slots = await org.api.get(
      `/reservation-available-slots?service_id=${serviceId}&date=${date}&party_size=1`,
    );
    const slot = slots.body.slots.find((s: any) => s.start_datetime === start);
    expect(slot?.remaining_capacity ?? 0).toBe(10 - seats);
  }, 120_000);
});
