import { beforeAll, describe, expect, it } from 'vitest';
import { createKeyOrg, createTestOrg, sessionClient } from '../helpers/api';
import { CRUD, type Deps } from './collection-cases';
import { addUser, expectError, expectStatus, ISO_UTC, make, type Api } from './fixtures';

/** §2–§7 and §10: CRUD, defaults and validation of every collection. */

describe.each(CRUD)('$path CRUD', ({ path, create, defaults, patch }) => {
  it('create (201 + defaults) → get → patch (200) → delete (200 + record) → 404', async () => {
    const { api } = await createKeyOrg('America/New_York');
    const company = await make(api, '/companies', { name: 'Dep Co' });
    const deps: Deps = {
      company,
      contact: await make(api, '/contacts', { name: 'Dep' }),
      service: await make(api, '/reservation-services', { name: 'Dep svc', duration_minutes: 30 }),
      resource: await make(api, '/reservation-resources', { name: 'Dep res' }),
    };
    const input = create(deps);
    const created = await api.post(path, input);
    expectStatus(created, 201);
    expect(created.body).toMatchObject({ ...input, ...defaults });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body.created_at).toMatch(ISO_UTC);

    const got = await api.get(`${path}/${created.body.id}`);
    expectStatus(got, 200);
    expect(got.body).toEqual(created.body);

    const change = patch(deps);
    const patched = await api.patch(`${path}/${created.body.id}`, change);
    expectStatus(patched, 200);
    expect(patched.body).toMatchObject({
      ...created.body,
      ...change,
      updated_at: expect.stringMatching(ISO_UTC),
    });
    expect((await api.get(`${path}/${created.body.id}`)).body).toEqual(patched.body);

    const removed = await api.delete(`${path}/${created.body.id}`);
    expectStatus(removed, 200);
    expect(removed.body).toEqual(patched.body);
    expectError(await api.get(`${path}/${created.body.id}`), 404, 'not_found');
    expectError(await api.delete(`${path}/${created.body.id}`), 404, 'not_found');
    expectError(await api.patch(`${path}/${created.body.id}`, change), 404, 'not_found');
  });
});

describe('contacts $search', () => {
  let api: Api;
  beforeAll(async () => {
    ({ api } = await createKeyOrg());
    await make(api, '/contacts', {
      name: 'Ada Lovelace',
      email: 'ada@analytical.org',
      phone: '+44 555 0100',
    });
    await make(api, '/contacts', {
      name: 'Grace Hopper',
      email: 'grace@navy.mil',
      phone: '+1 202 555 0199',
    });
    await make(api, '/contacts', { name: 'Alan 100% Turing', email: 'alan@bletchley.uk' });
  });
  it.each([
    ['LOVELACE', ['Ada Lovelace']],
    ['hop', ['Grace Hopper']],
    ['ADA@ANALYTICAL', ['Ada Lovelace']],
    ['Navy.MIL', ['Grace Hopper']],
    ['555 01', ['Ada Lovelace', 'Grace Hopper']],
    ['0199', ['Grace Hopper']],
    ['a', ['Ada Lovelace', 'Alan 100% Turing', 'Grace Hopper']],
    ['%', ['Alan 100% Turing']],
    ['_', []],
    ['nobody', []],
  ])('$search=%s', async (term, expected) => {
    const res = await api.get(`/contacts?$sort[name]=1&$search=${encodeURIComponent(term)}`);
    expectStatus(res, 200);
    expect(res.body.data.map((c: { name: string }) => c.name)).toEqual(expected);
    expect(res.body.total).toBe(expected.length);
  });
});

