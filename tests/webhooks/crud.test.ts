import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { webhooks } from '@/db/schema';
import { decryptWebhookSecret } from '@/lib/webhooks/secret';
import { createTestOrg, createKeyOrg, sessionClient, type TestOrg } from '../helpers/api';
import { addUser, expectError, expectStatus } from '../api/fixtures';

/** §17 `/api/webhooks`: validation, the once-shown secret, admin-only access, tenancy. */

const VALID = { url: 'https://hooks.example.com/reservations', events: ['reservation.created'] };
const KEYS = ['created_at', 'events', 'id', 'is_active', 'organization_id', 'updated_at', 'url'];

describe('/api/webhooks', () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await createTestOrg('UTC');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('creates a webhook and returns its secret once, as whsec_<base64 of 32 bytes>', async () => {
    const res = await org.api.post('/webhooks', VALID);
    expectStatus(res, 201);
    expect(Object.keys(res.body).sort()).toEqual([...KEYS, 'secret'].sort());
    expect(res.body).toMatchObject({ ...VALID, is_active: true, organization_id: org.id });
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(res.body.secret.slice(6), 'base64')).toHaveLength(32);

    const got = await org.api.get(`/webhooks/${res.body.id}`);
    expectStatus(got, 200);
    expect(Object.keys(got.body).sort()).toEqual(KEYS);
    const list = await org.api.get('/webhooks');
    expectStatus(list, 200);
    expect(list.body).toMatchObject({ limit: 10, skip: 0 });
    for (const w of list.body.data) expect(w).not.toHaveProperty('secret');
    for (const w of list.body.data) expect(w).not.toHaveProperty('secret_encrypted');
    const patched = await org.api.patch(`/webhooks/${res.body.id}`, { is_active: false });
    expectStatus(patched, 200);
    expect(patched.body).not.toHaveProperty('secret');
    expect(JSON.stringify([got.body, list.body, patched.body])).not.toContain(res.body.secret);
  });

  it('stores the secret encrypted, bound to its row', async () => {
    const { body } = await org.api.post('/webhooks', VALID);
    const db = await getDb();
    const [row] = await db.select().from(webhooks).where(eq(webhooks.id, body.id));
    expect(row!.secret_encrypted).not.toContain(body.secret.slice(6));
    expect(decryptWebhookSecret(row!.secret_encrypted, org.id, body.id)).toBe(body.secret);
    // The same ciphertext on another row (or organization) does not decrypt.
    expect(() => decryptWebhookSecret(row!.secret_encrypted, org.id, VALID_OTHER_ID)).toThrow();
  });

  it('updates events, url and is_active; PATCH ignores read-only fields', async () => {
    const { body } = await org.api.post('/webhooks', VALID);
    const res = await org.api.patch(`/webhooks/${body.id}`, {
      events: ['reservation.cancelled', 'reservation.rescheduled'],
      url: 'http://hooks.example.com/v2',
      id: body.id,
      created_at: body.created_at,
    });
    expectStatus(res, 200);
    expect(res.body).toMatchObject({
      events: ['reservation.cancelled', 'reservation.rescheduled'],
      url: 'http://hooks.example.com/v2',
    });
    const deleted = await org.api.delete(`/webhooks/${body.id}`);
    expectStatus(deleted, 200);
    expect(deleted.body.id).toBe(body.id);
    expect(deleted.body).not.toHaveProperty('secret_encrypted');
    expectError(await org.api.get(`/webhooks/${body.id}`), 404, 'not_found');
  });

  it.each([
    ['a ftp URL', { ...VALID, url: 'ftp://hooks.example.com/x' }, ['url']],
    ['a javascript: URL', { ...VALID, url: 'javascript:alert(1)' }, ['url']],
    ['not a URL', { ...VALID, url: 'hooks.example.com' }, ['url']],
    ['credentials in the URL', { ...VALID, url: 'https://u:p@hooks.example.com/' }, ['url']],
    ['an unknown event', { ...VALID, events: ['reservation.deleted'] }, ['events.0']],
    ['the test event', { ...VALID, events: ['webhook.test'] }, ['events.0']],
    ['no events', { ...VALID, events: [] }, ['events']],
    [
      'a repeated event',
      { ...VALID, events: ['reservation.created', 'reservation.created'] },
      ['events'],
    ],
    ['events missing', { url: VALID.url }, ['events']],
    ['a client-chosen secret', { ...VALID, secret: 'whsec_AAAA' }, []],
    ['is_active not a boolean', { ...VALID, is_active: 'yes' }, ['is_active']],
  ])('refuses %s (400)', async (_name, body, paths) => {
    const res = await org.api.post('/webhooks', body);
    expectError(res, 400, 'validation_error');
    for (const path of paths) {
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
  });

  it('refuses an empty events list and a bad URL on PATCH too', async () => {
    const { body } = await org.api.post('/webhooks', VALID);
    expectError(
      await org.api.patch(`/webhooks/${body.id}`, { events: [] }),
      400,
      'validation_error',
      ['events'],
    );
    expectError(
      await org.api.patch(`/webhooks/${body.id}`, { url: 'file:///etc/passwd' }),
      400,
      'validation_error',
      ['url'],
    );
    expectError(
      await org.api.patch(`/webhooks/${body.id}`, { secret: 'x' }),
      400,
      'validation_error',
    );
  });

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://localhost/hook',
    'http://api.localhost/hook',
    'http://10.1.2.3/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://100.64.1.1/hook',
  ])('refuses a private address at creation: %s (unless WEBHOOKS_ALLOW_PRIVATE=1)', async (url) => {
    expectError(await org.api.post('/webhooks', { ...VALID, url }), 400, 'validation_error', [
      'url',
    ]);
    vi.stubEnv('WEBHOOKS_ALLOW_PRIVATE', '1');
    expectStatus(await org.api.post('/webhooks', { ...VALID, url }), 201);
  });

  it('is admin-only, reads included: staff get 403 on every route', async () => {
    const { body } = await org.api.post('/webhooks', VALID);
    const staff = sessionClient((await addUser(org, 'staff')).cookie);
    expectError(await staff.get('/webhooks'), 403, 'forbidden');
    expectError(await staff.get(`/webhooks/${body.id}`), 403, 'forbidden');
    expectError(await staff.post('/webhooks', VALID), 403, 'forbidden');
    expectError(await staff.patch(`/webhooks/${body.id}`, { is_active: false }), 403, 'forbidden');
    expectError(await staff.delete(`/webhooks/${body.id}`), 403, 'forbidden');
    expectError(await staff.get(`/webhooks/${body.id}/deliveries`), 403, 'forbidden');
    expectError(await staff.post(`/webhooks/${body.id}/test`), 403, 'forbidden');
    // A signed-in admin may.
    const admin = sessionClient((await addUser(org, 'admin')).cookie);
    expectStatus(await admin.get('/webhooks'), 200);
    expectStatus(await admin.post('/webhooks', VALID), 201);
  });

  it('another organization’s webhook is a 404 everywhere, and unchanged', async () => {
    const other = await createKeyOrg();
    const { body: theirs } = await other.api.post('/webhooks', VALID);
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const id of [theirs.id, missing]) {
      expectError(await org.api.get(`/webhooks/${id}`), 404, 'not_found');
      expectError(await org.api.patch(`/webhooks/${id}`, { is_active: false }), 404, 'not_found');
      expectError(await org.api.delete(`/webhooks/${id}`), 404, 'not_found');
      expectError(await org.api.get(`/webhooks/${id}/deliveries`), 404, 'not_found');
      expectError(await org.api.post(`/webhooks/${id}/test`), 404, 'not_found');
      expectError(
        await org.api.post(`/webhooks/${id}/deliveries/${missing}/resend`),
        404,
        'not_found',
      );
    }
    const list = await org.api.get('/webhooks?$limit=50');
    expect(list.body.data.map((w: { id: string }) => w.id)).not.toContain(theirs.id);
    const still = await other.api.get(`/webhooks/${theirs.id}`);
    expect(still.body.is_active).toBe(true);
    expectError(
      await org.api.post('/webhooks', { ...VALID, organization_id: other.id }),
      403,
      'forbidden',
    );
  });

  it('lists with §0 filters and sort', async () => {
    const fresh = await createKeyOrg();
    await fresh.api.post('/webhooks', { ...VALID, url: 'https://b.example.com/' });
    await fresh.api.post('/webhooks', {
      ...VALID,
      url: 'https://a.example.com/',
      is_active: false,
    });
    const sorted = await fresh.api.get('/webhooks?$sort[url]=1');
    expect(sorted.body.data.map((w: { url: string }) => w.url)).toEqual([
      'https://a.example.com/',
      'https://b.example.com/',
    ]);
    const inactive = await fresh.api.get('/webhooks?is_active=false');
    expect(inactive.body.total).toBe(1);
    expectError(await fresh.api.get('/webhooks?secret=x'), 400, 'validation_error');
  });
});

const VALID_OTHER_ID = '00000000-0000-4000-8000-000000000001';
