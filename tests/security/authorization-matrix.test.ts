import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '@/lib/api/routes';
import type { Route } from '@/lib/http/route';
import { BASE, call, createKeyOrg, type ApiResponse } from '../helpers/api';
import { addUser, expectError, expectNoStack } from '../api/fixtures';
import { createFixture, fillPath, fixtureParams, type Fixture } from './fixture';

/**
 * The contract's access rules (§0, §1), for every route of the route table and every kind of
 * caller, generated from `routes` so a new route is covered the day it is added:
 * - anonymous: public routes are not 401; every other route is 401;
 * - another organization's API key: a route naming a record of the fixture organization is
 *   404, exactly as for a missing record;
 * - a `staff` user (session cookie, same-origin writes): `admin` routes are 403, `member`
 *   routes are answered (2xx/4xx, never 401/403);
 * - an `admin` user: every private route is answered;
 * - a cookie write without this app's Origin is 403.
 */

type Caller = 'anonymous' | 'other organization' | 'staff' | 'admin';

const key = (r: Route) => `${r.method} ${r.path}`;
const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const hasParams = (r: Route) => r.path.includes('/:');
const isPrivate = (r: Route) => r.access !== 'public';

/**
 * Routes that take the API key only, by path: a session cookie is 401 there. Each with why.
 */
const KEY_ONLY: Record<string, string> = {
  '/ai-assistants/:id/mcp':
    'MCP clients are programs: §13 says the MCP server is authenticated with the API key.',
};

/**
 * Private routes with an id that the "another organization → 404" rule does not apply to,
 * each with its reason. A route with an id that is neither here nor in the fixture fails.
 */
const EXEMPT_FROM_OTHER_ORG_404: Record<string, string> = {
  'DELETE /reservations/:id':
    'Not offered (405 for every id, before any lookup), so it reveals nothing about the record.',
};

const keyOnly = (r: Route) => Object.hasOwn(KEY_ONLY, r.path);

/**
 * Writes are sent with `{}` unless a route needs a valid body to reach its record: a body
 * refused first (400) would hide whether the record is found.
 */
const BODIES: Record<string, Record<string, unknown>> = {
  'PATCH /reservation-holds/:id': { ttl_seconds: 120 },
};

function expectAnswered(res: ApiResponse, why: string) {
  expect(res.status, why).toBeLessThan(500);
  expect([401, 403], why).not.toContain(res.status);
  if (res.status >= 400) expectError(res, res.status, res.body?.error?.code);
  expectNoStack(res);
}

function expectEnvelopeIfError(res: ApiResponse) {
  if (res.status >= 400 && res.headers.get('content-type')?.startsWith('application/json')) {
    expectError(res, res.status, res.body?.error?.code);
  }
  expectNoStack(res);
}

describe('authorization matrix', () => {
  let fx: Fixture;
  let other: Awaited<ReturnType<typeof createKeyOrg>>;
  let staffCookie: string;
  let adminCookie: string;

  beforeAll(async () => {
    fx = await createFixture();
    other = await createKeyOrg();
    // Users are made after the fixture: an admin's PATCH/DELETE of /users/:id targets the
    // fixture's own user, never these two.
    staffCookie = (await addUser(fx.org, 'staff')).cookie;
    adminCookie = (await addUser(fx.org, 'admin')).cookie;
  }, 120_000);

  async function send(
    route: Route,
    caller: Caller,
    opts: { origin?: boolean; params?: Record<string, string> } = {},
  ) {
    const params = opts.params ?? fixtureParams(route, fx);
    if (!params) throw new Error(`no fixture record for ${key(route)}`);
    const path = fillPath(route.path, params);
    const write = WRITES.has(route.method);
    const body = write && !route.rawBody ? (BODIES[key(route)] ?? {}) : undefined;
    const headers: Record<string, string> = {};
    if (write && (opts.origin ?? true)) headers.origin = BASE;
    switch (caller) {
      case 'anonymous':
        return call(route.method, path, { body, headers });
      case 'other organization':
        return call(route.method, path, { key: other.key, body, headers });
      case 'staff':
        return call(route.method, path, { cookie: staffCookie, body, headers });
      case 'admin':
        return call(route.method, path, { cookie: adminCookie, body, headers });
    }
  }

  it('every route with an id has a fixture record or a stated exemption', () => {
    const missing = routes
      .filter((r) => isPrivate(r) && hasParams(r))
      .filter((r) => !fixtureParams(r, fx) && !EXEMPT_FROM_OTHER_ORG_404[key(r)])
      .map(key);
    expect(missing, 'add a record to tests/security/fixture.ts or an exemption').toEqual([]);
  });

  it('the exemption tables name only routes that exist', () => {
    const keys = new Set(routes.map(key));
    const paths = new Set(routes.map((r) => r.path));
    for (const k of Object.keys(EXEMPT_FROM_OTHER_ORG_404)) expect(keys).toContain(k);
    for (const p of Object.keys(KEY_ONLY)) expect(paths).toContain(p);
  });

  describe('anonymous', () => {
    it.each(routes.map((r) => [key(r), r] as const))('%s', async (_, route) => {
      const res = await send(route, 'anonymous');
      if (isPrivate(route)) {
        expectError(res, 401, 'unauthenticated');
      } else {
        expect(res.status, JSON.stringify(res.body)).not.toBe(401);
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        expectEnvelopeIfError(res);
      }
    });
  });

  describe('another organization’s API key', () => {
    const cases = routes.filter(isPrivate).map((r) => [key(r), r] as const);
    it.each(cases)('%s', async (k, route) => {
      const res = await send(route, 'other organization');
      if (hasParams(route) && !EXEMPT_FROM_OTHER_ORG_404[k]) {
        expectError(res, 404, 'not_found');
        // Indistinguishable from a missing record (§0).
        const missing = await send(route, 'other organization', {
          params: Object.fromEntries(
            Object.keys(fixtureParams(route, fx)!).map((n) => [
              n,
              '00000000-0000-4000-8000-000000000000',
            ]),
          ),
        });
        expect(missing.status).toBe(404);
        expect(missing.body).toEqual(res.body);
      } else {
        expectAnswered(res, JSON.stringify(res.body));
      }
    });
  });

  describe('staff user (session cookie)', () => {
    it.each(routes.filter(isPrivate).map((r) => [key(r), r] as const))('%s', async (_, route) => {
      const res = await send(route, 'staff');
      if (keyOnly(route)) expectError(res, 401, 'unauthenticated');
      else if (route.access === 'admin') expectError(res, 403, 'forbidden');
      else expectAnswered(res, JSON.stringify(res.body));
    });
  });

  describe('cookie writes without this app’s Origin', () => {
    const writes = routes.filter((r) => isPrivate(r) && WRITES.has(r.method) && !keyOnly(r));
    it.each(writes.map((r) => [key(r), r] as const))('%s → 403', async (_, route) => {
      expectError(await send(route, 'staff', { origin: false }), 403, 'forbidden');
      expectError(await send(route, 'admin', { origin: false }), 403, 'forbidden');
    });
  });

  describe('admin user (session cookie)', () => {
    it.each(routes.filter(isPrivate).map((r) => [key(r), r] as const))('%s', async (_, route) => {
      const res = await send(route, 'admin');
      if (keyOnly(route)) expectError(res, 401, 'unauthenticated');
      else expectAnswered(res, JSON.stringify(res.body));
    });
  });
});