describe('validation', () => {
  let api: Api;
  let service: any;
  let resource: any;
  let service2: any;
  beforeAll(async () => {
    ({ api } = await createKeyOrg());
    service = await make(api, '/reservation-services', {
      name: 'Base',
      duration_minutes: 30,
      min_party_size: 2,
      max_party_size: 4,
    });
    service2 = await make(api, '/reservation-services', { name: 'Other', duration_minutes: 30 });
    resource = await make(api, '/reservation-resources', { name: 'R' });
  });
  const svc = (extra: Record<string, unknown>) => ({ name: 'S', duration_minutes: 30, ...extra });

  it.each([
    ['empty name', { ...svc({}), name: '' }, ['name']],
    ['201-char name', { ...svc({}), name: 'x'.repeat(201) }, ['name']],
    ['missing duration', { name: 'S' }, ['duration_minutes']],
    ['duration 4', svc({ duration_minutes: 4 }), ['duration_minutes']],
    ['duration 1441', svc({ duration_minutes: 1441 }), ['duration_minutes']],
    ['duration 30.5', svc({ duration_minutes: 30.5 }), ['duration_minutes']],
    ['duration "30"', svc({ duration_minutes: '30' }), ['duration_minutes']],
    ['description 5001', svc({ description: 'd'.repeat(5001) }), ['description']],
    ['slot interval 4', svc({ slot_interval_minutes: 4 }), ['slot_interval_minutes']],
    ['buffer -1', svc({ buffer_before_minutes: -1 }), ['buffer_before_minutes']],
    ['buffer 1441', svc({ buffer_after_minutes: 1441 }), ['buffer_after_minutes']],
    ['min notice -1', svc({ min_notice_minutes: -1 }), ['min_notice_minutes']],
    ['max advance 0', svc({ max_advance_days: 0 }), ['max_advance_days']],
    ['max advance 3651', svc({ max_advance_days: 3651 }), ['max_advance_days']],
    ['capacity 0', svc({ capacity: 0 }), ['capacity']],
    ['min party 0', svc({ min_party_size: 0 }), ['min_party_size']],
    ['max party 1001', svc({ max_party_size: 1001 }), ['max_party_size']],
    ['min > max', svc({ min_party_size: 3, max_party_size: 2 }), ['max_party_size']],
    ['min > default max', svc({ min_party_size: 2 }), ['max_party_size']],
    ['price without currency', svc({ price_amount: 1000 }), ['currency']],
    ['negative price', svc({ price_amount: -1, currency: 'EUR' }), ['price_amount']],
    ['lowercase currency', svc({ price_amount: 1, currency: 'eur' }), ['currency']],
    ['colour name', svc({ color: 'red' }), ['color']],
    ['short colour', svc({ color: '#abc' }), ['color']],
    ['bad hex colour', svc({ color: '#12345G' }), ['color']],
    ['http image_url', svc({ image_url: 'http://cdn.example.com/a.png' }), ['image_url']],
    ['protocol-relative image_url', svc({ image_url: '//cdn.example.com/a.png' }), ['image_url']],
    ['javascript: image_url', svc({ image_url: 'javascript:alert(1)' }), ['image_url']],
    ['is_active "yes"', svc({ is_active: 'yes' }), ['is_active']],
  ])('service: %s → 400', async (_label, body, paths) => {
    expectError(await api.post('/reservation-services', body), 400, 'validation_error', paths);
  });

  it.each([
    ['min above the stored max', { min_party_size: 5 }, ['min_party_size', 'max_party_size']],
    ['max below the stored min', { max_party_size: 1 }, ['min_party_size', 'max_party_size']],
    ['price without the stored currency', { price_amount: 100 }, ['currency', 'price_amount']],
    ['empty name', { name: '' }, ['name']],
    ['duration null', { duration_minutes: null }, ['duration_minutes']],
  ])('service PATCH: %s → 400, unchanged', async (_label, body, allowed) => {
    const res = await api.patch(`/reservation-services/${service.id}`, body);
    expectError(res, 400, 'validation_error');
    for (const d of res.body.error.details) expect(allowed).toContain(d.path);
    expect((await api.get(`/reservation-services/${service.id}`)).body).toEqual(service);
  });

  it('service PATCH moving both party bounds together is fine', async () => {
    const res = await api.patch(`/reservation-services/${service2.id}`, {
      min_party_size: 6,
      max_party_size: 8,
    });
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ min_party_size: 6, max_party_size: 8 });
  });

  it.each([
    ['missing name', {}, ['name']],
    ['timezone Mars/Olympus', { name: 'R', timezone: 'Mars/Olympus' }, ['timezone']],
    ['empty timezone', { name: 'R', timezone: '' }, ['timezone']],
    ['type spaceship', { name: 'R', type: 'spaceship' }, ['type']],
    ['quantity 0', { name: 'R', quantity: 0 }, ['quantity']],
    ['capacity 0', { name: 'R', capacity: 0 }, ['capacity']],
    ['http image_url', { name: 'R', image_url: 'http://x.example/a.png' }, ['image_url']],
  ])('resource: %s → 400', async (_label, body, paths) => {
    expectError(await api.post('/reservation-resources', body), 400, 'validation_error', paths);
  });

  it('resource PATCH timezone Mars/Olympus → 400, unchanged', async () => {
    expectError(
      await api.patch(`/reservation-resources/${resource.id}`, { timezone: 'Mars/Olympus' }),
      400,
      'validation_error',
      ['timezone'],
    );
    expect((await api.get(`/reservation-resources/${resource.id}`)).body.timezone).toBe(
      'Europe/Paris',
    );
  });

  it('service–resource links: duplicate → 409, bad quantity → 400, missing ids → 400', async () => {
    const link = await make(api, '/reservation-service-resources', {
      service_id: service2.id,
      resource_id: resource.id,
    });
    expectError(
      await api.post('/reservation-service-resources', {
        service_id: service2.id,
        resource_id: resource.id,
        is_required: false,
      }),
      409,
      'conflict',
      ['resource_id'],
    );
    expectError(
      await api.post('/reservation-service-resources', {
        service_id: service.id,
        resource_id: resource.id,
        quantity: 0,
      }),
      400,
      'validation_error',
      ['quantity'],
    );
    expectError(
      await api.post('/reservation-service-resources', { resource_id: resource.id }),
      400,
      'validation_error',
      ['service_id'],
    );
    expectError(
      await api.patch(`/reservation-service-resources/${link.id}`, { quantity: 0 }),
      400,
      'validation_error',
      ['quantity'],
    );
    // After deleting, the pair can be linked again.
    expectStatus(await api.delete(`/reservation-service-resources/${link.id}`), 200);
    await make(api, '/reservation-service-resources', {
      service_id: service2.id,
      resource_id: resource.id,
    });
  });

  const hours = (extra: Record<string, unknown>) => ({
    resource_id: resource.id,
    day_of_week: 1,
    start_time: '09:00',
    end_time: '17:00',
    ...extra,
  });
  it.each([
    ['start = end', { start_time: '10:00', end_time: '10:00' }, ['end_time']],
    ['start > end', { start_time: '18:00', end_time: '09:00' }, ['end_time']],
    ['start 24:00', { start_time: '24:00', end_time: '24:00' }, ['end_time']],
    ['25:00', { end_time: '25:00' }, ['end_time']],
    ['9:00', { start_time: '9:00' }, ['start_time']],
    ['09:60', { start_time: '09:60' }, ['start_time']],
    ['24:30', { end_time: '24:30' }, ['end_time']],
    ['day 7', { day_of_week: 7 }, ['day_of_week']],
    ['day -1', { day_of_week: -1 }, ['day_of_week']],
  ])('weekly hours: %s → 400', async (_label, extra, paths) => {
    expectError(
      await api.post('/reservation-resource-availability', hours(extra)),
      400,
      'validation_error',
      paths,
    );
  });

  it('weekly hours: 24:00 end, day 0 and 6, overlapping rows are allowed; PATCH start ≥ end → 400', async () => {
    const late = await make(
      api,
      '/reservation-resource-availability',
      hours({ day_of_week: 6, start_time: '18:00', end_time: '24:00' }),
    );
    expect(late).toMatchObject({ end_time: '24:00', day_of_week: 6 });
    await make(
      api,
      '/reservation-resource-availability',
      hours({ day_of_week: 0, start_time: '00:00', end_time: '12:00' }),
    );
    await make(
      api,
      '/reservation-resource-availability',
      hours({ day_of_week: 0, start_time: '11:00', end_time: '13:00' }),
    );
    expectError(
      await api.patch(`/reservation-resource-availability/${late.id}`, { start_time: '24:00' }),
      400,
      'validation_error',
      ['end_time'],
    );
    expect((await api.get(`/reservation-resource-availability/${late.id}`)).body).toEqual(late);
  });

  const exc = (extra: Record<string, unknown>) => ({
    resource_id: resource.id,
    date: '2030-06-01',
    ...extra,
  });
  // BUG db/schema/catalog.ts + db/migrations/0000_init.sql CHECK exceptions_times: with a NULL time the
  // second branch is NULL, `false OR NULL` is NULL and a CHECK passes on NULL → these rows are accepted.
  it.each([
    ['special_hours without times', { kind: 'special_hours' }, ['start_time']],
    ['special_hours with one time', { kind: 'special_hours', start_time: '10:00' }, ['start_time']],
    ['blocked with one time', { kind: 'blocked', end_time: '10:00' }, ['start_time']],
  ])('exception: %s → 400', async (_label, extra, paths) => {
    expectError(
      await api.post('/reservation-resource-exceptions', exc(extra)),
      400,
      'validation_error',
      paths,
    );
  });

  it('exception PATCH blocked → special_hours without times → 400, unchanged', async () => {
    const e = await make(
      api,
      '/reservation-resource-exceptions',
      exc({ kind: 'blocked', date: '2031-01-01' }),
    );
    expectError(
      await api.patch(`/reservation-resource-exceptions/${e.id}`, { kind: 'special_hours' }),
      400,
      'validation_error',
      ['start_time'],
    );
    expect((await api.get(`/reservation-resource-exceptions/${e.id}`)).body).toEqual(e);
  });

  it.each([
    [
      'special_hours start ≥ end',
      { kind: 'special_hours', start_time: '12:00', end_time: '10:00' },
      ['start_time'],
    ],
    ['end_date before date', { kind: 'blocked', end_date: '2030-05-31' }, ['end_date']],
    ['impossible date', { kind: 'blocked', date: '2030-02-30' }, ['date']],
    ['unknown kind', { kind: 'closed' }, ['kind']],
    ['missing kind', {}, ['kind']],
    ['reason 501', { kind: 'blocked', reason: 'r'.repeat(501) }, ['reason']],
  ])('exception: %s → 400', async (_label, extra, paths) => {
    expectError(
      await api.post('/reservation-resource-exceptions', exc(extra)),
      400,
      'validation_error',
      paths,
    );
  });

  it.each([
    ['blocked, whole day', { kind: 'blocked' }],
    ['blocked, some hours', { kind: 'blocked', start_time: '12:00', end_time: '13:00' }],
    ['blocked, several days', { kind: 'blocked', end_date: '2030-06-07' }],
    [
      'special hours until midnight',
      { kind: 'special_hours', start_time: '18:00', end_time: '24:00', end_date: '2030-06-01' },
    ],
  ])('exception: %s → 201', async (_label, extra) => {
    expect(await make(api, '/reservation-resource-exceptions', exc(extra))).toMatchObject(extra);
  });
});

