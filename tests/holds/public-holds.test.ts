import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PEER_ADDRESS_HEADER } from '@/lib/http/client-ip';
import { call } from '../helpers/api';
import { futureDate, makeService } from '../helpers/catalog';
import { everyDay, keyOrg, mustCreate } from '../helpers/reservations';
import { expectError, expectStatus } from '../api/fixtures';

/**
 * Anonymous holds (issue 23): a public client keeps at most PUBLIC_HOLDS_PER_CLIENT live holds
 * per link, a link at most PUBLIC_HOLDS_PER_LINK, each for at most 600 s at a time; a new hold
 * may replace the visitor's previous one. Holds through the staff API are not concerned.
 */

type Org = Awaited<ReturnType<typeof keyOrg>>;

const date = futureDate(11);
const at = (hhmm: string) => `${date}T${hhmm}:00.000Z`;
const randomIp = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join('.')}`;

describe('public holds: caps, TTL, replacing the previous one', () => {
  let org: Org;
  let serviceId: string;
  let slug: string;

  beforeAll(async () => {
    org = await keyOrg('UTC');
    serviceId = (
      await makeService(org, {
        service: { duration_minutes: 30 },
        resources: [{ quantity: 20 }],
        hours: everyDay('08:00', '20:00'),
      })
    ).serviceId;
    slug = `ph-${randomUUID().slice(0, 8)}`;
    await mustCreate(org, '/reservation-booking-links', {
      slug,
      name: 'P',
      service_ids: [serviceId],
    });
  });
  afterEach(() => vi.unstubAllEnvs());

  const holdAs = (ip: string, body: Record<string, unknown>) =>
    call('POST', `/public/booking-links/${slug}/holds`, {
      headers: { [PEER_ADDRESS_HEADER]: ip },
      body: { service_id: serviceId, ...body },
    });

  it('one client IP cannot keep more than the cap on a link; others still can', async () => {
    const ip = randomIp();
    const held = [];
    for (const t of ['08:00', '08:30', '09:00']) {
      const h = await holdAs(ip, { start_datetime: at(t) });
      expectStatus(h, 201);
      held.push(h.body);
    }
    const over = await holdAs(ip, { start_datetime: at('09:30') });
    expectError(over, 429, 'rate_limited');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(500);
    expectStatus(await holdAs(randomIp(), { start_datetime: at('09:30') }), 201);
    // Letting one go makes room again.
    expectStatus(
      await call('DELETE', `/public/booking-links/${slug}/holds/${held[0].id}`, {
        headers: { [PEER_ADDRESS_HEADER]: ip },
      }),
      200,
    );
    expectStatus(await holdAs(ip, { start_datetime: at('09:30') }), 201);
  });

  it('concurrent requests from one IP cannot get past the cap together, across services', async () => {
    // Different services lock different rows (write-lock.ts), so only the link's own lock
    // keeps these from all counting the same two holds at once.
    const ids = [];
    for (let i = 0; i < 6; i++) {
      ids.push(
        (
          await makeService(org, {
            service: { duration_minutes: 30 },
            hours: everyDay('08:00', '20:00'),
          })
        ).serviceId,
      );
    }
    const raceSlug = `phr-${randomUUID().slice(0, 8)}`;
    await mustCreate(org, '/reservation-booking-links', {
      slug: raceSlug,
      name: 'Race',
      service_ids: ids,
    });
    const ip = randomIp();
    const results = await Promise.all(
      ids.map((id) =>
        call('POST', `/public/booking-links/${raceSlug}/holds`, {
          headers: { [PEER_ADDRESS_HEADER]: ip },
          body: { service_id: id, start_datetime: at('16:00') },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 429, 429, 429]);
  });

  it('a link keeps at most PUBLIC_HOLDS_PER_LINK live public holds, and the caps are configurable', async () => {
    vi.stubEnv('PUBLIC_HOLDS_PER_LINK', '5'); // 4 are live from the test before
    vi.stubEnv('PUBLIC_HOLDS_PER_CLIENT', '1');
    const ip = randomIp();
    expectStatus(await holdAs(ip, { start_datetime: at('10:00') }), 201);
    expectError(await holdAs(ip, { start_datetime: at('10:30') }), 429, 'rate_limited');
    expectError(await holdAs(randomIp(), { start_datetime: at('10:30') }), 429, 'rate_limited');
  });

  it('holds through the staff API are not capped', async () => {
    vi.stubEnv('PUBLIC_HOLDS_PER_LINK', '1');
    vi.stubEnv('PUBLIC_HOLDS_PER_CLIENT', '1');
    for (const t of ['11:00', '11:30', '12:00', '12:30', '13:00']) {
      const h = await org.api.post('/reservation-holds', {
        service_id: serviceId,
        start_datetime: at(t),
        ttl_seconds: 1800,
      });
      expectStatus(h, 201);
      expect(Date.parse(h.body.expires_at) - Date.now()).toBeGreaterThan(1700_000);
    }
  });

  it('lives at most 600 s at a time, extendable while the page is open, 1800 s in all', async () => {
    const ip = randomIp();
    const h = await holdAs(ip, { start_datetime: at('14:00'), ttl_seconds: 1800 });
    expectStatus(h, 201);
    const ttl = Date.parse(h.body.expires_at) - Date.now();
    expect(ttl).toBeLessThanOrEqual(600_000);
    expect(ttl).toBeGreaterThan(590_000);
    const extended = await call('PATCH', `/public/booking-links/${slug}/holds/${h.body.id}`, {
      headers: { [PEER_ADDRESS_HEADER]: ip },
      body: { ttl_seconds: 1800 },
    });
    expectStatus(extended, 200);
    expect(Date.parse(extended.body.expires_at) - Date.now()).toBeLessThanOrEqual(600_000);
    expect(Object.keys(extended.body).sort()).toEqual(
      ['end_datetime', 'expires_at', 'id', 'start_datetime'].sort(),
    );
    // Only through its own link: a staff hold (no link) is not found there.
    const staff = await org.api.post('/reservation-holds', {
      service_id: serviceId,
      start_datetime: at('14:30'),
    });
    expectError(
      await call('PATCH', `/public/booking-links/${slug}/holds/${staff.body.id}`, {
        body: { ttl_seconds: 600 },
      }),
      404,
      'not_found',
    );
  });

  it('a new hold naming the previous one (replaces_hold_id) releases it in the same write', async () => {
    const ip = randomIp();
    // A service with one unit, so the previous hold really holds the only seat.
    const one = (
      await makeService(org, {
        service: { duration_minutes: 30 },
        resources: [{ quantity: 1 }],
        hours: everyDay('08:00', '20:00'),
      })
    ).serviceId;
    const oneSlug = `ph1-${randomUUID().slice(0, 8)}`;
    await mustCreate(org, '/reservation-booking-links', {
      slug: oneSlug,
      name: 'One',
      service_ids: [one, serviceId],
    });
    const post = (body: Record<string, unknown>) =>
      call('POST', `/public/booking-links/${oneSlug}/holds`, {
        headers: { [PEER_ADDRESS_HEADER]: ip },
        body,
      });
    const first = await post({ service_id: one, start_datetime: at('15:00') });
    expectStatus(first, 201);
    // The visitor picks 15:30 instead: the 15:00 hold goes with it.
    const second = await post({
      service_id: one,
      start_datetime: at('15:30'),
      replaces_hold_id: first.body.id,
    });
    expectStatus(second, 201);
    expectError(await org.api.get(`/reservation-holds/${first.body.id}`), 404, 'not_found');
    const slots = await org.api.get(`/reservation-available-slots?service_id=${one}&date=${date}`);
    const starts = slots.body.slots.map((s: { start_datetime: string }) => s.start_datetime);
    expect(starts).toContain(at('15:00'));
    expect(starts).not.toContain(at('15:30'));
    // …and back to the same time it held, or to another service of the link: still one hold.
    const third = await post({
      service_id: one,
      start_datetime: at('15:30'),
      replaces_hold_id: second.body.id,
    });
    expectStatus(third, 201);
    const fourth = await post({
      service_id: serviceId,
      start_datetime: at('16:00'),
      replaces_hold_id: third.body.id,
    });
    expectStatus(fourth, 201);
    expectError(await org.api.get(`/reservation-holds/${third.body.id}`), 404, 'not_found');
    // A refused new hold leaves the previous one in place.
    const staff = await org.api.post('/reservation-holds', {
      service_id: one,
      start_datetime: at('17:00'),
    });
    expectStatus(staff, 201);
    expectError(
      await post({
        service_id: one,
        start_datetime: at('17:00'),
        replaces_hold_id: fourth.body.id,
      }),
      409,
      'slot_unavailable',
    );
    expectStatus(await org.api.get(`/reservation-holds/${fourth.body.id}`), 200);
    // A hold of another link, or a staff hold, is not the visitor's to replace.
    const kept = await post({
      service_id: serviceId,
      start_datetime: at('18:00'),
      replaces_hold_id: staff.body.id,
    });
    expectStatus(kept, 201);
    expectStatus(await org.api.get(`/reservation-holds/${staff.body.id}`), 200);
  });
});
