import { beforeAll, describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/api';
import { futureDate, makeService } from '../helpers/catalog';
import {
  book,
  insertReservation,
  keyOrg,
  mustBook,
  mustCreate,
  slotTimes,
} from '../helpers/reservations';

/** §9 status transitions, cancelling, reopening and rescheduling. */

type Status = 'pending' | 'confirmed' | 'cancelled' | 'completed' | 'no_show';
const STATUSES: Status[] = ['pending', 'confirmed', 'cancelled', 'completed', 'no_show'];
const ALLOWED: Record<Status, Status[]> = {
  pending: ['confirmed', 'cancelled'],
  confirmed: ['cancelled', 'completed', 'no_show'],
  completed: ['no_show'],
  no_show: ['completed'],
  cancelled: ['pending', 'confirmed'],
};
const HOUR = 3_600_000;

describe('status transitions', () => {
  let org: TestOrg;
  let serviceId: string;
  let resourceIds: string[];
  let contactId: string;
  let pastHour = 0;
  const futureDay = futureDate(9);
  let futureHour = 8;

  beforeAll(async () => {
    org = await keyOrg('UTC');
    ({ serviceId, resourceIds } = await makeService(org, {
      resources: [{ quantity: 1 }],
      hours: [0, 1, 2, 3, 4, 5, 6].map((d) => ({
        day_of_week: d,
        start_time: '00:00',
        end_time: '24:00',
      })),
    }));
    contactId = (await mustCreate(org, '/contacts', { name: 'Fixture' })).id;
  });

  /** A reservation in `status` that started in the past (inserted directly: the API refuses the past). */
  const pastReservation = (status: Status) =>
    insertReservation({
      org,
      serviceId,
      contactId,
      resourceIds,
      // Whole hours, each fixture on its own hour, well in the past.
      start: new Date(Math.floor(Date.now() / HOUR) * HOUR - (48 + ++pastHour) * HOUR),
      durationMinutes: 60,
      status,
    });

  /** A future reservation in `status`, through the API. */
  const futureReservation = async (status: Status) => {
    const start = `${futureDay}T${String(++futureHour).padStart(2, '0')}:00:00Z`;
    const r = await mustBook(org, {
      service_id: serviceId,
      start_datetime: start,
      status: 'pending',
    });
    if (status === 'confirmed' || status === 'cancelled') {
      const res = await org.api.patch(`/reservations/${r.id}`, { status });
      expect(res.status).toBe(200);
    }
    return r.id as string;
  };

  const table = STATUSES.flatMap((from) =>
    STATUSES.filter((to) => to !== from).map((to) => ({
      from,
      to,
      expected: ALLOWED[from].includes(to) ? 200 : 409,
    })),
  );

  it.each(table)('$from → $to: $expected', async ({ from, to, expected }) => {
    // Leaving `cancelled` needs a bookable (future) slot; the others start in the past so
    // that completed/no_show are allowed by time.
    const id =
      from === 'cancelled' && expected === 200
        ? await futureReservation(from)
        : await pastReservation(from);
    const res = await org.api.patch(`/reservations/${id}`, { status: to });
    expect(res.status, JSON.stringify(res.body)).toBe(expected);
    const after = await org.api.get(`/reservations/${id}`);
    if (expected === 200) {
      expect(res.body.status).toBe(to);
      expect(after.body.status).toBe(to);
    } else {
      expect(res.body.error.code).toBe('invalid_transition');
      expect(res.body.error.details[0].path).toBe('status');
      expect(after.body.status).toBe(from);
    }
  });

  it.each(['completed', 'no_show'] as const)(
    'confirmed → %s before the start → 409 invalid_transition',
    async (to) => {
      const id = await futureReservation('confirmed');
      const res = await org.api.patch(`/reservations/${id}`, { status: to });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('invalid_transition');
      expect((await org.api.get(`/reservations/${id}`)).body.status).toBe('confirmed');
    },
  );

  it('an unknown status → 400', async () => {
    const id = await futureReservation('pending');
    const res = await org.api.patch(`/reservations/${id}`, { status: 'done' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: any) => d.path)).toContain('status');
  });

  it('cancellation fields without cancelling → 400', async () => {
    const id = await futureReservation('confirmed');
    const res = await org.api.patch(`/reservations/${id}`, { cancellation_reason: 'why' });
    expect(res.status).toBe(400);
    expect((await org.api.get(`/reservations/${id}`)).body.cancellation_reason).toBeNull();
  });
});