describe('custom fields', () => {
  let api: Api;
  beforeAll(async () => ({ api } = await createKeyOrg()));
  const field = (extra: Record<string, unknown>) => ({
    entity_type: 'contact',
    key: 'k',
    label: 'L',
    type: 'text',
    ...extra,
  });

  it.each([
    ['key 1abc', { key: '1abc' }, ['key']],
    ['key Abc', { key: 'Abc' }, ['key']],
    ['key with dash', { key: 'a-b' }, ['key']],
    ['key 64 chars', { key: 'a'.repeat(64) }, ['key']],
    ['empty key', { key: '' }, ['key']],
    ['entity_type deal', { entity_type: 'deal' }, ['entity_type']],
    ['type colour', { type: 'colour' }, ['type']],
    ['empty label', { label: '' }, ['label']],
    ['select without options', { type: 'select' }, ['options']],
    ['multiselect with []', { type: 'multiselect', options: [] }, ['options']],
    ['duplicate options', { type: 'select', options: ['a', 'a'] }, ['options']],
    ['options on text', { options: ['a'] }, ['options']],
  ])('%s → 400', async (_label, extra, paths) => {
    expectError(await api.post('/custom-fields', field(extra)), 400, 'validation_error', paths);
  });

  it('key of 63 chars is fine; duplicate key per entity type → 409, other entity type OK', async () => {
    await make(api, '/custom-fields', field({ key: 'a'.repeat(63) }));
    await make(api, '/custom-fields', field({ key: 'vip' }));
    expectError(
      await api.post('/custom-fields', field({ key: 'vip', label: 'Again', type: 'boolean' })),
      409,
      'conflict',
      ['key'],
    );
    const other = await make(
      api,
      '/custom-fields',
      field({ key: 'vip', entity_type: 'reservation' }),
    );
    expect(other).toMatchObject({ key: 'vip', entity_type: 'reservation' });
  });

  it('key and entity_type cannot be changed; a select losing its options → 400', async () => {
    const f = await make(
      api,
      '/custom-fields',
      field({ key: 'size', type: 'select', options: ['s', 'm'] }),
    );
    expectError(
      await api.patch(`/custom-fields/${f.id}`, { key: 'other' }),
      400,
      'validation_error',
    );
    expectError(
      await api.patch(`/custom-fields/${f.id}`, { options: [] }),
      400,
      'validation_error',
      ['options'],
    );
    expect((await api.get(`/custom-fields/${f.id}`)).body).toEqual(f);
  });

  it('list filters by entity_type with the §10 query', async () => {
    const { api: fresh, id } = await createKeyOrg();
    await make(fresh, '/custom-fields', field({ key: 'c1' }));
    await make(fresh, '/custom-fields', field({ key: 'r1', entity_type: 'reservation' }));
    const res = await fresh.get(
      `/custom-fields?organization_id=${id}&entity_type=reservation&$limit=50&$skip=0`,
    );
    expectStatus(res, 200);
    expect(res.body.data.map((f: { key: string }) => f.key)).toEqual(['r1']);
  });
});

