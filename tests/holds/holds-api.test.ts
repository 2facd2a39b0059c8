import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { call } from '../helpers/api';
import { futureDate, makeService } from '../helpers/catalog';
import { book, getSlots, keyOrg, mustCreate } from '../helpers/reservations';
import { expectError, expectStatus } from '../api/fixtures';

/** §15 holds: they occupy like pending reservations, expire by themselves, and are consumed once. */

type Org = Awaited<ReturnType<typeof keyOrg>>;

const date = futureDate(9);
const at = (hhmm: string) => `${date}T${hhmm}:00.000Z`;

async function slotStarts(org: Org, serviceId: string, extra: Record<string, string> = {}) {
  const res = await getSlots(org, { service_id: serviceId, date, ...extra });
  expectStatus(res, 200);
  return res.body.slots as { start_datetime: string; remaining_capacity: number }[];
}

const hold = (org: Org, body: Record<string, unknown>) => org.api.post('/reservation-holds', body);

/** Moves the clock the server reads (`new Date()` per request) without faking timers. */
function travel(ms: number) {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + ms });
}

describe('holds on a private service', () => {
  let org: Org;
  let serviceId: string;
  let resourceId: string;
  beforeAll(async () => {
    org = await keyOrg('UTC');
    const f = await makeService(org, {
      service: { name: 'Massage', duration_minutes: 60 },
      resources: [{ quantity: 1 }],
    });
    serviceId = f.serviceId;
    resourceId = f.resourceIds[0]!;
  });
  afterEach(() => vi.useRealTimers());

  it('takes the slot like a booking: gone from the list, a second hold or booking is 409', async () => {
    const res = await hold(org, { service_id: serviceId, start_datetime: at('09:00') });
    expectStatus(res, 201);
    expect(res.body).toEqual({
      id: expect.any(String),
      service_id: serviceId,
      start_datetime: at('09:00'),
      end_datetime: at('10:00'),
      party_size: 1,
      resource_ids: [resourceId],
      expires_at: expect.any(String),
    });
    const ttl = Date.parse(res.body.expires_at) - Date.now();
    expect(ttl).toBeGreaterThan(590_000);
    expect(ttl).toBeLessThanOrEqual(600_000);
    expect((await slotStarts(org, serviceId)).map((s) => s.start_datetime)).not.toContain(
      at('09:00'),
    );
    const again = await hold(org, { service_id: serviceId, start_datetime: at('09:00') });
    expectError(again, 409, 'slot_unavailable');
    expect(again.body.error.details[0].reason).toBe('resource_busy');
    expectError(
      await book(org, { service_id: serviceId, start_datetime: at('09:00') }),
      409,
      'slot_unavailable',
    );
    expectStatus(await org.api.get(`/reservation-holds/${res.body.id}`), 200);
  });

  it('expires by itself: after expires_at the slot is free and can be booked', async () => {
    const res = await hold(org, {
      service_id: serviceId,
      start_datetime: at('10:00'),
      ttl_seconds: 60,
    });
    expectStatus(res, 201);
    travel(61_000);
    expect((await slotStarts(org, serviceId)).map((s) => s.start_datetime)).toContain(at('10:00'));
    expectError(await org.api.get(`/reservation-holds/${res.body.id}`), 404, 'not_found');
    const booked = await book(org, { service_id: serviceId, start_datetime: at('10:00') });
    expectStatus(booked, 201);
    expectError(
      await book(org, { hold_id: res.body.id, contact: { name: 'Late' } }),
      409,
      'hold_expired',
    );
  });

  it('is consumed once by a booking, which takes its allocation without a re-check', async () => {
    const h = (await hold(org, { service_id: serviceId, start_datetime: at('11:00') })).body;
    const booked = await book(org, { hold_id: h.id, contact: { name: 'Held' } });
    expectStatus(booked, 201);
    expect(booked.body).toMatchObject({
      service_id: serviceId,
      start_datetime: at('11:00'),
      resource_ids: [resourceId],
      status: 'confirmed',
    });
    expectError(await org.api.get(`/reservation-holds/${h.id}`), 404, 'not_found');
    expectError(
      await book(org, { hold_id: h.id, contact: { name: 'Twice' } }),
      409,
      'hold_expired',
    );
    // Its slot stays taken by the reservation now.
    expect((await slotStarts(org, serviceId)).map((s) => s.start_datetime)).not.toContain(
      at('11:00'),
    );
  });

  it('concurrent bookings with one hold: exactly one wins, the rest get hold_expired', async () => {
    const h = (await hold(org, { service_id: serviceId, start_datetime: at('16:00') })).body;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => book(org, { hold_id: h.id, contact: { name: `C${i}` } })),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 201)) expectError(a, 409, 'hold_expired');
  });

  it('fields sent with a hold must match it (400), and nothing is consumed then', async () => {
    const h = (await hold(org, { service_id: serviceId, start_datetime: at('12:00') })).body;
    expectError(
      await book(org, { hold_id: h.id, start_datetime: at('13:00'), contact: { name: 'X' } }),
      400,
      'validation_error',
      ['start_datetime'],
    );
    expectError(
      await book(org, { hold_id: h.id, party_size: 2, contact: { name: 'X' } }),
      400,
      'validation_error',
      ['party_size'],
    );
    expectError(
      await book(org, { hold_id: h.id, service_id: randomUUID(), contact: { name: 'X' } }),
      400,
      'validation_error',
      ['service_id'],
    );
    expectStatus(
      await book(org, {
        hold_id: h.id,
        service_id: serviceId,
        start_datetime: at('12:00'),
        contact: { name: 'Y' },
      }),
      201,
    );
    expectError(await book(org, { contact: { name: 'Nothing' } }), 400, 'validation_error', [
      'service_id',
    ]);
  });

  it('extends from now up to 30 minutes after creation; expired ones cannot be extended', async () => {
    const h = (await hold(org, { service_id: serviceId, start_datetime: at('13:00') })).body;
    const created = Date.parse(h.expires_at) - 600_000;
    travel(8 * 60_000);
    const first = await org.api.patch(`/reservation-holds/${h.id}`, { ttl_seconds: 900 });
    expectStatus(first, 200);
    expect(Math.abs(Date.parse(first.body.expires_at) - (created + 23 * 60_000))).toBeLessThan(
      2000,
    );
    travel(12 * 60_000); // 20 minutes after creation
    const capped = await org.api.patch(`/reservation-holds/${h.id}`, { ttl_seconds: 900 });
    expectStatus(capped, 200);
    // Capped at creation + 1800 s, although now + 900 s would be later.
    expect(Math.abs(Date.parse(capped.body.expires_at) - (created + 1_800_000))).toBeLessThan(2000);
    expectError(
      await org.api.patch(`/reservation-holds/${h.id}`, { ttl_seconds: 30 }),
      400,
      'validation_error',
      ['ttl_seconds'],
    );
    travel(31 * 60_000);
    expectError(
      await org.api.patch(`/reservation-holds/${h.id}`, { ttl_seconds: 60 }),
      409,
      'hold_expired',
    );
  });

  it('DELETE releases at once; other organizations see 404', async () => {
    const h = (await hold(org, { service_id: serviceId, start_datetime: at('14:00') })).body;
    const other = await keyOrg();
    expectError(await other.api.get(`/reservation-holds/${h.id}`), 404, 'not_found');
    expectError(await other.api.delete(`/reservation-holds/${h.id}`), 404, 'not_found');
    expectError(
      await book(other, { hold_id: h.id, contact: { name: 'Thief' } }),
      409,
      'hold_expired',
    );
    const released = await org.api.delete(`/reservation-holds/${h.id}`);
    expectStatus(released, 200);
    expect(released.body.id).toBe(h.id);
    expect((await slotStarts(org, serviceId)).map((s) => s.start_datetime)).toContain(at('14:00'));
    expectError(await org.api.delete(`/reservation-holds/${h.id}`), 404, 'not_found');
  });

  it('validates like a booking', async () => {
    expectError(
      await hold(org, { service_id: serviceId, start_datetime: at('15:00'), ttl_seconds: 1801 }),
      400,
      'validation_error',
      ['ttl_seconds'],
    );
    expectError(
      await hold(org, { service_id: serviceId, start_datetime: at('15:00'), party_size: 2 }),
      400,
      'validation_error',
    );
    expectError(
      await hold(org, { service_id: serviceId, start_datetime: `${date}T15:10:00Z` }),
      409,
      'slot_unavailable',
    );
    expectError(await call('POST', '/reservation-holds', { body: {} }), 401, 'unauthenticated');
  });
});

