import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@/lib/slots';
import { call } from '../helpers/api';
import { futureDate, makeService } from '../helpers/catalog';
import { getSlots, keyOrg, mustBook, mustCreate } from '../helpers/reservations';
import { expectError, expectStatus } from '../api/fixtures';

/** §16 GET /api/reservation-available-days and its public twin. */

describe('available days', () => {
  let org: Awaited<ReturnType<typeof keyOrg>>;
  let serviceId: string;
  let resourceId: string;
  const from = futureDate(5);
  const to = addDays(from, 9);

  beforeAll(async () => {
    org = await keyOrg('America/New_York');
    const fixture = await makeService(org, {
      service: { name: 'Tour', duration_minutes: 60 },
      resources: [{ quantity: 1 }],
      hours: [1, 2, 3, 4, 5].map((day_of_week) => ({
        day_of_week,
        start_time: '09:00',
        end_time: '13:00',
      })),
    });
    serviceId = fixture.serviceId;
    resourceId = fixture.resourceIds[0]!;
    await mustCreate(org, '/reservation-resource-exceptions', {
      resource_id: resourceId,
      date: addDays(from, 2),
      kind: 'blocked',
    });
    const slots = await getSlots(org, { service_id: serviceId, date: from, end_date: to });
    for (const slot of slots.body.slots.slice(0, 3)) {
      await mustBook(org, { service_id: serviceId, start_datetime: slot.start_datetime });
    }
  });

  it('gives every date of the range, each equal to that day’s slot list', async () => {
    const res = await org.api.get(
      `/reservation-available-days?service_id=${serviceId}&date=${from}&end_date=${to}`,
    );
    expectStatus(res, 200);
    expect(res.body).toMatchObject({
      service_id: serviceId,
      date: from,
      end_date: to,
      timezone: 'America/New_York',
    });
    expect(res.body.days.map((d: any) => d.date)).toEqual(
      Array.from({ length: 10 }, (_, i) => addDays(from, i)),
    );
    for (const day of res.body.days) {
      const list = await getSlots(org, { service_id: serviceId, date: day.date });
      expect(day).toEqual({
        date: day.date,
        slot_count: list.body.slots.length,
        first_start_datetime: list.body.slots[0]?.start_datetime ?? null,
      });
    }
    expect(res.body.days.some((d: any) => d.slot_count === 0)).toBe(true);
    expect(res.body.days.some((d: any) => d.slot_count > 0 && d.slot_count < 4)).toBe(true);
  });

  it('takes the timezone, party size and resource parameters like §8', async () => {
    const res = await org.api.get(
      `/reservation-available-days?service_id=${serviceId}&date=${from}&end_date=${to}&timezone=Asia/Tokyo&resource_id=${resourceId}`,
    );
    expectStatus(res, 200);
    expect(res.body.timezone).toBe('Asia/Tokyo');
    const total = res.body.days.reduce((n: number, d: any) => n + d.slot_count, 0);
    const slots = await getSlots(org, {
      service_id: serviceId,
      date: from,
      end_date: to,
      timezone: 'Asia/Tokyo',
    });
    expect(total).toBe(slots.body.slots.length);
  });

  it('allows 62 days, not 63; bad input is 400 and another organization’s service 400', async () => {
    expectStatus(
      await org.api.get(
        `/reservation-available-days?service_id=${serviceId}&date=${from}&end_date=${addDays(from, 62)}`,
      ),
      200,
    );
    expectError(
      await org.api.get(
        `/reservation-available-days?service_id=${serviceId}&date=${from}&end_date=${addDays(from, 63)}`,
      ),
      400,
      'validation_error',
      ['end_date'],
    );
    expectError(
      await org.api.get(`/reservation-available-days?service_id=${serviceId}&date=2027-02-30`),
      400,
      'validation_error',
      ['date'],
    );
    expectError(
      await org.api.get(
        `/reservation-available-days?service_id=${serviceId}&date=${from}&party_size=0`,
      ),
      400,
      'validation_error',
    );
    const other = await keyOrg();
    expectError(
      await other.api.get(`/reservation-available-days?service_id=${serviceId}&date=${from}`),
      400,
      'validation_error',
      ['service_id'],
    );
    expectError(
      await call('GET', `/reservation-available-days?service_id=${serviceId}&date=${from}`),
      401,
      'unauthenticated',
    );
  });

  it('has a public twin on booking links, without resource parameters', async () => {
    const slug = `days-${randomUUID().slice(0, 8)}`;
    await mustCreate(org, '/reservation-booking-links', {
      slug,
      name: 'Tours',
      service_ids: [serviceId],
    });
    const pub = await call(
      'GET',
      `/public/booking-links/${slug}/days?service_id=${serviceId}&date=${from}&end_date=${to}`,
    );
    expectStatus(pub, 200);
    const staff = await org.api.get(
      `/reservation-available-days?service_id=${serviceId}&date=${from}&end_date=${to}`,
    );
    expect(pub.body).toEqual(staff.body);
    expectError(
      await call(
        'GET',
        `/public/booking-links/${slug}/days?service_id=${serviceId}&date=${from}&resource_id=${resourceId}`,
      ),
      400,
      'validation_error',
      ['resource_id'],
    );
    expectError(
      await call(
        'GET',
        `/public/booking-links/${slug}/days?service_id=${randomUUID()}&date=${from}`,
      ),
      404,
      'not_found',
    );
  });

  it('answers the last dates of the calendar (9999-12-31), linked or not, staff and public', async () => {
    const bare = await org.api.post('/reservation-services', {
      name: 'No links',
      duration_minutes: 30,
    });
    expectStatus(bare, 201);
    const slug = `days-end-${randomUUID().slice(0, 8)}`;
    await mustCreate(org, '/reservation-booking-links', {
      slug,
      name: 'End of time',
      service_ids: [serviceId, bare.body.id],
    });
    for (const id of [bare.body.id, serviceId]) {
      for (const range of ['date=9999-12-31', 'date=9999-12-01&end_date=9999-12-31']) {
        for (const res of [
          await org.api.get(`/reservation-available-days?service_id=${id}&${range}`),
          await call('GET', `/public/booking-links/${slug}/days?service_id=${id}&${range}`),
        ]) {
          expectStatus(res, 200);
          expect(res.body.days.at(-1)).toEqual({
            date: '9999-12-31',
            slot_count: 0,
            first_start_datetime: null,
          });
        }
        expectStatus(
          await org.api.get(`/reservation-available-slots?service_id=${id}&${range}`),
          200,
        );
      }
    }
  });
});
