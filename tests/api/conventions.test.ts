import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BASE,
  call,
  createKeyOrg,
  createTestOrg,
  sessionClient,
  signIn,
  type TestOrg,
} from '../helpers/api';
import { expectError, expectStatus, ISO_UTC, make, type Api } from './fixtures';

/** §0 conventions, exercised through the real router. */

const q = (s: string) => encodeURIComponent(s);

describe('authentication', () => {
  let org: TestOrg;
  let cookie: string;
  beforeAll(async () => {
    org = await createTestOrg();
    cookie = await signIn(org.adminEmail, org.adminPassword);
  });

  it.each([
    ['GET', '/contacts'],
    ['POST', '/contacts'],
    ['GET', '/organizations/me'],
    ['GET', '/reservation-services'],
    ['DELETE', `/contacts/${randomUUID()}`],
    ['GET', '/api-keys'],
  ])('%s %s without credentials → 401 unauthenticated', async (method, path) => {
    expectError(
      await call(method, path, method === 'POST' ? { body: { name: 'x' } } : {}),
      401,
      'unauthenticated',
    );
  });

  it.each([
    ['an unknown key', 'Bearer rsk_doesnotexist'],
    ['an empty Bearer', 'Bearer '],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['two tokens', 'Bearer a b'],
  ])('%s → 401 unauthenticated', async (_label, authorization) => {
    expectError(
      await call('GET', '/contacts', { headers: { authorization } }),
      401,
      'unauthenticated',
    );
  });

  it('a valid key with one character changed → 401', async () => {
    const tampered = org.key.slice(0, -1) + (org.key.endsWith('A') ? 'B' : 'A');
    expectError(await call('GET', '/contacts', { key: tampered }), 401, 'unauthenticated');
  });

  it('a wrong Bearer key is refused even beside a valid session cookie', async () => {
    expectError(
      await call('GET', '/contacts', { key: 'rsk_wrong', cookie }),
      401,
      'unauthenticated',
    );
  });

  it('a revoked key gets 401 at once; other keys keep working', async () => {
    const created = await org.api.post('/api-keys', { name: 'temp' });
    expectStatus(created, 201);
    expectStatus(await call('GET', '/contacts', { key: created.body.key }), 200);
    expectStatus(await org.api.delete(`/api-keys/${created.body.id}`), 200);
    expectError(await call('GET', '/contacts', { key: created.body.key }), 401, 'unauthenticated');
    expectError(
      await call('POST', '/contacts', { key: created.body.key, body: { name: 'x' } }),
      401,
      'unauthenticated',
    );
    expectStatus(await org.api.get('/contacts'), 200);
  });

  it('an unknown or expired session cookie → 401', async () => {
    expectError(
      await call('GET', '/contacts', { cookie: 'reservations.session_token=nope' }),
      401,
      'unauthenticated',
    );
  });

  it.each(['/organizations/me', '/contacts', '/reservation-services', '/custom-fields'])(
    'a session cookie reads %s',
    async (path) => {
      expectStatus(await call('GET', path, { cookie }), 200);
    },
  );

  describe('cookie-authenticated writes must come from the app origin', () => {
    it.each([
      ['no Origin or Referer', {}],
      ['a foreign Origin', { origin: 'https://evil.example' }],
      ['Origin null', { origin: 'null' }],
      ['a foreign Referer', { referer: 'https://evil.example/page' }],
      ['another port', { origin: 'http://localhost:3001' }],
    ])('POST with %s → 403 forbidden, nothing created', async (_label, headers) => {
      const name = `csrf-${randomUUID()}`;
      expectError(
        await call('POST', '/contacts', { cookie, headers, body: { name } }),
        403,
        'forbidden',
      );
      expect((await org.api.get(`/contacts?name=${q(name)}`)).body.total).toBe(0);
    });

    it('PATCH and DELETE without Origin → 403 and the record is unchanged', async () => {
      const c = await make(org.api, '/contacts', { name: 'Keep me' });
      expectError(
        await call('PATCH', `/contacts/${c.id}`, { cookie, body: { name: 'x' } }),
        403,
        'forbidden',
      );
      expectError(await call('DELETE', `/contacts/${c.id}`, { cookie }), 403, 'forbidden');
      expect((await org.api.get(`/contacts/${c.id}`)).body).toEqual(c);
    });

    it('writes with the same-origin Origin or Referer succeed', async () => {
      const viaOrigin = await call('POST', '/contacts', {
        cookie,
        headers: { origin: BASE },
        body: { name: 'O' },
      });
      expectStatus(viaOrigin, 201);
      const viaReferer = await call('POST', '/contacts', {
        cookie,
        headers: { referer: `${BASE}/contacts` },
        body: { name: 'R' },
      });
      expectStatus(viaReferer, 201);
      const s = sessionClient(cookie);
      expectStatus(await s.patch(`/contacts/${viaOrigin.body.id}`, { name: 'O2' }), 200);
      expectStatus(await s.delete(`/contacts/${viaOrigin.body.id}`), 200);
    });

    it('Bearer-key writes need no Origin', async () => {
      expectStatus(await org.api.post('/contacts', { name: 'No origin needed' }), 201);
    });
  });
});

