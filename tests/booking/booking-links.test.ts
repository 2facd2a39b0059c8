import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKeyOrg, createTestOrg, sessionClient, type TestOrg } from '../helpers/api';
import { addUser, expectError, expectStatus, make } from '../api/fixtures';

/** §11 `/api/reservation-booking-links`: slugs, services, page_config and who may write. */

const slug = () => `link-${randomUUID().slice(0, 8)}`;

describe('booking links', () => {
  let org: TestOrg;
  let service: any;
  beforeAll(async () => {
    org = await createTestOrg('Europe/London');
    service = await make(org.api, '/reservation-services', { name: 'Cut', duration_minutes: 30 });
  });

  it('creates with service_ids and full page_config, lists, filters and searches', async () => {
    const s = slug();
    const created = await make(org.api, '/reservation-booking-links', {
      slug: s,
      name: 'Online booking',
      service_ids: [service.id],
      page_config: {
        title: 'Book a cut',
        description: 'Pick a time',
        primary_color: '#0a7f5a',
        logo_url: 'https://cdn.example.com/logo.png',
        cover_url: '/api/uploads/cover.png',
        confirmation_message: 'See you soon',
        custom_field_keys: [],
        require_phone: true,
      },
    });
    expect(created).toMatchObject({
      slug: s,
      service_ids: [service.id],
      is_active: true,
      organization_id: org.id,
      page_config: { title: 'Book a cut', require_phone: true, custom_field_keys: [] },
    });
    const list = await org.api.get(`/reservation-booking-links?slug=${s}`);
    expect(list.body.total).toBe(1);
    expect(list.body.data[0]).toEqual(created);
    const search = await org.api.get(`/reservation-booking-links?$search=${s.slice(5)}`);
    expect(search.body.data.map((l: any) => l.id)).toContain(created.id);
  });

  it('a taken slug is 409 slug_taken, across organizations too', async () => {
    const s = slug();
    await make(org.api, '/reservation-booking-links', {
      slug: s,
      name: 'One',
      service_ids: [service.id],
    });
    const other = await createKeyOrg();
    const otherService = await make(other.api, '/reservation-services', {
      name: 'X',
      duration_minutes: 30,
    });
    const taken = await other.api.post('/reservation-booking-links', {
      slug: s,
      name: 'Two',
      service_ids: [otherService.id],
    });
    expectError(taken, 409, 'slug_taken', ['slug']);
    const mine = await make(other.api, '/reservation-booking-links', {
      slug: slug(),
      name: 'Two',
      service_ids: [otherService.id],
    });
    expectError(
      await other.api.patch(`/reservation-booking-links/${mine.id}`, { slug: s }),
      409,
      'slug_taken',
      ['slug'],
    );
  });

  it.each([
    ['a too short slug', { slug: 'a' }, ['slug']],
    ['uppercase in the slug', { slug: 'Book-Now' }, ['slug']],
    ['a leading hyphen', { slug: '-book' }, ['slug']],
    ['no services', { service_ids: [] }, ['service_ids']],
    ['a duplicate service', 'dup', ['service_ids']],
    ['a bad colour', { page_config: { primary_color: 'red' } }, ['page_config.primary_color']],
    [
      'an http logo',
      { page_config: { logo_url: 'http://x.test/a.png' } },
      ['page_config.logo_url'],
    ],
    ['an unknown page_config key', { page_config: { theme: 'dark' } }, ['page_config.theme']],
    ['an unknown field', { colour: '#000000' }, ['colour']],
  ])('rejects %s with 400', async (_name, change, paths) => {
    const body =
      change === 'dup'
        ? { slug: slug(), name: 'L', service_ids: [service.id, service.id] }
        : { slug: slug(), name: 'L', service_ids: [service.id], ...(change as object) };
    expectError(
      await org.api.post('/reservation-booking-links', body),
      400,
      'validation_error',
      paths as string[],
    );
  });

  it('service_ids must be active services of the own organization', async () => {
    const other = await createKeyOrg();
    const foreign = await make(other.api, '/reservation-services', {
      name: 'Foreign',
      duration_minutes: 30,
    });
    const inactive = await make(org.api, '/reservation-services', {
      name: 'Old',
      duration_minutes: 30,
      is_active: false,
    });
    const res = await org.api.post('/reservation-booking-links', {
      slug: slug(),
      name: 'L',
      service_ids: [service.id, foreign.id, inactive.id, randomUUID()],
    });
    expectError(res, 400, 'validation_error', ['service_ids.1', 'service_ids.2', 'service_ids.3']);
    expect((await org.api.get('/reservation-booking-links?name=L')).body.total).toBe(0);
  });

  it('custom_field_keys must name reservation fields of the organization', async () => {
    await make(org.api, '/custom-fields', {
      entity_type: 'reservation',
      key: 'allergies',
      label: 'Allergies',
      type: 'text',
    });
    const bad = await org.api.post('/reservation-booking-links', {
      slug: slug(),
      name: 'Fields',
      service_ids: [service.id],
      page_config: { custom_field_keys: ['allergies', 'shoe_size'] },
    });
    expectError(bad, 400, 'validation_error', ['page_config.custom_field_keys.1']);
    const ok = await make(org.api, '/reservation-booking-links', {
      slug: slug(),
      name: 'Fields',
      service_ids: [service.id],
      page_config: { custom_field_keys: ['allergies'] },
    });
    expect(ok.page_config.custom_field_keys).toEqual(['allergies']);
  });

  it('PATCH replaces service_ids and merges page_config by key', async () => {
    const second = await make(org.api, '/reservation-services', {
      name: 'Colour',
      duration_minutes: 90,
    });
    const link = await make(org.api, '/reservation-booking-links', {
      slug: slug(),
      name: 'Patch me',
      service_ids: [service.id],
      page_config: { title: 'Hello', primary_color: '#123456' },
    });
    const patched = await org.api.patch(`/reservation-booking-links/${link.id}`, {
      service_ids: [second.id],
      page_config: { primary_color: null, require_phone: true },
    });
    expectStatus(patched, 200);
    expect(patched.body.service_ids).toEqual([second.id]);
    expect(patched.body.page_config).toMatchObject({
      title: 'Hello',
      primary_color: null,
      require_phone: true,
    });
    expect(Date.parse(patched.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(link.updated_at));
    const onlyServices = await org.api.patch(`/reservation-booking-links/${link.id}`, {
      service_ids: [service.id, second.id],
    });
    expect(onlyServices.body.service_ids.sort()).toEqual([service.id, second.id].sort());
    const bad = await org.api.patch(`/reservation-booking-links/${link.id}`, {
      service_ids: [randomUUID()],
    });
    expectError(bad, 400, 'validation_error', ['service_ids.0']);
    expect(
      (await org.api.get(`/reservation-booking-links/${link.id}`)).body.service_ids,
    ).toHaveLength(2);
  });

  it('staff may read links but not write them; another organization sees 404', async () => {
    const link = await make(org.api, '/reservation-booking-links', {
      slug: slug(),
      name: 'Staff',
      service_ids: [service.id],
    });
    const staff = await addUser(org, 'staff');
    const session = sessionClient(staff.cookie);
    expectStatus(await session.get(`/reservation-booking-links/${link.id}`), 200);
    expectError(
      await session.patch(`/reservation-booking-links/${link.id}`, { name: 'x' }),
      403,
      'forbidden',
    );
    const other = await createKeyOrg();
    expectError(await other.api.get(`/reservation-booking-links/${link.id}`), 404, 'not_found');
    expectError(await other.api.delete(`/reservation-booking-links/${link.id}`), 404, 'not_found');
    const removed = await org.api.delete(`/reservation-booking-links/${link.id}`);
    expect(removed.body.service_ids).toEqual([service.id]);
  });
});

describe('a service deactivated after it was put on a link', () => {
  it('may stay when the list is resent, but cannot be added anew', async () => {
    const org = await createKeyOrg();
    const a = await make(org.api, '/reservation-services', { name: 'A', duration_minutes: 30 });
    const b = await make(org.api, '/reservation-services', { name: 'B', duration_minutes: 30 });
    const link = await make(org.api, '/reservation-booking-links', {
      slug: slug(),
      name: 'L',
      service_ids: [a.id],
    });
    await org.api.patch(`/reservation-services/${a.id}`, { is_active: false });
    await org.api.patch(`/reservation-services/${b.id}`, { is_active: false });
    const resent = await org.api.patch(`/reservation-booking-links/${link.id}`, {
      name: 'L2',
      service_ids: [a.id],
    });
    expectStatus(resent, 200);
    expectError(
      await org.api.patch(`/reservation-booking-links/${link.id}`, { service_ids: [a.id, b.id] }),
      400,
      'validation_error',
      ['service_ids.1'],
    );
  });
});
