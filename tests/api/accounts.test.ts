import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { organizations } from '@/db/schema';
import { PEER_ADDRESS_HEADER } from '@/lib/http/client-ip';
import { BASE, call, createTestOrg, sessionClient, signIn, type TestOrg } from '../helpers/api';
import { addUser, expectError, expectStatus, ISO_UTC } from './fixtures';

/** §1: sign-up, organizations/me, API keys and staff users. */

const unique = () => randomUUID().slice(0, 8);
const signupBody = (extra: Record<string, unknown> = {}) => ({
  organization_name: `Salon ${unique()}`,
  timezone: 'Europe/Paris',
  name: 'Owner',
  email: `owner-${unique()}@example.test`,
  password: 'long enough password',
  ...extra,
});
/** Sign-up as the app's own form sends it: JSON, with our Origin. */
const signup = (opts: { body: unknown; headers?: Record<string, string> }) =>
  call('POST', '/signup', { ...opts, headers: { origin: BASE, ...opts.headers } });
const cookieOf = (res: { headers: Headers }) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

describe('POST /api/signup', () => {
  it('creates an organization and signs its admin in', async () => {
    const body = signupBody({ timezone: 'America/Chicago' });
    const res = await signup({ body });
    expectStatus(res, 201);
    expect(Object.keys(res.body)).toEqual(['organization']);
    const org = res.body.organization;
    expect(org).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: body.organization_name,
      slug: expect.stringMatching(/^[a-z0-9][a-z0-9-]*$/),
      timezone: 'America/Chicago',
      created_at: expect.stringMatching(ISO_UTC),
    });
    const setCookie = res.headers.getSetCookie();
    expect(setCookie.length).toBeGreaterThan(0);
    expect(setCookie.join('\n')).toMatch(/HttpOnly/i);

    const cookie = cookieOf(res);
    const me = await call('GET', '/organizations/me', { cookie });
    expectStatus(me, 200);
    expect(me.body).toEqual(org);
    // The new user is the organization's admin.
    const users = await call('GET', '/users', { cookie });
    expectStatus(users, 200);
    expect(users.body.data).toEqual([
      expect.objectContaining({ email: body.email, role: 'admin', organization_id: org.id }),
    ]);
    // And can sign in again with the password.
    expectStatus(
      await call('GET', '/organizations/me', { cookie: await signIn(body.email, body.password) }),
      200,
    );
  });

  it.each([
    ['timezone Mars/Olympus', { timezone: 'Mars/Olympus' }, ['timezone']],
    ['no timezone', { timezone: undefined }, ['timezone']],
    ['a bad email', { email: 'not-an-email' }, ['email']],
    ['a 7-character password', { password: 'short12' }, ['password']],
    ['an empty organization name', { organization_name: ' ' }, ['organization_name']],
    ['a missing name', { name: undefined }, ['name']],
  ])('%s → 400 validation_error', async (_label, extra, paths) => {
    const res = await signup({ body: signupBody(extra) });
    expectError(res, 400, 'validation_error', paths);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('an unknown field → 400', async () => {
    expectError(await signup({ body: signupBody({ role: 'admin' }) }), 400, 'validation_error');
  });

  it('a registered email (any case) gets the same 201 reply: nothing revealed, nothing created, no session', async () => {
    const first = signupBody();
    const created = await signup({ body: first });
    expectStatus(created, 201);
    const name = `Dup Org ${unique()}`;
    for (const email of [first.email, first.email.toUpperCase()]) {
      const res = await signup({ body: signupBody({ email, organization_name: name }) });
      expectStatus(res, 201);
      expect(Object.keys(res.body)).toEqual(['organization']);
      expect(Object.keys(res.body.organization)).toEqual(Object.keys(created.body.organization));
      expect(res.body.organization).toMatchObject({ name, timezone: 'Europe/Paris' });
      expect(res.headers.getSetCookie()).toEqual([]);
      const db = await getDb();
      const rows = await db
        .select()
        .from(organizations)
        .where(eq(organizations.id, res.body.organization.id));
      expect(rows).toEqual([]);
    }
    // The account's owner is unaffected.
    expectStatus(
      await call('GET', '/organizations/me', { cookie: await signIn(first.email, first.password) }),
      200,
    );
    // The refused sign-ups rolled back: the name's slug is still free.
    const ok = await signup({ body: signupBody({ organization_name: name }) });
    expectStatus(ok, 201);
    expect(ok.body.organization.slug).toBe(name.toLowerCase().replace(/ /g, '-'));
  });

  it('organizations with the same name get distinct slugs', async () => {
    const name = `Twin ${unique()}`;
    const slugs = [];
    for (let i = 0; i < 3; i++) {
      const res = await signup({ body: signupBody({ organization_name: name }) });
      expectStatus(res, 201);
      slugs.push(res.body.organization.slug);
    }
    expect(new Set(slugs).size).toBe(3);
  });

  // BUG lib/organizations/create-organization.ts uniqueSlug(): check-then-insert race. Concurrent
  // transactions pick the same free slug; all but one hit organizations_slug_key → 409 "conflict".
  // PGlite runs transactions one at a time, so the race only shows on PostgreSQL.
  it('concurrent sign-ups with the same organization name all succeed', async () => {
    const name = `Rush ${unique()}`;
    const results = await Promise.all(
      Array.from({ length: 6 }, () => signup({ body: signupBody({ organization_name: name }) })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(results.map((r) => r.body.organization.slug)).size).toBe(6);
  });
});

describe('POST /api/signup is not a login-CSRF target', () => {
  // A cross-site form can post `text/plain` (no preflight) with a JSON-looking body.
  const formPost = (headers: Record<string, string>) =>
    call('POST', '/signup', {
      rawBody: JSON.stringify(signupBody()),
      headers: { 'content-type': 'text/plain', ...headers },
    });

  it('a cross-site text/plain post → 403, no organization, no cookie', async () => {
    const res = await formPost({ origin: 'https://attacker.test' });
    expectError(res, 403, 'forbidden');
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('no Origin nor Referer → 403; a foreign Referer → 403', async () => {
    expectError(await call('POST', '/signup', { body: signupBody() }), 403, 'forbidden');
    expectError(
      await call('POST', '/signup', {
        body: signupBody(),
        headers: { referer: 'https://attacker.test/page' },
      }),
      403,
      'forbidden',
    );
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'our Origin but %s → 415, no cookie',
    async (type) => {
      const res = await formPost({ origin: BASE, 'content-type': type });
      expectError(res, 415, 'unsupported_media_type');
      expect(res.headers.getSetCookie()).toEqual([]);
    },
  );

  it('our Referer and JSON → 201', async () => {
    expectStatus(
      await call('POST', '/signup', {
        body: signupBody(),
        headers: { referer: `${BASE}/sign-up` },
      }),
      201,
    );
  });

  it('is rate limited per client IP (SIGN_UP_PER_MINUTE_IP)', async () => {
    const previous = process.env.SIGN_UP_PER_MINUTE_IP;
    process.env.SIGN_UP_PER_MINUTE_IP = '2';
    try {
      const ip = `203.0.113.${Math.floor(Math.random() * 250)}-${unique()}`;
      const from = (addr: string) =>
        signup({ body: signupBody(), headers: { [PEER_ADDRESS_HEADER]: addr } });
      expectStatus(await from(ip), 201);
      expectStatus(await from(ip), 201);
      const limited = await from(ip);
      expectError(limited, 429, 'rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another client is not affected.
      expectStatus(await from(`${ip}-other`), 201);
    } finally {
      process.env.SIGN_UP_PER_MINUTE_IP = previous;
    }
  });
});

describe('API keys', () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await createTestOrg();
  });

  it('POST returns the key once; GET lists it without the key; the key works as Bearer', async () => {
    const res = await org.api.post('/api-keys', { name: 'Zapier' });
    expectStatus(res, 201);
    expect(res.body).toMatchObject({
      name: 'Zapier',
      organization_id: org.id,
      revoked_at: null,
      last_used_at: null,
    });
    expect(res.body.key).toMatch(/^rsk_[A-Za-z0-9_-]{20,}$/);
    expect(res.body.key.startsWith(res.body.prefix)).toBe(true);
    expect(res.body).not.toHaveProperty('key_hash');

    const list = await org.api.get('/api-keys');
    expectStatus(list, 200);
    const listed = list.body.data.find((k: { id: string }) => k.id === res.body.id);
    const { key, ...withoutKey } = res.body;
    expect(listed).toEqual(withoutKey);
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(key);
    expect(text).not.toContain(org.key);
    for (const k of list.body.data) expect(Object.keys(k)).not.toContain('key');
    expect(JSON.stringify((await org.api.get(`/api-keys?name=Zapier`)).body)).not.toContain(key);

    const me = await call('GET', '/organizations/me', { key });
    expectStatus(me, 200);
    expect(me.body.id).toBe(org.id);
    expectStatus(await call('POST', '/contacts', { key, body: { name: 'Via new key' } }), 201);
  });

  it('defaults the name; refuses a 101-character name and unknown fields', async () => {
    const res = await org.api.post('/api-keys', {});
    expectStatus(res, 201);
    expect(res.body.name).toBe('API key');
    expectError(
      await org.api.post('/api-keys', { name: 'n'.repeat(101) }),
      400,
      'validation_error',
      ['name'],
    );
    expectError(
      await org.api.post('/api-keys', { name: 'x', key: 'rsk_chosen' }),
      400,
      'validation_error',
    );
  });

  it('revoking: 200 + revoked_at, gone from the list, 401 at once, second revoke 404', async () => {
    const created = (await org.api.post('/api-keys', { name: 'short-lived' })).body;
    const res = await org.api.delete(`/api-keys/${created.id}`);
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ id: created.id, revoked_at: expect.stringMatching(ISO_UTC) });
    expect(res.body).not.toHaveProperty('key');
    expect(
      (await org.api.get('/api-keys')).body.data.map((k: { id: string }) => k.id),
    ).not.toContain(created.id);
    expectError(
      await call('GET', '/organizations/me', { key: created.key }),
      401,
      'unauthenticated',
    );
    expectError(await org.api.delete(`/api-keys/${created.id}`), 404, 'not_found');
    expectError(await org.api.delete(`/api-keys/${randomUUID()}`), 404, 'not_found');
  });

  it('a key can revoke itself and is refused on its next request', async () => {
    const created = (await org.api.post('/api-keys', { name: 'self' })).body;
    expectStatus(await call('DELETE', `/api-keys/${created.id}`, { key: created.key }), 200);
    expectError(await call('GET', '/api-keys', { key: created.key }), 401, 'unauthenticated');
  });

  it('an admin signed in with a cookie manages keys (same-origin writes only)', async () => {
    const cookie = await signIn(org.adminEmail, org.adminPassword);
    expectError(
      await call('POST', '/api-keys', { cookie, body: { name: 'csrf' } }),
      403,
      'forbidden',
    );
    const admin = sessionClient(cookie);
    const created = await admin.post('/api-keys', { name: 'from UI' });
    expectStatus(created, 201);
    expect(created.body.key).toMatch(/^rsk_/);
    expectStatus(await admin.delete(`/api-keys/${created.body.id}`), 200);
  });
});