describe('routing and the error envelope', () => {
  let key: string;
  beforeAll(async () => ({ key } = await createKeyOrg()));

  it.each([
    ['GET', '/nope'],
    ['GET', '/'],
    ['POST', '/contacts/extra/segments'],
    ['GET', '/reservation-services/x/y'],
  ])('unknown route %s %s → 404 not_found envelope', async (method, path) => {
    expectError(await call(method, path, { key }), 404, 'not_found');
    expectError(await call(method, path), 404, 'not_found');
  });

  it.each([
    ['PUT', '/contacts', 'GET, POST'],
    ['DELETE', '/contacts', 'GET, POST'],
    ['PATCH', '/reservation-services', 'GET, POST'],
    ['POST', `/contacts/${randomUUID()}`, 'GET, PATCH, DELETE'],
    ['PUT', `/custom-fields/${randomUUID()}`, 'GET, PATCH, DELETE'],
    ['POST', '/organizations/me', 'GET'],
  ])('wrong method %s %s → 405 with Allow', async (method, path, allow) => {
    const res = await call(method, path, { key });
    expectError(res, 405, 'method_not_allowed');
    expect(res.headers.get('allow')).toBe(allow);
  });

  it.each([
    ['GET', '/contacts/not-a-uuid'],
    ['PATCH', '/contacts/123'],
    ['DELETE', '/reservation-services/abc'],
    ['GET', '/reservation-resources/00000000-0000-0000-0000-00000000000g'],
    ['DELETE', '/api-keys/not-a-uuid'],
    ['GET', `/deals/${randomUUID()}`],
  ])('%s %s (non-UUID or unknown id) → 404 not_found', async (method, path) => {
    expectError(
      await call(method, path, { key, ...(method === 'PATCH' ? { body: { name: 'x' } } : {}) }),
      404,
      'not_found',
    );
  });

  // A malformed escape names nothing: the request is malformed (400), never a 500.
  it.each(['/contacts/%ZZ', '/contacts/%E0%A4%A', '/nope/%FF'])(
    'a malformed percent-escape in the path (%s) → 400 validation_error',
    async (path) => {
      expectError(await call('GET', path, { key }), 400, 'validation_error');
    },
  );

  it('every response carries x-request-id and no-store', async () => {
    const res = await call('GET', '/nope', { key });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('list pagination and sorting', () => {
  let api: Api;
  beforeAll(async () => {
    ({ api } = await createKeyOrg());
    for (let i = 1; i <= 12; i++)
      await make(api, '/companies', { name: `C${String(i).padStart(2, '0')}` });
  });
  const names = (res: { body: { data: { name: string }[] } }) => res.body.data.map((r) => r.name);

  it('defaults: limit 10, skip 0, and the Feathers page shape', async () => {
    const res = await api.get('/companies');
    expectStatus(res, 200);
    expect(Object.keys(res.body).sort()).toEqual(['data', 'limit', 'skip', 'total']);
    expect(res.body).toMatchObject({ total: 12, limit: 10, skip: 0 });
    expect(res.body.data).toHaveLength(10);
  });

  it.each([
    ['$limit=60', 50, 12],
    ['$limit=50', 50, 12],
    ['$limit=5', 5, 5],
    ['$limit=0', 0, 0],
  ])('%s → limit %i, %i rows', async (qs, limit, rows) => {
    const res = await api.get(`/companies?${qs}`);
    expectStatus(res, 200);
    expect(res.body.limit).toBe(limit);
    expect(res.body.total).toBe(12);
    expect(res.body.data).toHaveLength(rows);
  });

  it.each([
    ['$limit=-1', '$limit'],
    ['$limit=abc', '$limit'],
    ['$limit=1.5', '$limit'],
    ['$limit=', '$limit'],
    ['$limit[]=5', '$limit'],
    ['$skip=-1', '$skip'],
    ['$skip=x', '$skip'],
    ['$sort[nope]=1', '$sort.nope'],
    ['$sort[name]=2', '$sort.name'],
    ['$sort[name]=asc', '$sort.name'],
    ['$sort=name', '$sort'],
  ])('%s → 400 validation_error at %s', async (qs, path) => {
    expectError(await api.get(`/companies?${qs}`), 400, 'validation_error', [path]);
  });

  it('$skip pages through a stable order', async () => {
    const res = await api.get('/companies?$sort[name]=1&$skip=10');
    expect(res.body).toMatchObject({ total: 12, limit: 10, skip: 10 });
    expect(names(res)).toEqual(['C11', 'C12']);
  });

  it('$sort[name]=1 and -1', async () => {
    expect(names(await api.get('/companies?$sort[name]=1&$limit=3'))).toEqual([
      'C01',
      'C02',
      'C03',
    ]);
    expect(names(await api.get('/companies?$sort[name]=-1&$limit=3'))).toEqual([
      'C12',
      'C11',
      'C10',
    ]);
  });
});

describe('list filters', () => {
  let api: Api;
  let before: string;
  beforeAll(async () => {
    ({ api } = await createKeyOrg());
    before = new Date(Date.now() - 60_000).toISOString();
    await make(api, '/contacts', { name: 'Ada', email: 'ada@example.com' });
    await make(api, '/contacts', { name: 'Bob', email: 'bob@example.com' });
    await make(api, '/contacts', { name: 'Cy', email: 'cy@example.com' });
  });
  const names = async (qs: string) => {
    const res = await api.get(`/contacts?$sort[name]=1&${qs}`);
    expectStatus(res, 200);
    return res.body.data.map((c: { name: string }) => c.name);
  };
  const future = new Date(Date.now() + 3_600_000).toISOString();

  it.each([
    ['name=Ada', ['Ada']],
    ['email=bob%40example.com', ['Bob']],
    ['email[$in][]=ada%40example.com&email[$in][]=cy%40example.com', ['Ada', 'Cy']],
    ['name[$ne]=Ada', ['Bob', 'Cy']],
    [`created_at[$gte]=${q(future)}`, []],
    [`created_at[$lt]=${q(future)}`, ['Ada', 'Bob', 'Cy']],
    [`created_at[$gt]=${q('2000-01-01T00:00:00+02:00')}`, ['Ada', 'Bob', 'Cy']],
    [`created_at[$lte]=${q('2000-01-01T00:00:00Z')}`, []],
  ])('%s', async (qs, expected) => {
    expect(await names(qs)).toEqual(expected);
  });

  it('created_at[$gte] on an instant a minute ago keeps everything', async () => {
    expect(await names(`created_at[$gte]=${q(before)}`)).toEqual(['Ada', 'Bob', 'Cy']);
  });

  it.each([
    ['created_at[$gte]=yesterday', 'created_at.$gte'],
    ['created_at[$gte]=2024-01-01', 'created_at.$gte'],
    ['created_at[$gte]=2024-01-01T00:00:00', 'created_at.$gte'],
    ['created_at[$gte]=2024-13-01T00:00:00Z', 'created_at.$gte'],
    ['created_at[$lt]=2024-02-30T00:00:00Z', 'created_at.$lt'],
    ['nope=1', 'nope'],
    ['$foo=1', '$foo'],
    ['name[$gt]=A', 'name.$gt'],
    ['name[$regex]=A', 'name.$regex'],
    ['company_id=not-a-uuid', 'company_id'],
    ['name[]=a&name[]=b', 'name'],
  ])('%s → 400 at %s', async (qs, path) => {
    expectError(await api.get(`/contacts?${qs}`), 400, 'validation_error', [path]);
  });

  it.each([
    ['/reservation-services?is_active=yes', 'is_active'],
    ['/reservation-resources?type=spaceship', 'type'],
    ['/reservation-service-resources?$search=x', '$search'],
    ['/reservation-resource-exceptions?date=2024-02-30', 'date'],
  ])('%s → 400 at %s', async (path, detail) => {
    expectError(await api.get(path), 400, 'validation_error', [detail]);
  });

  it.each(['/contacts?name=%00', '/reservation-resource-availability?day_of_week=99999999'])(
    'bad input never gives a 500: %s → 400',
    async (path) => {
      expectError(await api.get(path), 400, 'validation_error');
    },
  );
});

describe('request bodies', () => {
  let api: Api;
  let key: string;
  beforeAll(async () => ({ api, key } = await createKeyOrg()));

  it('an unknown body field → 400 validation_error naming it', async () => {
    const res = await api.post('/contacts', { name: 'x', nickname: 'y' });
    expectError(res, 400, 'validation_error');
    expect(JSON.stringify(res.body.error.details)).toContain('nickname');
    const c = await make(api, '/contacts', { name: 'x' });
    expectError(await api.patch(`/contacts/${c.id}`, { nickname: 'y' }), 400, 'validation_error');
  });

  // BUG lib/http/responses.ts zodToAppError: zod's unrecognized_keys issue has path [] → details path "".
  it('an unknown body field is reported at its own path', async () => {
    expectError(
      await api.post('/contacts', { name: 'x', nickname: 'y' }),
      400,
      'validation_error',
      ['nickname'],
    );
  });

  it.each([
    ['malformed JSON', '{"name": '],
    ['a trailing comma', '{"name": "x",}'],
    ['an array', '[{"name": "x"}]'],
    ['a string', '"x"'],
    ['null', 'null'],
  ])('%s → 400 validation_error', async (_label, rawBody) => {
    const res = await call('POST', '/contacts', {
      key,
      rawBody,
      headers: { 'content-type': 'application/json' },
    });
    expectError(res, 400, 'validation_error');
  });

  it.each([
    ['a missing required field', {}, ['name']],
    ['a wrong type', { name: 42 }, ['name']],
    ['a blank name', { name: '   ' }, ['name']],
    ['a bad email', { name: 'x', email: 'nope' }, ['email']],
  ])('%s → 400 at the field', async (_label, body, paths) => {
    expectError(await api.post('/contacts', body), 400, 'validation_error', paths);
  });

  it('a body over 1 MiB → 413 payload_too_large, exactly 1 MiB is read', async () => {
    const over = JSON.stringify({ name: 'x'.repeat(1024 * 1024) });
    expectError(await call('POST', '/contacts', { key, rawBody: over }), 413, 'payload_too_large');
    const skeleton = JSON.stringify({ name: '' }).length;
    const exact = JSON.stringify({ name: 'y'.repeat(1024 * 1024 - skeleton) });
    expect(exact.length).toBe(1024 * 1024);
    // Read and validated (the name is too long), not refused as too large.
    expectError(await call('POST', '/contacts', { key, rawBody: exact }), 400, 'validation_error', [
      'name',
    ]);
  });

  it('a NUL character in a text field → 400, not 500', async () => {
    expectError(await api.post('/companies', { name: 'a\u0000b' }), 400, 'validation_error');
  });

  it('responses give instants in UTC with Z', async () => {
    const c = await make(api, '/contacts', { name: 'Zulu' });
    expect(c.created_at).toMatch(ISO_UTC);
    expect(c.updated_at).toMatch(ISO_UTC);
  });

  it('read-only fields in a POST are ignored', async () => {
    const id = randomUUID();
    const c = await make(api, '/contacts', {
      name: 'RO',
      id,
      created_at: '2000-01-01T00:00:00Z',
      updated_at: '2000-01-01T00:00:00Z',
    });
    expect(c.id).not.toBe(id);
    expect(new Date(c.created_at).getFullYear()).toBeGreaterThan(2000);
    expectError(await api.get(`/contacts/${id}`), 404, 'not_found');
  });

  it('read-only fields in a PATCH are ignored, the rest applied', async () => {
    const c = await make(api, '/contacts', { name: 'Before' });
    const other = randomUUID();
    const res = await api.patch(`/contacts/${c.id}`, {
      id: other,
      created_at: '2000-01-01T00:00:00Z',
      updated_at: '2000-01-01T00:00:00Z',
      name: 'After',
    });
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ id: c.id, created_at: c.created_at, name: 'After' });
    expect(new Date(res.body.updated_at).getFullYear()).toBeGreaterThan(2000);
    expectError(await api.get(`/contacts/${other}`), 404, 'not_found');
    expect((await api.get(`/contacts/${c.id}`)).body.name).toBe('After');
  });
});

describe('organization_id in queries and bodies', () => {
  let a: Awaited<ReturnType<typeof createKeyOrg>>;
  let b: Awaited<ReturnType<typeof createKeyOrg>>;
  beforeAll(async () => {
    [a, b] = await Promise.all([createKeyOrg(), createKeyOrg()]);
  });

  it.each([
    ['a list query', () => a.api.get(`/contacts?organization_id=${b.id}`)],
    [
      'an item query',
      async () =>
        a.api.get(
          `/contacts/${(await make(a.api, '/contacts', { name: 'q' })).id}?organization_id=${b.id}`,
        ),
    ],
    ['a random id', () => a.api.get(`/companies?organization_id=${randomUUID()}`)],
    ['a non-UUID', () => a.api.get('/companies?organization_id=nope')],
    ['a create body', () => a.api.post('/contacts', { name: 'x', organization_id: b.id })],
    ['a null in a body', () => a.api.post('/contacts', { name: 'x', organization_id: null })],
  ])('another organization in %s → 403 forbidden', async (_label, send) => {
    expectError(await send(), 403, 'forbidden');
  });

  it('a PATCH moving a record to another organization → 403, unchanged', async () => {
    const c = await make(a.api, '/contacts', { name: 'Stay' });
    expectError(
      await a.api.patch(`/contacts/${c.id}`, { organization_id: b.id, name: 'Moved' }),
      403,
      'forbidden',
    );
    expect((await a.api.get(`/contacts/${c.id}`)).body).toEqual(c);
    expectError(await b.api.get(`/contacts/${c.id}`), 404, 'not_found');
  });

  it('the caller’s own organization_id is accepted in queries and bodies', async () => {
    const c = await make(a.api, '/contacts', { name: 'Own', organization_id: a.id });
    expect(c.organization_id).toBe(a.id);
    const list = await a.api.get(`/contacts?organization_id=${a.id}&name=Own`);
    expectStatus(list, 200);
    expect(list.body.total).toBe(1);
    expectStatus(
      await a.api.patch(`/contacts/${c.id}`, { organization_id: a.id, name: 'Own2' }),
      200,
    );
    expectStatus(await a.api.get(`/organizations/me?organization_id=${a.id}`), 200);
  });
});
