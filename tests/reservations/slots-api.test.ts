import { beforeAll, describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/api';
import { futureDate, makeService } from '../helpers/catalog';
import {
  addDays,
  everyDay,
  getSlots,
  keyOrg,
  localDate,
  mustBook,
  mustCreate,
  slotTimes,
} from '../helpers/reservations';

/** §8 GET /api/reservation-available-slots, through the real router. */

const NINE_TO_FIVE = ['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00'];
const HOUR = 3_600_000;

describe('slot query validation', () => {
  let org: TestOrg;
  let other: TestOrg;
  let serviceId: string;
  let otherServiceId: string;
  let strangerResourceId: string;
  const date = futureDate(10);

  beforeAll(async () => {
    org = await keyOrg('UTC');
    other = await keyOrg('UTC');
    ({ serviceId } = await makeService(org, {
      service: { min_party_size: 2, max_party_size: 4, capacity: 4 },
    }));
    ({ serviceId: otherServiceId } = await makeService(other));
    strangerResourceId = (await mustCreate(org, '/reservation-resources', { name: 'Unlinked' })).id;
  });

  const cases: { name: string; params: () => Record<string, string>; path: string }[] = [
    { name: 'missing service_id', params: () => ({ date }), path: 'service_id' },
    { name: 'missing date', params: () => ({ service_id: serviceId }), path: 'date' },
    {
      name: 'malformed service_id',
      params: () => ({ service_id: 'not-a-uuid', date }),
      path: 'service_id',
    },
    {
      name: 'impossible date 2027-02-30',
      params: () => ({ service_id: serviceId, date: '2027-02-30' }),
      path: 'date',
    },
    {
      name: 'malformed end_date',
      params: () => ({ service_id: serviceId, date, end_date: '2027/03/01' }),
      path: 'end_date',
    },
    {
      name: 'end_date before date',
      params: () => ({ service_id: serviceId, date, end_date: addDays(date, -1) }),
      path: 'end_date',
    },
    {
      name: 'end_date 32 days after date',
      params: () => ({ service_id: serviceId, date, end_date: addDays(date, 32) }),
      path: 'end_date',
    },
    {
      name: 'unknown service_id',
      params: () => ({ service_id: '00000000-0000-4000-8000-000000000000', date }),
      path: 'service_id',
    },
    {
      name: "another organization's service_id",
      params: () => ({ service_id: otherServiceId, date }),
      path: 'service_id',
    },
    {
      name: 'party_size below min_party_size',
      params: () => ({ service_id: serviceId, date, party_size: '1' }),
      path: 'party_size',
    },
    {
      name: 'party_size above max_party_size',
      params: () => ({ service_id: serviceId, date, party_size: '5' }),
      path: 'party_size',
    },
    {
      name: 'party_size not an integer',
      params: () => ({ service_id: serviceId, date, party_size: '2.5' }),
      path: 'party_size',
    },
    {
      name: 'unknown timezone Mars/X',
      params: () => ({ service_id: serviceId, date, timezone: 'Mars/X' }),
      path: 'timezone',
    },
    {
      name: 'resource_id not linked to the service',
      params: () => ({ service_id: serviceId, date, resource_id: strangerResourceId }),
      path: 'resource_id',
    },
  ];

  it.each(cases)('$name → 400 validation_error at $path', async ({ params, path }) => {
    const res = await getSlots(org, params());
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('validation_error');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('an unknown query parameter → 400 validation_error', async () => {
    const res = await getSlots(org, { service_id: serviceId, date, colour: 'blue' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_error');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(['colour']);
  });

  it('end_date exactly 31 days after date is accepted', async () => {
    const res = await getSlots(org, {
      service_id: serviceId,
      date,
      end_date: addDays(date, 31),
      party_size: 2,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.end_date).toBe(addDays(date, 31));
    const days = new Set(res.body.slots.map((s: any) => s.start_datetime.slice(0, 10)));
    expect(days.size).toBe(32);
  });

  it('organization_id equal to the caller is accepted, another one is 403', async () => {
    const ok = await getSlots(org, { service_id: serviceId, date, organization_id: org.id });
    expect(ok.status).toBe(200);
    const bad = await getSlots(org, { service_id: serviceId, date, organization_id: other.id });
    expect(bad.status).toBe(403);
    expect(bad.body.error.code).toBe('forbidden');
  });
});

describe('slot response', () => {
  it('has the documented shape, Z instants sorted, and defaults to the organization timezone', async () => {
    const org = await keyOrg('Europe/Paris');
    const { serviceId, resourceIds } = await makeService(org, {
      resources: [{ timezone: 'UTC' }],
    });
    const date = futureDate(12);
    const res = await getSlots(org, { service_id: serviceId, date, end_date: addDays(date, 1) });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(
      ['date', 'end_date', 'service_id', 'slots', 'timezone'].sort(),
    );
    expect(res.body).toMatchObject({
      service_id: serviceId,
      date,
      end_date: addDays(date, 1),
      timezone: 'Europe/Paris',
    });
    expect(res.body.slots).toHaveLength(16);
    for (const slot of res.body.slots) {
      expect(Object.keys(slot).sort()).toEqual(
        ['end_datetime', 'remaining_capacity', 'resource_ids', 'start_datetime'].sort(),
      );
      expect(slot.start_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(slot.end_datetime).toMatch(/Z$/);
      expect(Date.parse(slot.end_datetime) - Date.parse(slot.start_datetime)).toBe(HOUR);
      expect(slot.remaining_capacity).toBe(1);
      expect(slot.resource_ids).toEqual(resourceIds);
    }
    const starts = res.body.slots.map((s: any) => Date.parse(s.start_datetime));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('timezone=America/New_York decides which starts fall on `date`', async () => {
    const org = await keyOrg('UTC');
    const { serviceId } = await makeService(org, { hours: everyDay('02:00', '08:00') });
    const date = futureDate(15);
    const wide = await getSlots(org, {
      service_id: serviceId,
      date: addDays(date, -1),
      end_date: addDays(date, 2),
    });
    const expected = wide.body.slots
      .map((s: any) => s.start_datetime)
      .filter((s: string) => localDate(s, 'America/New_York') === date);
    const ny = await getSlots(org, {
      service_id: serviceId,
      date,
      timezone: 'America/New_York',
    });
    expect(ny.status).toBe(200);
    expect(ny.body.timezone).toBe('America/New_York');
    const got = ny.body.slots.map((s: any) => s.start_datetime);
    expect(got).toEqual(expected);
    // The shift is real: some starts are on the next UTC day, some UTC starts of `date` are not.
    expect(got.some((s: string) => s.startsWith(addDays(date, 1)))).toBe(true);
    const utc = await slotTimes(org, { service_id: serviceId, date });
    expect(utc).toEqual(['02:00', '03:00', '04:00', '05:00', '06:00', '07:00']);
    expect(got.filter((s: string) => s.startsWith(date)).length).toBeLessThan(utc.length);
  });
});

describe('what the engine lists', () => {
  it('an inactive service lists nothing', async () => {
    const org = await keyOrg('UTC');
    const { serviceId } = await makeService(org);
    const date = futureDate(9);
    expect(await slotTimes(org, { service_id: serviceId, date })).toEqual(NINE_TO_FIVE);
    const off = await org.api.patch(`/reservation-services/${serviceId}`, { is_active: false });
    expect(off.status).toBe(200);
    const res = await getSlots(org, { service_id: serviceId, date });
    expect(res.status).toBe(200);
    expect(res.body.slots).toEqual([]);
  });

  it('an inactive required resource lists nothing', async () => {
    const org = await keyOrg('UTC');
    const { serviceId, resourceIds } = await makeService(org, {
      resources: [{ name: 'Room' }, { name: 'Host' }],
    });
    const date = futureDate(9);
    expect(await slotTimes(org, { service_id: serviceId, date })).toEqual(NINE_TO_FIVE);
    const off = await org.api.patch(`/reservation-resources/${resourceIds[1]}`, {
      is_active: false,
    });
    expect(off.status).toBe(200);
    expect(await slotTimes(org, { service_id: serviceId, date })).toEqual([]);
  });

  const exceptionCases: {
    name: string;
    exceptions: (date: string) => Record<string, unknown>[];
    expected: string[];
  }[] = [
    {
      name: 'special_hours replace the weekly hours',
      exceptions: (date) => [
        { date, kind: 'special_hours', start_time: '18:00', end_time: '20:00' },
      ],
      expected: ['18:00', '19:00'],
    },
    {
      name: 'several special_hours rows act as their union',
      exceptions: (date) => [
        { date, kind: 'special_hours', start_time: '06:00', end_time: '07:00' },
        { date, kind: 'special_hours', start_time: '18:00', end_time: '19:00' },
      ],
      expected: ['06:00', '18:00'],
    },
    {
      name: 'a blocked range removes those hours',
      exceptions: (date) => [{ date, kind: 'blocked', start_time: '10:00', end_time: '12:30' }],
      // The window after the block anchors its own grid (§8.2).
      expected: ['09:00', '12:30', '13:30', '14:30', '15:30'],
    },
    {
      name: 'a blocked row without times removes the whole date',
      exceptions: (date) => [{ date, kind: 'blocked' }],
      expected: [],
    },
    {
      name: 'a multi-day blocked row covers the query date',
      exceptions: (date) => [
        { date: addDays(date, -1), end_date: addDays(date, 1), kind: 'blocked' },
      ],
      expected: [],
    },
    {
      name: 'blocked is subtracted from special_hours',
      exceptions: (date) => [
        { date, kind: 'special_hours', start_time: '18:00', end_time: '21:00' },
        { date, kind: 'blocked', start_time: '19:00', end_time: '20:00' },
      ],
      expected: ['18:00', '20:00'],
    },
    {
      name: 'an exception on another date changes nothing',
      exceptions: (date) => [{ date: addDays(date, 1), kind: 'blocked' }],
      expected: NINE_TO_FIVE,
    },
  ];

  it.each(exceptionCases)('exceptions: $name', async ({ exceptions, expected }) => {
    const org = await keyOrg('UTC');
    const { serviceId, resourceIds } = await makeService(org);
    const date = futureDate(20);
    for (const ex of exceptions(date)) {
      await mustCreate(org, '/reservation-resource-exceptions', {
        resource_id: resourceIds[0],
        ...ex,
      });
    }
    expect(await slotTimes(org, { service_id: serviceId, date })).toEqual(expected);
  });

  it('buffer_after blocks the following slot after a booking (and not without it)', async () => {
    const org = await keyOrg('UTC');
    const date = futureDate(8);
    const plain = await makeService(org, { service: { name: 'Plain' } });
    const buffered = await makeService(org, {
      service: { name: 'Buffered', buffer_after_minutes: 30 },
    });
    for (const svc of [plain, buffered]) {
      await mustBook(org, { service_id: svc.serviceId, start_datetime: `${date}T12:00:00Z` });
    }
    expect(await slotTimes(org, { service_id: plain.serviceId, date })).toEqual([
      '09:00',
      '10:00',
      '11:00',
      '13:00',
      '14:00',
      '15:00',
      '16:00',
    ]);
    // 13:00 would overlap the booking's buffer [13:00, 13:30); 11:00's own buffer hits 12:00;
    // 16:00's buffer may spill past closing time.
    expect(await slotTimes(org, { service_id: buffered.serviceId, date })).toEqual([
      '09:00',
      '10:00',
      '14:00',
      '15:00',
      '16:00',
    ]);
  });

  it('buffer_before blocks the preceding slot', async () => {
    const org = await keyOrg('UTC');
    const date = futureDate(8);
    const svc = await makeService(org, { service: { buffer_before_minutes: 15 } });
    await mustBook(org, { service_id: svc.serviceId, start_datetime: `${date}T12:00:00Z` });
    expect(await slotTimes(org, { service_id: svc.serviceId, date })).toEqual([
      '09:00',
      '10:00',
      '14:00',
      '15:00',
      '16:00',
    ]);
  });

  it('min_notice_minutes hides starts that are too near', async () => {
    const org = await keyOrg('UTC');
    const noNotice = await makeService(org, {
      service: { name: 'Now' },
      hours: everyDay('00:00', '24:00'),
    });
    const notice = await makeService(org, {
      service: { name: 'Notice', min_notice_minutes: 180 },
      hours: everyDay('00:00', '24:00'),
    });
    const today = new Date().toISOString().slice(0, 10);
    const params = { date: today, end_date: addDays(today, 1) };
    const before = Date.now();
    const a = await getSlots(org, { service_id: noNotice.serviceId, ...params });
    const b = await getSlots(org, { service_id: notice.serviceId, ...params });
    const after = Date.now();
    const firstA = Date.parse(a.body.slots[0].start_datetime);
    const firstB = Date.parse(b.body.slots[0].start_datetime);
    expect(firstA).toBeGreaterThanOrEqual(before);
    expect(firstA).toBeLessThan(after + HOUR);
    expect(firstB).toBeGreaterThanOrEqual(before + 3 * HOUR);
    expect(firstB).toBeLessThan(after + 4 * HOUR);
    // Booking inside the notice period is refused with the reason.
    const tooSoon = new Date(firstB - HOUR).toISOString();
    const res = await org.api.post('/reservations', {
      service_id: notice.serviceId,
      start_datetime: tooSoon,
      contact: { name: 'Soon' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('slot_unavailable');
    expect(res.body.error.details.map((d: any) => d.reason)).toContain('min_notice');
  });

  it('max_advance_days hides starts that are too far', async () => {
    const org = await keyOrg('UTC');
    const svc = await makeService(org, {
      service: { max_advance_days: 2 },
      hours: everyDay('00:00', '24:00'),
    });
    const today = new Date().toISOString().slice(0, 10);
    const before = Date.now();
    const res = await getSlots(org, {
      service_id: svc.serviceId,
      date: today,
      end_date: addDays(today, 5),
    });
    const after = Date.now();
    expect(res.status).toBe(200);
    const last = Date.parse(res.body.slots.at(-1).start_datetime);
    expect(last).toBeLessThanOrEqual(after + 2 * 24 * HOUR);
    expect(last).toBeGreaterThan(before + 2 * 24 * HOUR - HOUR);
    const days = new Set(res.body.slots.map((s: any) => s.start_datetime.slice(0, 10)));
    expect(days.has(addDays(today, 3))).toBe(false);
    expect(days.has(addDays(today, 5))).toBe(false);
    const far = `${addDays(today, 4)}T10:00:00Z`;
    const refused = await org.api.post('/reservations', {
      service_id: svc.serviceId,
      start_datetime: far,
      contact: { name: 'Far' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.map((d: any) => d.reason)).toContain('max_advance');
  });

  it('a resource with quantity 2: remaining_capacity 2, then 1 after a booking', async () => {
    const org = await keyOrg('UTC');
    const svc = await makeService(org, { resources: [{ quantity: 2 }] });
    const date = futureDate(11);
    const at = (res: any, hhmm: string) =>
      res.body.slots.find((s: any) => s.start_datetime === `${date}T${hhmm}:00.000Z`);
    const before = await getSlots(org, { service_id: svc.serviceId, date });
    expect(before.body.slots.every((s: any) => s.remaining_capacity === 2)).toBe(true);
    await mustBook(org, { service_id: svc.serviceId, start_datetime: `${date}T10:00:00Z` });
    const mid = await getSlots(org, { service_id: svc.serviceId, date });
    expect(at(mid, '10:00').remaining_capacity).toBe(1);
    expect(at(mid, '11:00').remaining_capacity).toBe(2);
    await mustBook(org, { service_id: svc.serviceId, start_datetime: `${date}T10:00:00Z` });
    const full = await getSlots(org, { service_id: svc.serviceId, date });
    expect(at(full, '10:00')).toBeUndefined();
  });

  it('a group service (capacity 4): 4 seats → 1 after a party of 3; party_size=2 no longer sees it', async () => {
    const org = await keyOrg('UTC');
    const svc = await makeService(org, { service: { capacity: 4, max_party_size: 4 } });
    const date = futureDate(13);
    const start = `${date}T14:00:00.000Z`;
    const seats = async (party: number) => {
      const res = await getSlots(org, { service_id: svc.serviceId, date, party_size: party });
      expect(res.status).toBe(200);
      return res.body.slots.find((s: any) => s.start_datetime === start)?.remaining_capacity;
    };
    expect(await seats(1)).toBe(4);
    const r = await mustBook(org, {
      service_id: svc.serviceId,
      start_datetime: start,
      party_size: 3,
    });
    expect(r.party_size).toBe(3);
    expect(await seats(1)).toBe(1);
    expect(await seats(2)).toBeUndefined();
    const refused = await org.api.post('/reservations', {
      service_id: svc.serviceId,
      start_datetime: start,
      party_size: 2,
      contact: { name: 'Too many' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('slot_unavailable');
    const joined = await mustBook(org, { service_id: svc.serviceId, start_datetime: start });
    expect(joined.resource_ids).toEqual(svc.resourceIds);
    expect(await seats(1)).toBeUndefined();
  });

  describe('a pool of two resources with different capacities', () => {
    let org: TestOrg;
    let serviceId: string;
    let big: string;
    let small: string;
    const date = futureDate(14);

    beforeAll(async () => {
      org = await keyOrg('UTC');
      const svc = await makeService(org, {
        service: { max_party_size: 6 },
        resources: [
          { name: 'Big table', capacity: 6, is_required: false },
          { name: 'Small table', capacity: 2, is_required: false },
        ],
      });
      serviceId = svc.serviceId;
      [big, small] = svc.resourceIds as [string, string];
    });

    it('lists the best fit first and counts both tables', async () => {
      const res = await getSlots(org, { service_id: serviceId, date, party_size: 2 });
      expect(res.body.slots[0]).toMatchObject({
        remaining_capacity: 2,
        resource_ids: [small, big],
      });
      const large = await getSlots(org, { service_id: serviceId, date, party_size: 3 });
      expect(large.body.slots[0]).toMatchObject({ remaining_capacity: 1, resource_ids: [big] });
    });

    it('allocates the smaller sufficient table first, then the bigger one', async () => {
      const start = `${date}T09:00:00Z`;
      const first = await mustBook(org, {
        service_id: serviceId,
        start_datetime: start,
        party_size: 2,
      });
      expect(first.resource_ids).toEqual([small]);
      const second = await mustBook(org, {
        service_id: serviceId,
        start_datetime: start,
        party_size: 2,
      });
      expect(second.resource_ids).toEqual([big]);
      const third = await org.api.post('/reservations', {
        service_id: serviceId,
        start_datetime: start,
        contact: { name: 'No room' },
      });
      expect(third.status).toBe(409);
    });

    it('a party too big for the small table takes the big one', async () => {
      const r = await mustBook(org, {
        service_id: serviceId,
        start_datetime: `${date}T10:00:00Z`,
        party_size: 5,
      });
      expect(r.resource_ids).toEqual([big]);
    });

    it('preferred_resource_id on create allocates that resource', async () => {
      const r = await mustBook(org, {
        service_id: serviceId,
        start_datetime: `${date}T11:00:00Z`,
        party_size: 1,
        preferred_resource_id: big,
      });
      expect(r.resource_ids).toEqual([big]);
      expect(r.preferred_resource_id).toBe(big);
      const next = await mustBook(org, {
        service_id: serviceId,
        start_datetime: `${date}T11:00:00Z`,
        party_size: 1,
      });
      expect(next.resource_ids).toEqual([small]);
    });

    it('resource_id filters the slots to that resource', async () => {
      const day = futureDate(16);
      await mustBook(org, {
        service_id: serviceId,
        start_datetime: `${day}T12:00:00Z`,
        preferred_resource_id: small,
      });
      const times = (extra: Record<string, string>) =>
        slotTimes(org, { service_id: serviceId, date: day, ...extra });
      expect(await times({ resource_id: small })).toEqual(
        NINE_TO_FIVE.filter((t) => t !== '12:00'),
      );
      expect(await times({ resource_id: big })).toEqual(NINE_TO_FIVE);
      const filtered = await getSlots(org, { service_id: serviceId, date: day, resource_id: big });
      expect(filtered.body.slots[0]).toMatchObject({ resource_ids: [big], remaining_capacity: 1 });
      const all = await getSlots(org, { service_id: serviceId, date: day });
      const byTime = (t: string) =>
        all.body.slots.find((s: any) => s.start_datetime === `${day}T${t}:00.000Z`);
      expect(byTime('09:00')).toMatchObject({ resource_ids: [small, big], remaining_capacity: 2 });
      expect(byTime('12:00')).toMatchObject({ resource_ids: [big], remaining_capacity: 1 });
    });
  });
});
