import { describe, expect, it } from 'vitest';
import { call, type TestOrg } from '../helpers/api';
import { futureDate, makeService } from '../helpers/catalog';
import { keyOrg, mustBook } from '../helpers/reservations';

/** §0 Idempotency-Key on POST /api/reservations, and §3/§4 `in_use` on deletes. */

const post = (org: TestOrg, body: unknown, key?: string) =>
  call('POST', '/reservations', {
    key: org.key,
    body,
    headers: key ? { 'Idempotency-Key': key } : undefined,
  });

const count = async (org: TestOrg, query = '') =>
  (await org.api.get(`/reservations${query}`)).body.total as number;

describe('Idempotency-Key', () => {
  it('same key and same body → the original status and body, one reservation', async () => {
    const org = await keyOrg('UTC');
    const { serviceId } = await makeService(org, { resources: [{ quantity: 5 }] });
    const body = {
      service_id: serviceId,
      start_datetime: `${futureDate(10)}T10:00:00Z`,
      contact: { name: 'Ada', email: 'ada@example.test' },
      notes: 'once',
    };
    const first = await post(org, body, 'key-1');
    expect(first.status).toBe(201);
    const second = await post(org, body, 'key-1');
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    // Key order in the JSON does not make it a different body.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const third = await post(org, reordered, 'key-1');
    expect(third.status).toBe(201);
    expect(third.body.id).toBe(first.body.id);
    expect(await count(org)).toBe(1);
    // Without a key, the same body books again (the resource has 5 units).
    expect((await post(org, body)).status).toBe(201);
    // Another key is another request.
    const other = await post(org, body, 'key-2');
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
    expect(await count(org)).toBe(3);
  });

  it('same key and a different body → 409 idempotency_conflict, nothing created', async () => {
    const org = await keyOrg('UTC');
    const { serviceId } = await makeService(org, { resources: [{ quantity: 5 }] });
    const body = {
      service_id: serviceId,
      start_datetime: `${futureDate(10)}T10:00:00Z`,
      contact: { name: 'Ada' },
    };
    expect((await post(org, body, 'k')).status).toBe(201);
    const res = await post(org, { ...body, notes: 'changed' }, 'k');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('idempotency_conflict');
    expect(await count(org)).toBe(1);
  });

  it('keys are per organization', async () => {
    const a = await keyOrg('UTC');
    const b = await keyOrg('UTC');
    const sa = await makeService(a);
    const sb = await makeService(b);
    const start = `${futureDate(10)}T10:00:00Z`;
    const ra = await post(
      a,
      { service_id: sa.serviceId, start_datetime: start, contact: { name: 'A' } },
      'shared',
    );
    const rb = await post(
      b,
      { service_id: sb.serviceId, start_datetime: start, contact: { name: 'B' } },
      'shared',
    );
    expect(ra.status).toBe(201);
    expect(rb.status).toBe(201);
    expect(rb.body.organization_id).toBe(b.id);
  });

  it('a malformed key → 400', async () => {
    const org = await keyOrg('UTC');
    const { serviceId } = await makeService(org);
    const res = await post(
      org,
      {
        service_id: serviceId,
        start_datetime: `${futureDate(10)}T10:00:00Z`,
        contact: { name: 'A' },
      },
      'x'.repeat(256),
    );
    expect(res.status).toBe(400);
    expect(await count(org)).toBe(0);
  });

  it('5 concurrent requests with one key → exactly one reservation, all see it', async () => {
    const org = await keyOrg('UTC');
    const { serviceId } = await makeService(org, { resources: [{ quantity: 10 }] });
    const body = {
      service_id: serviceId,
      start_datetime: `${futureDate(10)}T10:00:00Z`,
      contact: { name: 'Racer', email: 'racer@example.test' },
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => post(org, body, 'race-key')));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await count(org)).toBe(1);
    const contacts = await org.api.get('/contacts?$search=racer@example.test');
    expect(contacts.body.total).toBe(1);
  });

  it('a refused request (409) with a key can be retried with the same key', async () => {
    const org = await keyOrg('UTC');
    const { serviceId } = await makeService(org);
    const start = `${futureDate(10)}T10:00:00Z`;
    const holder = await mustBook(org, { service_id: serviceId, start_datetime: start });
    const body = { service_id: serviceId, start_datetime: start, contact: { name: 'Second' } };
    const refused = await post(org, body, 'retry-me');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('slot_unavailable');
    // Still refused on a replay while the slot is taken (the refusal was not stored as success).
    expect((await post(org, body, 'retry-me')).status).toBe(409);
    await org.api.patch(`/reservations/${holder.id}`, { status: 'cancelled' });
    const retried = await post(org, body, 'retry-me');
    expect(retried.status, JSON.stringify(retried.body)).toBe(201);
    const replay = await post(org, body, 'retry-me');
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(retried.body.id);
    expect(await count(org, '?status=confirmed')).toBe(1);
  });

  it('a refused request (400) with a key can be retried with a corrected body', async () => {
    const org = await keyOrg('UTC');
    const { serviceId } = await makeService(org);
    const start = `${futureDate(10)}T10:00:00Z`;
    const bad = await post(org, { service_id: serviceId, start_datetime: start }, 'fix-me');
    expect(bad.status).toBe(400);
    const good = await post(
      org,
      { service_id: serviceId, start_datetime: start, contact: { name: 'A' } },
      'fix-me',
    );
    expect(good.status).toBe(201);
  });
});