describe('contact custom_fields_by_key', () => {
  let api: Api;
  beforeAll(async () => {
    ({ api } = await createKeyOrg());
    const defs = [
      { key: 'tier', type: 'select', options: ['gold', 'silver'] },
      { key: 'tags', type: 'multiselect', options: ['a', 'b'] },
      { key: 'vip', type: 'boolean' },
      { key: 'score', type: 'number' },
      { key: 'birthday', type: 'date' },
      { key: 'site', type: 'url' },
      { key: 'alt_email', type: 'email' },
      { key: 'alt_phone', type: 'phone' },
      { key: 'note', type: 'text' },
      { key: 'legacy', type: 'text', is_active: false },
    ];
    for (const d of defs)
      await make(api, '/custom-fields', { entity_type: 'contact', label: d.key, ...d });
    await make(api, '/custom-fields', {
      entity_type: 'reservation',
      key: 'table_pref',
      label: 'T',
      type: 'text',
    });
  });

  it.each([
    ['unknown key', { nope: 'x' }, 'nope'],
    ['a reservation-only key', { table_pref: 'window' }, 'table_pref'],
    ['an inactive key', { legacy: 'x' }, 'legacy'],
    ['select off the options', { tier: 'bronze' }, 'tier'],
    ['multiselect not an array', { tags: 'a' }, 'tags'],
    ['multiselect with a stranger', { tags: ['a', 'z'] }, 'tags'],
    ['multiselect with duplicates', { tags: ['a', 'a'] }, 'tags'],
    ['boolean as string', { vip: 'yes' }, 'vip'],
    ['number as string', { score: '10' }, 'score'],
    ['impossible date', { birthday: '2024-02-30' }, 'birthday'],
    ['ftp url', { site: 'ftp://example.com' }, 'site'],
    ['bad email', { alt_email: 'nope' }, 'alt_email'],
    ['bad phone', { alt_phone: 'call me' }, 'alt_phone'],
    ['text as number', { note: 5 }, 'note'],
  ])('create with %s → 400', async (_label, values, key) => {
    const res = await api.post('/contacts', { name: 'x', custom_fields_by_key: values });
    expectError(res, 400, 'validation_error', [`custom_fields_by_key.${key}`]);
  });

  it('valid values of every type are stored; nulls on create are dropped', async () => {
    const values = {
      tier: 'gold',
      tags: ['a', 'b'],
      vip: true,
      score: 4.5,
      birthday: '1990-12-10',
      site: 'http://ex.com',
      alt_email: 'a@b.co',
      alt_phone: '+33 1 23 45 67 89',
      note: 'hi',
    };
    const c = await make(api, '/contacts', {
      name: 'All',
      custom_fields_by_key: { ...values, score: 4.5, legacy: null },
    });
    expect(c.custom_fields_by_key).toEqual(values);
  });

  it('PATCH merges by key and null removes a key', async () => {
    const c = await make(api, '/contacts', {
      name: 'M',
      custom_fields_by_key: { tier: 'gold', vip: true },
    });
    const res = await api.patch(`/contacts/${c.id}`, {
      custom_fields_by_key: { score: 7, vip: null },
    });
    expectStatus(res, 200);
    expect(res.body.custom_fields_by_key).toEqual({ tier: 'gold', score: 7 });
    expectError(
      await api.patch(`/contacts/${c.id}`, { custom_fields_by_key: { tier: 'bronze' } }),
      400,
      'validation_error',
      ['custom_fields_by_key.tier'],
    );
    expect((await api.get(`/contacts/${c.id}`)).body.custom_fields_by_key).toEqual({
      tier: 'gold',
      score: 7,
    });
  });

  // BUG (judgment call) lib/custom-fields/values.ts checkCustomFieldValues: a null (removal) for a key
  // whose definition is inactive or deleted is refused, so stale values can never be cleared.
  it('null clears the value of a field that was deactivated since', async () => {
    const f = await make(api, '/custom-fields', {
      entity_type: 'contact',
      key: 'retired',
      label: 'R',
      type: 'text',
    });
    const c = await make(api, '/contacts', {
      name: 'Old data',
      custom_fields_by_key: { retired: 'v', tier: 'gold' },
    });
    expectStatus(await api.patch(`/custom-fields/${f.id}`, { is_active: false }), 200);
    const res = await api.patch(`/contacts/${c.id}`, { custom_fields_by_key: { retired: null } });
    expectStatus(res, 200);
    expect(res.body.custom_fields_by_key).toEqual({ tier: 'gold' });
  });

  it('a required field is needed on create, not on later PATCHes of other fields', async () => {
    const { api: fresh } = await createKeyOrg();
    await make(fresh, '/custom-fields', {
      entity_type: 'contact',
      key: 'member_no',
      label: 'Member no',
      type: 'text',
      required: true,
    });
    expectError(await fresh.post('/contacts', { name: 'x' }), 400, 'validation_error', [
      'custom_fields_by_key.member_no',
    ]);
    expectError(
      await fresh.post('/contacts', { name: 'x', custom_fields_by_key: { member_no: null } }),
      400,
      'validation_error',
      ['custom_fields_by_key.member_no'],
    );
    const c = await make(fresh, '/contacts', {
      name: 'x',
      custom_fields_by_key: { member_no: 'M-1' },
    });
    expectStatus(await fresh.patch(`/contacts/${c.id}`, { name: 'y' }), 200);
  });
});