describe('cancel and reopen', () => {
  let org: TestOrg;
  let serviceId: string;
  let resourceIds: string[];
  const date = futureDate(11);

  beforeAll(async () => {
    org = await keyOrg('UTC');
    ({ serviceId, resourceIds } = await makeService(org));
  });

  it('cancel sets cancelled_at, cancelled_by organization and the reason, and frees the slot', async () => {
    const r = await mustBook(org, { service_id: serviceId, start_datetime: `${date}T10:00:00Z` });
    expect(r.resource_ids).toEqual(resourceIds);
    expect(await slotTimes(org, { service_id: serviceId, date })).not.toContain('10:00');
    const before = Date.now();
    const res = await org.api.patch(`/reservations/${r.id}`, {
      status: 'cancelled',
      cancellation_reason: 'Flu',
    });
    const after = Date.now();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      cancelled_by: 'organization',
      cancellation_reason: 'Flu',
      resource_ids: [],
    });
    const at = Date.parse(res.body.cancelled_at);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(after + 1000);
    expect(await slotTimes(org, { service_id: serviceId, date })).toContain('10:00');
    const listed = await org.api.get(`/reservations?resource_id=${resourceIds[0]}&date=${date}`);
    expect(listed.body.data.map((x: any) => x.id)).not.toContain(r.id);
  });

  it('explicit cancelled_by and cancelled_at are honoured', async () => {
    const r = await mustBook(org, { service_id: serviceId, start_datetime: `${date}T11:00:00Z` });
    const res = await org.api.patch(`/reservations/${r.id}`, {
      status: 'cancelled',
      cancelled_by: 'customer',
      cancelled_at: '2026-01-02T03:04:05+01:00',
    });
    expect(res.status).toBe(200);
    expect(res.body.cancelled_by).toBe('customer');
    expect(res.body.cancelled_at).toBe('2026-01-02T02:04:05.000Z');
    expect(res.body.cancellation_reason).toBeNull();
  });

  it('reopen while still feasible → 200, cancellation fields cleared, slot taken again', async () => {
    const r = await mustBook(org, { service_id: serviceId, start_datetime: `${date}T12:00:00Z` });
    await org.api.patch(`/reservations/${r.id}`, { status: 'cancelled', cancellation_reason: 'x' });
    const res = await org.api.patch(`/reservations/${r.id}`, { status: 'pending' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'pending',
      cancelled_at: null,
      cancelled_by: null,
      cancellation_reason: null,
      resource_ids: resourceIds,
    });
    expect(await slotTimes(org, { service_id: serviceId, date })).not.toContain('12:00');
    const again = await book(org, { service_id: serviceId, start_datetime: `${date}T12:00:00Z` });
    expect(again.status).toBe(409);
  });

  it('reopen after someone else took the slot → 409 slot_unavailable, nothing changed', async () => {
    const r = await mustBook(org, { service_id: serviceId, start_datetime: `${date}T13:00:00Z` });
    const cancelled = await org.api.patch(`/reservations/${r.id}`, {
      status: 'cancelled',
      cancellation_reason: 'moved away',
    });
    const taker = await mustBook(org, {
      service_id: serviceId,
      start_datetime: `${date}T13:00:00Z`,
    });
    for (const status of ['confirmed', 'pending']) {
      const res = await org.api.patch(`/reservations/${r.id}`, { status });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('slot_unavailable');
      expect(res.body.error.details.map((d: any) => d.reason)).toContain('resource_busy');
    }
    const got = await org.api.get(`/reservations/${r.id}`);
    expect(got.body).toEqual(cancelled.body);
    expect((await org.api.get(`/reservations/${taker.id}`)).body.resource_ids).toEqual(resourceIds);
  });

  it('notes and deal change freely on a cancelled reservation whose slot is taken', async () => {
    const r = await mustBook(org, { service_id: serviceId, start_datetime: `${date}T14:00:00Z` });
    await org.api.patch(`/reservations/${r.id}`, { status: 'cancelled' });
    await mustBook(org, { service_id: serviceId, start_datetime: `${date}T14:00:00Z` });
    const deal = await mustCreate(org, '/deals', { title: 'Follow-up' });
    const company = await mustCreate(org, '/companies', { name: 'Co' });
    const res = await org.api.patch(`/reservations/${r.id}`, {
      notes: 'call back',
      deal_id: deal.id,
      company_id: company.id,
      cancellation_reason: 'no longer needed',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      notes: 'call back',
      deal_id: deal.id,
      company_id: company.id,
      cancellation_reason: 'no longer needed',
      cancelled_by: 'organization',
      resource_ids: [],
    });
    // The other booking keeps the slot.
    expect(await slotTimes(org, { service_id: serviceId, date })).not.toContain('14:00');
  });
});