describe('holds on a group service', () => {
  let org: Org;
  let classId: string;
  let roomId: string;
  beforeAll(async () => {
    org = await keyOrg('UTC');
    const f = await makeService(org, {
      service: { name: 'Yoga', duration_minutes: 60, capacity: 10, max_party_size: 10 },
      resources: [{ name: 'Room', capacity: 10 }],
    });
    classId = f.serviceId;
    roomId = f.resourceIds[0]!;
  });
  afterEach(() => vi.useRealTimers());

  const remaining = async (hhmm: string) =>
    (await slotStarts(org, classId)).find((s) => s.start_datetime === at(hhmm))
      ?.remaining_capacity ?? 0;

  it('holds seats; bookings and holds together never exceed capacity', async () => {
    const h = await hold(org, { service_id: classId, start_datetime: at('09:00'), party_size: 4 });
    expectStatus(h, 201);
    expect(await remaining('09:00')).toBe(6);
    expectStatus(
      await book(org, { service_id: classId, start_datetime: at('09:00'), party_size: 6 }),
      201,
    );
    expectError(
      await book(org, { service_id: classId, start_datetime: at('09:00'), party_size: 1 }),
      409,
      'slot_unavailable',
    );
    const consumed = await book(org, { hold_id: h.body.id, contact: { name: 'Group' } });
    expectStatus(consumed, 201);
    expect(consumed.body.party_size).toBe(4);
    expect(consumed.body.resource_ids).toEqual([roomId]);
    expect(await remaining('09:00')).toBe(0);
  });

  it('an expired group hold frees its seats, and an occurrence it alone opened frees the room', async () => {
    const h = await hold(org, {
      service_id: classId,
      start_datetime: at('11:00'),
      party_size: 3,
      ttl_seconds: 60,
    });
    expectStatus(h, 201);
    expect(await remaining('11:00')).toBe(7);
    // Another service using the same room cannot start while the class is held.
    const other = await mustCreate(org, '/reservation-services', {
      name: 'Private room',
      duration_minutes: 60,
    });
    await mustCreate(org, '/reservation-service-resources', {
      service_id: other.id,
      resource_id: roomId,
    });
    expectError(
      await book(org, { service_id: other.id, start_datetime: at('11:00') }),
      409,
      'slot_unavailable',
    );
    travel(61_000);
    expect(await remaining('11:00')).toBe(10);
    expectStatus(await book(org, { service_id: other.id, start_datetime: at('11:00') }), 201);
  });
});

