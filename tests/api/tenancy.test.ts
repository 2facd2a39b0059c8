import { beforeAll, describe, expect, it } from 'vitest';
import { call, createKeyOrg } from '../helpers/api';
import {
  COLLECTIONS,
  expectError,
  expectStatus,
  make,
  seedAll,
  type Api,
  type Seed,
} from './fixtures';

/** §0 tenancy: another organization's records are invisible, unreachable and unreferenceable. */

type Org = Awaited<ReturnType<typeof createKeyOrg>>;

describe('two organizations', () => {
  let a: Org;
  let b: Org;
  let seedA: Seed;
  let seedB: Seed;
  beforeAll(async () => {
    [a, b] = await Promise.all([createKeyOrg(), createKeyOrg('America/New_York')]);
    [seedA, seedB] = await Promise.all([seedAll(a.api), seedAll(b.api)]);
  });

  describe.each(COLLECTIONS)('$path', ({ name, path, patch }) => {
    it('A cannot GET, PATCH or DELETE B’s record (404), and it is unchanged', async () => {
      const theirs = seedB[name];
      expectError(await a.api.get(`${path}/${theirs.id}`), 404, 'not_found');
      expectError(await a.api.patch(`${path}/${theirs.id}`, patch), 404, 'not_found');
      expectError(await a.api.delete(`${path}/${theirs.id}`), 404, 'not_found');
      const after = await b.api.get(`${path}/${theirs.id}`);
      expectStatus(after, 200);
      expect(after.body).toEqual(theirs);
    });

    it('A’s error for B’s record is the same as for a missing one', async () => {
      const theirs = await a.api.get(`${path}/${seedB[name].id}`);
      const missing = await a.api.get(`${path}/00000000-0000-4000-8000-000000000000`);
      expect(theirs.status).toBe(missing.status);
      expect(theirs.body).toEqual(missing.body);
    });

    it('A’s list never shows B’s rows', async () => {
      const res = await a.api.get(`${path}?$limit=50`);
      expectStatus(res, 200);
      const ids = res.body.data.map((r: { id: string }) => r.id);
      expect(ids).toContain(seedA[name].id);
      expect(ids).not.toContain(seedB[name].id);
      expect(
        res.body.data.every((r: { organization_id: string }) => r.organization_id === a.id),
      ).toBe(true);
      expect(res.body.total).toBe(res.body.data.length);
    });
  });

  it.each([
    ['/contacts?company_id=', 'company'],
    ['/deals?contact_id=', 'contact'],
    ['/reservation-service-resources?service_id=', 'service'],
    ['/reservation-resource-availability?resource_id=', 'resource'],
    ['/reservation-resource-exceptions?resource_id=', 'resource'],
  ] as const)('filtering %s<B’s id> finds nothing', async (prefix, name) => {
    const res = await a.api.get(`${prefix}${seedB[name].id}`);
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ total: 0, data: [] });
  });

  it('$search never reaches B’s contacts', async () => {
    const res = await a.api.get('/contacts?$search=ada');
    expect(res.body.data.map((c: { id: string }) => c.id)).toEqual([seedA.contact.id]);
  });

  describe('ids of B’s records in A’s bodies → 400 at the field', () => {
    const cases: [
      string,
      string,
      (s: { a: Seed; b: Seed }) => Record<string, unknown>,
      string[],
    ][] = [
      [
        'contact with B’s company',
        '/contacts',
        ({ b }) => ({ name: 'x', company_id: b.company.id }),
        ['company_id'],
      ],
      [
        'deal with B’s contact',
        '/deals',
        ({ b }) => ({ title: 'x', contact_id: b.contact.id }),
        ['contact_id'],
      ],
      [
        'deal with B’s company',
        '/deals',
        ({ b }) => ({ title: 'x', company_id: b.company.id }),
        ['company_id'],
      ],
      [
        'deal with both of B’s',
        '/deals',
        ({ b }) => ({ title: 'x', contact_id: b.contact.id, company_id: b.company.id }),
        ['contact_id', 'company_id'],
      ],
      [
        'link of A’s service to B’s resource',
        '/reservation-service-resources',
        ({ a, b }) => ({ service_id: a.service.id, resource_id: b.resource.id }),
        ['resource_id'],
      ],
      [
        'link of B’s service to A’s resource',
        '/reservation-service-resources',
        ({ a, b }) => ({ service_id: b.service.id, resource_id: a.resource.id }),
        ['service_id'],
      ],
      [
        'hours on B’s resource',
        '/reservation-resource-availability',
        ({ b }) => ({
          resource_id: b.resource.id,
          day_of_week: 1,
          start_time: '09:00',
          end_time: '10:00',
        }),
        ['resource_id'],
      ],
      [
        'exception on B’s resource',
        '/reservation-resource-exceptions',
        ({ b }) => ({ resource_id: b.resource.id, date: '2030-02-01', kind: 'blocked' }),
        ['resource_id'],
      ],
    ];
    it.each(cases)('%s', async (_label, path, body, paths) => {
      const before = (await a.api.get(`${path}?$limit=50`)).body.total;
      expectError(
        await a.api.post(path, body({ a: seedA, b: seedB })),
        400,
        'validation_error',
        paths,
      );
      expect((await a.api.get(`${path}?$limit=50`)).body.total).toBe(before);
    });

    it.each([
      ['/contacts', 'contact', 'company_id', 'company'],
      ['/deals', 'deal', 'contact_id', 'contact'],
      ['/deals', 'deal', 'company_id', 'company'],
      ['/reservation-resource-availability', 'hours', 'resource_id', 'resource'],
      ['/reservation-resource-exceptions', 'exception', 'resource_id', 'resource'],
    ] as const)('PATCH %s (%s) %s → B’s %s → 400, unchanged', async (path, name, field, target) => {
      const mine = seedA[name];
      expectError(
        await a.api.patch(`${path}/${mine.id}`, { [field]: seedB[target].id }),
        400,
        'validation_error',
        [field],
      );
      expect((await a.api.get(`${path}/${mine.id}`)).body).toEqual(mine);
    });
  });

  it('A’s custom field definitions do not apply to B', async () => {
    expectError(
      await b.api.post('/contacts', { name: 'x', custom_fields_by_key: { only_in_a: 'v' } }),
      400,
      'validation_error',
      ['custom_fields_by_key.only_in_a'],
    );
    await make(a.api, '/custom-fields', {
      entity_type: 'contact',
      key: 'only_in_a',
      label: 'A only',
      type: 'text',
    });
    await make(a.api, '/contacts', { name: 'x', custom_fields_by_key: { only_in_a: 'v' } });
    expectError(
      await b.api.post('/contacts', { name: 'x', custom_fields_by_key: { only_in_a: 'v' } }),
      400,
      'validation_error',
      ['custom_fields_by_key.only_in_a'],
    );
  });

  it('the same custom field key can exist in both organizations', async () => {
    const body = { entity_type: 'contact', key: 'shared_key', label: 'S', type: 'text' };
    await make(a.api, '/custom-fields', body);
    await make(b.api, '/custom-fields', body);
  });

  it('A cannot revoke B’s API key, nor see it', async () => {
    const theirs = (await b.api.get('/api-keys')).body.data[0];
    expectError(await a.api.delete(`/api-keys/${theirs.id}`), 404, 'not_found');
    expectStatus(await b.api.get('/organizations/me'), 200);
    const mine = (await a.api.get('/api-keys')).body.data.map((k: { id: string }) => k.id);
    expect(mine).not.toContain(theirs.id);
  });

  it('A cannot see, change or remove B’s users', async () => {
    const created = await call('POST', '/users', {
      key: b.key,
      body: {
        name: 'B staff',
        email: `bstaff-${b.id.slice(0, 8)}@example.test`,
        password: 'password 123',
        role: 'staff',
      },
    });
    expectStatus(created, 201);
    const id = created.body.id;
    expect((await a.api.get('/users')).body.data.map((u: { id: string }) => u.id)).not.toContain(
      id,
    );
    expectError(await a.api.patch(`/users/${id}`, { role: 'admin' }), 404, 'not_found');
    expectError(await a.api.delete(`/users/${id}`), 404, 'not_found');
    const still = (await b.api.get('/users')).body.data.find((u: { id: string }) => u.id === id);
    expect(still).toMatchObject({ role: 'staff', name: 'B staff' });
  });

  it('organizations/me is the caller’s', async () => {
    expect((await a.api.get('/organizations/me')).body).toMatchObject({ id: a.id });
    expect((await b.api.get('/organizations/me')).body).toMatchObject({
      id: b.id,
      timezone: 'America/New_York',
    });
  });
});

describe('deleting in one organization leaves the other alone', () => {
  let a: Org;
  let b: Org;
  let apiA: Api;
  beforeAll(async () => {
    [a, b] = await Promise.all([createKeyOrg(), createKeyOrg()]);
    apiA = a.api;
  });

  it('A deleting its resource cascades only A’s links/hours/exceptions', async () => {
    const [sa, sb] = await Promise.all([seedAll(apiA), seedAll(b.api)]);
    expectStatus(await apiA.delete(`/reservation-resources/${sa.resource.id}`), 200);
    for (const [path, name] of [
      ['/reservation-service-resources', 'link'],
      ['/reservation-resource-availability', 'hours'],
      ['/reservation-resource-exceptions', 'exception'],
    ] as const) {
      expectError(await apiA.get(`${path}/${sa[name].id}`), 404, 'not_found');
      expect((await b.api.get(`${path}/${sb[name].id}`)).body).toEqual(sb[name]);
    }
  });
});