describe('reschedule', () => {
  let org: TestOrg;
  const date = futureDate(12);

  beforeAll(async () => {
    org = await keyOrg('UTC');
  });

  it('to a free slot → 200 and the allocation moves', async () => {
    const { serviceId, resourceIds } = await makeService(org);
    const r = await mustBook(org, { service_id: serviceId, start_datetime: `${date}T10:00:00Z` });
    const res = await org.api.patch(`/reservations/${r.id}`, {
      start_datetime: `${date}T15:00:00+02:00`,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      start_datetime: `${date}T13:00:00.000Z`,
      end_datetime: `${date}T14:00:00.000Z`,
      resource_ids: resourceIds,
    });
    const times = await slotTimes(org, { service_id: serviceId, date });
    expect(times).toContain('10:00');
    expect(times).not.toContain('13:00');
    expect(
      (await book(org, { service_id: serviceId, start_datetime: `${date}T13:00:00Z` })).status,
    ).toBe(409);
    expect(
      (await book(org, { service_id: serviceId, start_datetime: `${date}T10:00:00Z` })).status,
    ).toBe(201);
  });

  it('into a taken slot → 409 and the reservation is unchanged', async () => {
    const { serviceId } = await makeService(org);
    const r = await mustBook(org, { service_id: serviceId, start_datetime: `${date}T10:00:00Z` });
    await mustBook(org, { service_id: serviceId, start_datetime: `${date}T11:00:00Z` });
    const before = await org.api.get(`/reservations/${r.id}`);
    const res = await org.api.patch(`/reservations/${r.id}`, {
      start_datetime: `${date}T11:00:00Z`,
      notes: 'should not stick',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('slot_unavailable');
    const after = await org.api.get(`/reservations/${r.id}`);
    expect(after.body).toEqual(before.body);
    // …and it still holds its old slot.
    expect(await slotTimes(org, { service_id: serviceId, date })).not.toContain('10:00');
  });

  it('to an off-grid or past time → 409 with the reason', async () => {
    const { serviceId } = await makeService(org);
    const r = await mustBook(org, { service_id: serviceId, start_datetime: `${date}T10:00:00Z` });
    const offGrid = await org.api.patch(`/reservations/${r.id}`, {
      start_datetime: `${date}T10:20:00Z`,
    });
    expect(offGrid.status).toBe(409);
    expect(offGrid.body.error.details.map((d: any) => d.reason)).toContain('off_grid');
    const past = await org.api.patch(`/reservations/${r.id}`, {
      start_datetime: '2020-01-01T10:00:00Z',
    });
    expect(past.status).toBe(409);
    expect(past.body.error.details.map((d: any) => d.reason)).toContain('min_notice');
  });

  it('moving by less than the duration onto its own time works (own hold ignored)', async () => {
    const { serviceId } = await makeService(org, {
      service: { duration_minutes: 60, slot_interval_minutes: 30 },
    });
    const r = await mustBook(org, { service_id: serviceId, start_datetime: `${date}T10:00:00Z` });
    const res = await org.api.patch(`/reservations/${r.id}`, {
      start_datetime: `${date}T10:30:00Z`,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.start_datetime).toBe(`${date}T10:30:00.000Z`);
    const times = await slotTimes(org, { service_id: serviceId, date });
    expect(times).toContain('09:00');
    expect(times).not.toContain('10:00');
    expect(times).not.toContain('11:00');
    expect(times).toContain('11:30');
    // Same start again (a no-op schedule change) is fine too.
    const same = await org.api.patch(`/reservations/${r.id}`, {
      start_datetime: `${date}T10:30:00Z`,
    });
    expect(same.status).toBe(200);
  });

  it('changing service_id re-checks against the new service', async () => {
    const a = await makeService(org, { service: { name: 'A' } });
    const b = await makeService(org, { service: { name: 'B', duration_minutes: 30 } });
    const r = await mustBook(org, { service_id: a.serviceId, start_datetime: `${date}T10:00:00Z` });
    const blocker = await mustBook(org, {
      service_id: b.serviceId,
      start_datetime: `${date}T10:00:00Z`,
    });
    const refused = await org.api.patch(`/reservations/${r.id}`, { service_id: b.serviceId });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('slot_unavailable');
    const unchanged = await org.api.get(`/reservations/${r.id}`);
    expect(unchanged.body).toMatchObject({ service_id: a.serviceId, resource_ids: a.resourceIds });
    await org.api.patch(`/reservations/${blocker.id}`, { status: 'cancelled' });
    const moved = await org.api.patch(`/reservations/${r.id}`, { service_id: b.serviceId });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({
      service_id: b.serviceId,
      service: { id: b.serviceId, name: 'B', duration_minutes: 30 },
      resource_ids: b.resourceIds,
      end_datetime: `${date}T10:30:00.000Z`,
    });
    expect(await slotTimes(org, { service_id: a.serviceId, date })).toContain('10:00');
    const other = await makeService(org, { service: { name: 'C', is_active: false } });
    const inactive = await org.api.patch(`/reservations/${r.id}`, { service_id: other.serviceId });
    expect(inactive.status).toBe(409);
    expect(inactive.body.error.details.map((d: any) => d.reason)).toContain('inactive');
    const stranger = await keyOrg('UTC');
    const foreign = await makeService(stranger);
    const bad = await org.api.patch(`/reservations/${r.id}`, { service_id: foreign.serviceId });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.path)).toContain('service_id');
  });

  it('a party_size change re-checks the group seats', async () => {
    const svc = await makeService(org, {
      service: { name: 'Class', capacity: 4, max_party_size: 4 },
    });
    const start = `${date}T10:00:00Z`;
    const a = await mustBook(org, {
      service_id: svc.serviceId,
      start_datetime: start,
      party_size: 2,
    });
    const b = await mustBook(org, {
      service_id: svc.serviceId,
      start_datetime: start,
      party_size: 1,
    });
    const seats = async (party = 1) =>
      (
        await org.api.get(
          `/reservation-available-slots?service_id=${svc.serviceId}&date=${date}&party_size=${party}`,
        )
      ).body.slots.find((s: any) => s.start_datetime === `${date}T10:00:00.000Z`)
        ?.remaining_capacity;
    expect(await seats()).toBe(1);
    const grow = await org.api.patch(`/reservations/${a.id}`, { party_size: 3 });
    expect(grow.status, JSON.stringify(grow.body)).toBe(200);
    expect(await seats()).toBeUndefined();
    const tooBig = await org.api.patch(`/reservations/${a.id}`, { party_size: 4 });
    expect(tooBig.status).toBe(409);
    expect(tooBig.body.error.code).toBe('slot_unavailable');
    expect((await org.api.get(`/reservations/${a.id}`)).body.party_size).toBe(3);
    const outOfRange = await org.api.patch(`/reservations/${a.id}`, { party_size: 5 });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.error.details.map((d: any) => d.path)).toContain('party_size');
    // Once b leaves, a can take all four seats.
    await org.api.patch(`/reservations/${b.id}`, { status: 'cancelled' });
    const all = await org.api.patch(`/reservations/${a.id}`, { party_size: 4 });
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    const shrink = await org.api.patch(`/reservations/${a.id}`, { party_size: 1 });
    expect(shrink.status).toBe(200);
    expect(await seats()).toBe(3);
  });

  it('a group reservation moved to another start leaves its seats behind', async () => {
    const svc = await makeService(org, {
      service: { name: 'Tour', capacity: 3, max_party_size: 3 },
    });
    const a = await mustBook(org, {
      service_id: svc.serviceId,
      start_datetime: `${date}T10:00:00Z`,
      party_size: 2,
    });
    const b = await mustBook(org, {
      service_id: svc.serviceId,
      start_datetime: `${date}T10:00:00Z`,
    });
    const moved = await org.api.patch(`/reservations/${a.id}`, {
      start_datetime: `${date}T12:00:00Z`,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const res = await org.api.get(
      `/reservation-available-slots?service_id=${svc.serviceId}&date=${date}`,
    );
    const at = (t: string) =>
      res.body.slots.find((s: any) => s.start_datetime === `${date}T${t}:00.000Z`)
        ?.remaining_capacity;
    expect(at('10:00')).toBe(2);
    expect(at('12:00')).toBe(1);
    expect((await org.api.get(`/reservations/${b.id}`)).body.resource_ids).toEqual(svc.resourceIds);
  });
});
