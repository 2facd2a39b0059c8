import { beforeAll, describe, expect, it } from 'vitest';
import { collections, routes } from '@/lib/api/routes';
import { futureDate } from '../helpers/catalog';
import { call } from '../helpers/api';
import { createFixture, fillPath, fixtureParams, type Fixture } from '../security/fixture';

/**
 * Every GET of the route table, called on the fixture organization's records, answers 200
 * through the router's answer check (lib/openapi/answer-check.ts), which holds the answer
 * against the schema the API reference documents: unknown fields fail where the schema closes
 * the object, so a column added without a thought shows up here.
 */

const gets = routes.filter((r) => r.method === 'GET' && (r.schemas?.status ?? 200) < 400);

/** Query strings for the GETs that need one. */
function queryFor(path: string, fx: Fixture): string {
  const date = futureDate(8);
  if (path === '/reservation-available-slots' || path === '/reservation-available-days')
    return `?service_id=${fx.serviceId}&date=${date}`;
  if (path === '/public/booking-links/:slug/slots' || path === '/public/booking-links/:slug/days')
    return `?service_id=${fx.serviceId}&date=${date}`;
  if (path === '/public/reservations/:token/slots') return `?date=${date}`;
  return '';
}

describe('documented answers match real ones', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture();
  }, 120_000);

  it('covers the collections and reservations', () => {
    const paths = gets.map((r) => r.path);
    for (const def of collections) {
      expect(paths).toContain(`/${def.path}`);
      expect(paths).toContain(`/${def.path}/:id`);
    }
    expect(paths).toEqual(expect.arrayContaining(['/reservations', '/reservations/:id']));
  });

  it.each(gets.map((route) => [`GET ${route.path}`, route] as const))('%s', async (_, route) => {
    const params = fixtureParams(route, fx);
    expect(params, 'a fixture record for this route').not.toBeNull();
    const path = fillPath(route.path, params!) + queryFor(route.path, fx);
    const res = await call('GET', path, { key: fx.org.key });
    // Uploads answer bytes that the fixture never stored: a documented 404.
    const expected = route.path.startsWith('/uploads/') ? 404 : 200;
    expect(res.status, JSON.stringify(res.body).slice(0, 800)).toBe(expected);
  });
});