describe('public holds on a booking link', () => {
  let org: Org;
  let serviceId: string;
  let slug: string;
  let otherSlug: string;
  beforeAll(async () => {
    org = await keyOrg('UTC');
    serviceId = (await makeService(org, { resources: [{ quantity: 1 }] })).serviceId;
    slug = `hold-${randomUUID().slice(0, 8)}`;
    otherSlug = `hold-${randomUUID().slice(0, 8)}`;
    await mustCreate(org, '/reservation-booking-links', {
      slug,
      name: 'A',
      service_ids: [serviceId],
    });
    await mustCreate(org, '/reservation-booking-links', {
      slug: otherSlug,
      name: 'B',
      service_ids: [serviceId],
    });
  });

  const contact = { name: 'Pat', email: 'pat@example.com' };

  it('holds, then books with the hold; the answer reveals nothing else', async () => {
    const h = await call('POST', `/public/booking-links/${slug}/holds`, {
      body: { service_id: serviceId, start_datetime: at('09:00') },
    });
    expectStatus(h, 201);
    expect(Object.keys(h.body).sort()).toEqual(
      ['end_datetime', 'expires_at', 'id', 'start_datetime'].sort(),
    );
    const taken = await call('POST', `/public/booking-links/${slug}/reservations`, {
      body: { service_id: serviceId, start_datetime: at('09:00'), contact },
    });
    expectError(taken, 409, 'slot_unavailable');
    // Customers learn why, not which resource: no ids, no resource names.
    expect(taken.body.error.details).toEqual([
      {
        path: 'start_datetime',
        reason: 'resource_busy',
        message: 'That time has just been taken.',
      },
    ]);
    expect(taken.body.error.message).toBe('That time has just been taken.');
    const booked = await call('POST', `/public/booking-links/${slug}/reservations`, {
      body: { hold_id: h.body.id, contact },
    });
    expectStatus(booked, 201);
    expect(booked.body.reservation.start_datetime).toBe(at('09:00'));
  });

  it('a hold id grants nothing but its own use', async () => {
    const staffHold = (await hold(org, { service_id: serviceId, start_datetime: at('10:00') }))
      .body;
    expectError(
      await call('POST', `/public/booking-links/${slug}/reservations`, {
        body: { hold_id: staffHold.id, contact },
      }),
      409,
      'hold_expired',
    );
    const h = await call('POST', `/public/booking-links/${slug}/holds`, {
      body: { service_id: serviceId, start_datetime: at('11:00') },
    });
    expectError(
      await call('POST', `/public/booking-links/${otherSlug}/reservations`, {
        body: { hold_id: h.body.id, contact },
      }),
      409,
      'hold_expired',
    );
    expectError(
      await call('DELETE', `/public/booking-links/${otherSlug}/holds/${h.body.id}`),
      404,
      'not_found',
    );
    expectError(
      await call('DELETE', `/public/booking-links/${slug}/holds/${staffHold.id}`),
      404,
      'not_found',
    );
    expectStatus(await call('DELETE', `/public/booking-links/${slug}/holds/${h.body.id}`), 200);
    expectError(
      await call('POST', `/public/booking-links/${slug}/holds`, {
        body: {
          service_id: serviceId,
          start_datetime: at('12:00'),
          preferred_resource_id: randomUUID(),
        },
      }),
      400,
      'validation_error',
      ['preferred_resource_id'],
    );
  });
});