// BUG lib/auth/api-keys.ts listApiKeys and lib/auth/user-admin.ts listUsers ignore the query: §0
// lists honour $limit/$skip and refuse unknown filter fields (400); these return everything.
describe.each(['/api-keys', '/users'])('GET %s follows the §0 list rules', (path) => {
  it('honours $limit and refuses unknown filters', async () => {
    const org = await createTestOrg();
    await org.api.post('/api-keys', {});
    await addUser(org, 'staff');
    const page = await org.api.get(`${path}?$limit=1`);
    expectStatus(page, 200);
    expect(page.body).toMatchObject({ total: 2, limit: 1, skip: 0 });
    expect(page.body.data).toHaveLength(1);
    expectError(await org.api.get(`${path}?nope=1`), 400, 'validation_error', ['nope']);
  });
});

describe('staff users', () => {
  let org: TestOrg;
  let admin: ReturnType<typeof sessionClient>;
  beforeAll(async () => {
    org = await createTestOrg();
    admin = sessionClient(await signIn(org.adminEmail, org.adminPassword));
  });
  const userBody = (extra: Record<string, unknown> = {}) => ({
    name: 'Sam',
    email: `sam-${unique()}@example.test`,
    password: 'sam password 1',
    ...extra,
  });

  it('an admin adds a staff user (role defaults to staff, no secrets returned) who can sign in', async () => {
    const body = userBody({ email: `Sam.${unique()}@Example.test` });
    const res = await admin.post('/users', body);
    expectStatus(res, 201);
    expect(res.body).toEqual({
      id: expect.any(String),
      organization_id: org.id,
      name: 'Sam',
      email: body.email.toLowerCase(),
      role: 'staff',
      created_at: expect.stringMatching(ISO_UTC),
      updated_at: expect.stringMatching(ISO_UTC),
    });
    const list = await admin.get('/users');
    expect(list.body.data.map((u: { id: string }) => u.id)).toContain(res.body.id);
    expect(JSON.stringify(list.body)).not.toMatch(/password|scrypt/i);
    const staff = await call('GET', '/organizations/me', {
      cookie: await signIn(body.email, body.password),
    });
    expectStatus(staff, 200);
    expect(staff.body.id).toBe(org.id);
  });

  it.each([
    ['a short password', { password: 'short' }, ['password']],
    ['role owner', { role: 'owner' }, ['role']],
    ['a bad email', { email: 'nope' }, ['email']],
    ['no name', { name: undefined }, ['name']],
  ])('%s → 400', async (_label, extra, paths) => {
    expectError(await admin.post('/users', userBody(extra)), 400, 'validation_error', paths);
  });

  it('an email already in this organization → 409 at email (any case)', async () => {
    const body = userBody();
    expectStatus(await admin.post('/users', body), 201);
    expectError(await admin.post('/users', userBody({ email: body.email })), 409, 'conflict', [
      'email',
    ]);
    expectError(
      await admin.post('/users', userBody({ email: body.email.toUpperCase() })),
      409,
      'conflict',
      ['email'],
    );
  });

  it("another organization's account is not revealed: the same 201 reply, nothing created", async () => {
    const other = await createTestOrg();
    const fresh = await other.api.post('/users', userBody());
    const taken = await other.api.post('/users', userBody({ email: org.adminEmail.toUpperCase() }));
    expectStatus(taken, 201);
    expect(Object.keys(taken.body)).toEqual(Object.keys(fresh.body));
    expect(taken.body).toMatchObject({
      organization_id: other.id,
      email: org.adminEmail,
      role: 'staff',
    });
    // Nothing was created, and the account still belongs to (and signs in at) its organization.
    const list = await other.api.get('/users?$limit=50');
    expect(list.body.data.map((u: { email: string }) => u.email)).not.toContain(org.adminEmail);
    const me = await call('GET', '/organizations/me', {
      cookie: await signIn(org.adminEmail, org.adminPassword),
    });
    expect(me.body.id).toBe(org.id);
  });

  it('staff cannot manage users or keys (403); nothing changes', async () => {
    const { user, cookie } = await addUser(org, 'staff');
    const staff = sessionClient(cookie);
    expectError(await staff.get('/users'), 403, 'forbidden');
    expectError(await staff.post('/users', userBody()), 403, 'forbidden');
    expectError(await staff.patch(`/users/${user.id}`, { role: 'admin' }), 403, 'forbidden');
    expectError(await staff.delete(`/users/${user.id}`), 403, 'forbidden');
    expectError(await staff.get('/api-keys'), 403, 'forbidden');
    expectError(await staff.post('/api-keys', {}), 403, 'forbidden');
    const me = (await admin.get('/users')).body.data.find((u: { id: string }) => u.id === user.id);
    expect(me.role).toBe('staff');
  });

  it('a role change applies on the next request; a removed user’s session stops working', async () => {
    const { user, cookie } = await addUser(org, 'staff');
    expectError(await call('GET', '/users', { cookie }), 403, 'forbidden');
    expectStatus(await admin.patch(`/users/${user.id}`, { role: 'admin' }), 200);
    expectStatus(await call('GET', '/users', { cookie }), 200);
    const removed = await admin.delete(`/users/${user.id}`);
    expectStatus(removed, 200);
    expect(removed.body.id).toBe(user.id);
    expectError(await call('GET', '/organizations/me', { cookie }), 401, 'unauthenticated');
  });

  it('an admin cannot demote or delete themselves', async () => {
    const self = (await admin.get('/users')).body.data.find(
      (u: { email: string }) => u.email === org.adminEmail,
    );
    expectError(await admin.patch(`/users/${self.id}`, { role: 'staff' }), 403, 'forbidden');
    expectError(await admin.delete(`/users/${self.id}`), 403, 'forbidden');
    expectError(await admin.delete('/users/not-a-uuid'), 404, 'not_found');
  });
});