describe('in_use', () => {
  it('a service or resource with a future confirmed reservation cannot be deleted; after cancelling, the service is still kept by history', async () => {
    const org = await keyOrg('UTC');
    const { serviceId, resourceIds } = await makeService(org);
    const r = await mustBook(org, {
      service_id: serviceId,
      start_datetime: `${futureDate(10)}T10:00:00Z`,
    });
    const delService = await org.api.delete(`/reservation-services/${serviceId}`);
    expect(delService.status).toBe(409);
    expect(delService.body.error.code).toBe('in_use');
    const delResource = await org.api.delete(`/reservation-resources/${resourceIds[0]}`);
    expect(delResource.status).toBe(409);
    expect(delResource.body.error.code).toBe('in_use');
    expect((await org.api.get(`/reservation-services/${serviceId}`)).status).toBe(200);
    expect((await org.api.get(`/reservation-resources/${resourceIds[0]}`)).status).toBe(200);

    const cancelled = await org.api.patch(`/reservations/${r.id}`, { status: 'cancelled' });
    expect(cancelled.status).toBe(200);
    // Documented decision (docs/decisions.md): a service with any reservation history stays.
    const again = await org.api.delete(`/reservation-services/${serviceId}`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('in_use');
    expect((await org.api.get(`/reservations/${r.id}`)).status).toBe(200);
    // Deactivating it is the way out.
    const off = await org.api.patch(`/reservation-services/${serviceId}`, { is_active: false });
    expect(off.status).toBe(200);
  });

  it('a pending future reservation also blocks deletes', async () => {
    const org = await keyOrg('UTC');
    const { serviceId, resourceIds } = await makeService(org, {
      service: { requires_confirmation: true },
    });
    const r = await mustBook(org, {
      service_id: serviceId,
      start_datetime: `${futureDate(10)}T10:00:00Z`,
    });
    expect(r.status).toBe('pending');
    expect((await org.api.delete(`/reservation-services/${serviceId}`)).body.error.code).toBe(
      'in_use',
    );
    expect((await org.api.delete(`/reservation-resources/${resourceIds[0]}`)).body.error.code).toBe(
      'in_use',
    );
  });

  it('a service without reservations deletes fine', async () => {
    const org = await keyOrg('UTC');
    const { serviceId } = await makeService(org);
    const res = await org.api.delete(`/reservation-services/${serviceId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.id).toBe(serviceId);
    expect((await org.api.get(`/reservation-services/${serviceId}`)).status).toBe(404);
  });
});