describe('deleting referenced and linked records', () => {
  it('resource and service without reservations delete; their links go with them', async () => {
    const { api } = await createKeyOrg();
    const service = await make(api, '/reservation-services', { name: 'S', duration_minutes: 30 });
    const resource = await make(api, '/reservation-resources', { name: 'R' });
    const link = await make(api, '/reservation-service-resources', {
      service_id: service.id,
      resource_id: resource.id,
    });
    expectStatus(await api.delete(`/reservation-services/${service.id}`), 200);
    expectError(await api.get(`/reservation-service-resources/${link.id}`), 404, 'not_found');
    expectStatus(await api.delete(`/reservation-resources/${resource.id}`), 200);
  });

  it('a company still referenced by a contact → 409 in_use, kept', async () => {
    const { api } = await createKeyOrg();
    const company = await make(api, '/companies', { name: 'Co' });
    const contact = await make(api, '/contacts', { name: 'C', company_id: company.id });
    expectError(await api.delete(`/companies/${company.id}`), 409, 'in_use');
    expectStatus(await api.get(`/companies/${company.id}`), 200);
    expectStatus(await api.patch(`/contacts/${contact.id}`, { company_id: null }), 200);
    expectStatus(await api.delete(`/companies/${company.id}`), 200);
  });
});

describe('staff role', () => {
  let staff: ReturnType<typeof sessionClient>;
  let fixtures: { service: any; company: any };
  beforeAll(async () => {
    const org = await createTestOrg();
    fixtures = {
      service: await make(org.api, '/reservation-services', { name: 'S', duration_minutes: 30 }),
      company: await make(org.api, '/companies', { name: 'Co' }),
    };
    staff = sessionClient((await addUser(org, 'staff')).cookie);
  });

  it.each([
    '/reservation-services',
    '/reservation-resources',
    '/companies',
    '/deals',
    '/custom-fields',
    '/organizations/me',
  ])('can read %s', async (path) => expectStatus(await staff.get(path), 200));

  it('can create, change and delete contacts', async () => {
    const c = await staff.post('/contacts', { name: 'By staff', company_id: fixtures.company.id });
    expectStatus(c, 201);
    expectStatus(await staff.patch(`/contacts/${c.body.id}`, { name: 'Changed' }), 200);
    expectStatus(await staff.delete(`/contacts/${c.body.id}`), 200);
  });

  it.each([
    ['POST', '/reservation-services', { name: 'S', duration_minutes: 30 }],
    ['PATCH', 'service', { name: 'Renamed' }],
    ['DELETE', 'service', undefined],
    ['POST', '/reservation-resources', { name: 'R' }],
    ['POST', '/companies', { name: 'C' }],
    ['POST', '/deals', { title: 'D' }],
    ['POST', '/custom-fields', { entity_type: 'contact', key: 'x', label: 'X', type: 'text' }],
    ['GET', '/api-keys', undefined],
    ['POST', '/api-keys', {}],
    ['GET', '/users', undefined],
  ] as const)('%s %s → 403 forbidden', async (method, target, body) => {
    const path = target === 'service' ? `/reservation-services/${fixtures.service.id}` : target;
    const send = { GET: staff.get, POST: staff.post, PATCH: staff.patch, DELETE: staff.delete }[
      method
    ];
    expectError(await send(path, body), 403, 'forbidden');
  });
});
