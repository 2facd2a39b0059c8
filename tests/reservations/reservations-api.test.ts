import { beforeAll, describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/api';
import { futureDate, makeService } from '../helpers/catalog';
import { addDays, book, everyDay, keyOrg, mustBook, mustCreate } from '../helpers/reservations';

/** §9 /api/reservations: create, custom fields, list filters, DELETE. */

const paths = (res: { body: any }) =>
  (res.body?.error?.details ?? []).map((d: { path: string }) => d.path);

describe('create', () => {
  let org: TestOrg;
  let other: TestOrg;
  let serviceId: string;
  let resourceIds: string[];
  let foreign: Record<'contact_id' | 'deal_id' | 'company_id' | 'preferred_resource_id', string>;
  const date = futureDate(10);
  let hour = 8;
  /** A fresh free start on `date` (09:00…16:00 UTC) for each booking that should succeed. */
  const nextStart = () => `${date}T${String(++hour).padStart(2, '0')}:00:00Z`;

  beforeAll(async () => {
    org = await keyOrg('UTC');
    other = await keyOrg('UTC');
    ({ serviceId, resourceIds } = await makeService(org, {
      service: { max_party_size: 3 },
      resources: [
        { name: 'Room', quantity: 5 },
        { name: 'Host', quantity: 5 },
      ],
    }));
    const otherSvc = await makeService(other, { resources: [{ is_required: false }] });
    foreign = {
      contact_id: (await mustCreate(other, '/contacts', { name: 'Theirs' })).id,
      deal_id: (await mustCreate(other, '/deals', { title: 'Their deal' })).id,
      company_id: (await mustCreate(other, '/companies', { name: 'Their company' })).id,
      preferred_resource_id: otherSvc.resourceIds[0]!,
    };
  });

  it('with contact_id: 201, the contact and service embedded, resource_ids, source api', async () => {
    const contact = await mustCreate(org, '/contacts', {
      name: 'Ada Lovelace',
      email: 'ada@example.test',
      phone: '+44 20 7946 0000',
    });
    const start = nextStart();
    const res = await org.api.post('/reservations', {
      service_id: serviceId,
      start_datetime: start,
      contact_id: contact.id,
      notes: 'first',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      organization_id: org.id,
      contact_id: contact.id,
      service_id: serviceId,
      start_datetime: start.replace('Z', '.000Z'),
      party_size: 1,
      status: 'confirmed',
      source: 'api',
      notes: 'first',
      cancelled_at: null,
      cancelled_by: null,
      cancellation_reason: null,
      booking_link_id: null,
      custom_fields_by_key: {},
      contact: {
        id: contact.id,
        name: 'Ada Lovelace',
        email: 'ada@example.test',
        phone: '+44 20 7946 0000',
      },
      service: { id: serviceId, name: 'Service', duration_minutes: 60 },
    });
    expect([...res.body.resource_ids].sort()).toEqual([...resourceIds].sort());
    expect(Date.parse(res.body.end_datetime) - Date.parse(res.body.start_datetime)).toBe(3_600_000);
    const got = await org.api.get(`/reservations/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('an inline contact is found by email case-insensitively, not duplicated', async () => {
    const existing = await mustCreate(org, '/contacts', {
      name: 'Grace Hopper',
      email: 'grace@navy.test',
    });
    const r = await mustBook(org, {
      service_id: serviceId,
      start_datetime: nextStart(),
      contact: { name: 'G. Hopper', email: 'GRACE@Navy.TEST' },
    });
    expect(r.contact_id).toBe(existing.id);
    expect(r.contact.name).toBe('Grace Hopper');
    const list = await org.api.get('/contacts?$search=grace@navy');
    expect(list.body.total).toBe(1);
  });

  it('an inline contact with a new email is created', async () => {
    const r = await mustBook(org, {
      service_id: serviceId,
      start_datetime: nextStart(),
      contact: { name: 'Alan Turing', email: 'alan@bletchley.test', phone: '+44 1908 640404' },
    });
    expect(r.contact).toMatchObject({
      name: 'Alan Turing',
      email: 'alan@bletchley.test',
      phone: '+44 1908 640404',
    });
    const c = await org.api.get(`/contacts/${r.contact_id}`);
    expect(c.status).toBe(200);
    expect(c.body.email).toBe('alan@bletchley.test');
  });

  it('an inline contact without email is always created', async () => {
    const a = await mustBook(org, {
      service_id: serviceId,
      start_datetime: nextStart(),
      contact: { name: 'No Mail' },
    });
    const b = await mustBook(org, {
      service_id: serviceId,
      start_datetime: `${date}T${String(hour).padStart(2, '0')}:00:00Z`,
      contact: { name: 'No Mail' },
    });
    expect(a.contact_id).not.toBe(b.contact_id);
  });

  const badBodies: { name: string; body: () => Record<string, unknown>; path: string }[] = [
    {
      name: 'both contact_id and contact',
      body: () => ({ contact_id: foreign.contact_id, contact: { name: 'X' } }),
      path: 'contact_id',
    },
    { name: 'neither contact_id nor contact', body: () => ({}), path: 'contact_id' },
    {
      name: 'inline contact without a name',
      body: () => ({ contact: { email: 'a@b.test' } }),
      path: 'contact.name',
    },
    {
      name: 'inline contact with a bad email',
      body: () => ({ contact: { name: 'X', email: 'nope' } }),
      path: 'contact.email',
    },
    ...(['contact_id', 'deal_id', 'company_id', 'preferred_resource_id'] as const).map((field) => ({
      name: `another organization's ${field}`,
      body: () => ({
        ...(field === 'contact_id' ? {} : { contact: { name: 'X' } }),
        [field]: foreign[field],
      }),
      path: field,
    })),
    {
      name: 'an unknown contact_id',
      body: () => ({ contact_id: '00000000-0000-4000-8000-000000000001' }),
      path: 'contact_id',
    },
    {
      name: 'start_datetime without an offset',
      body: () => ({ contact: { name: 'X' }, start_datetime: `${date}T10:00:00` }),
      path: 'start_datetime',
    },
    {
      name: 'start_datetime as a date only',
      body: () => ({ contact: { name: 'X' }, start_datetime: date }),
      path: 'start_datetime',
    },
    {
      name: 'party_size above max_party_size',
      body: () => ({ contact: { name: 'X' }, party_size: 4 }),
      path: 'party_size',
    },
    {
      name: 'party_size 0',
      body: () => ({ contact: { name: 'X' }, party_size: 0 }),
      path: 'party_size',
    },
    {
      name: 'status cancelled on create',
      body: () => ({ contact: { name: 'X' }, status: 'cancelled' }),
      path: 'status',
    },
    {
      name: 'an unknown service_id',
      body: () => ({ contact: { name: 'X' }, service_id: '00000000-0000-4000-8000-000000000002' }),
      path: 'service_id',
    },
  ];

  it.each(badBodies)('$name → 400 at $path', async ({ body, path }) => {
    const res = await org.api.post('/reservations', {
      service_id: serviceId,
      start_datetime: `${date}T10:00:00Z`,
      ...body(),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('validation_error');
    expect(paths(res)).toContain(path);
  });

  it('an unknown body field → 400', async () => {
    const res = await book(org, {
      service_id: serviceId,
      start_datetime: `${date}T10:00:00Z`,
      colour: 'red',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_error');
    expect(paths(res)).toEqual(['colour']);
  });

  it('nothing was created by the refused requests', async () => {
    const list = await org.api.get(`/reservations?contact_id=${foreign.contact_id}`);
    expect(list.body.total).toBe(0);
    const theirs = await other.api.get('/reservations');
    expect(theirs.body.total).toBe(0);
  });

  it('an off-grid start (10:07) → 409 slot_unavailable with reasons', async () => {
    const res = await book(org, { service_id: serviceId, start_datetime: `${date}T10:07:00Z` });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('slot_unavailable');
    expect(res.body.error.details.map((d: any) => d.reason)).toContain('off_grid');
    expect(paths(res).every((p: string) => p === 'start_datetime')).toBe(true);
  });

  it('a refused booking leaves no inline contact behind', async () => {
    for (const start of [`${date}T10:07:00Z`, `${date}T20:00:00Z`]) {
      const res = await book(org, {
        service_id: serviceId,
        start_datetime: start,
        contact: { name: 'Ghost', email: 'ghost@example.test' },
      });
      expect(res.status).toBe(409);
    }
    expect((await org.api.get('/contacts?$search=ghost@example.test')).body.total).toBe(0);
  });

  it('a start outside opening hours → 409 with outside_hours', async () => {
    const res = await book(org, { service_id: serviceId, start_datetime: `${date}T20:00:00Z` });
    expect(res.status).toBe(409);
    expect(res.body.error.details.map((d: any) => d.reason)).toContain('outside_hours');
  });

  it('an instant with an offset is accepted and returned in Z', async () => {
    const h = ++hour;
    const local = `${date}T${String(h + 2).padStart(2, '0')}:00:00+02:00`;
    const r = await mustBook(org, { service_id: serviceId, start_datetime: local });
    expect(r.start_datetime).toBe(`${date}T${String(h).padStart(2, '0')}:00:00.000Z`);
    expect(r.end_datetime).toBe(`${date}T${String(h + 1).padStart(2, '0')}:00:00.000Z`);
  });

  it('status: default confirmed, requires_confirmation → pending, explicit status honoured', async () => {
    const confirmSvc = await makeService(org, {
      service: { name: 'Needs OK', requires_confirmation: true },
      resources: [{ quantity: 2 }],
    });
    const start = `${date}T09:00:00Z`;
    const cases: [string, Record<string, unknown>, string][] = [
      [serviceId, {}, 'confirmed'],
      [confirmSvc.serviceId, {}, 'pending'],
      [serviceId, { status: 'pending' }, 'pending'],
      [confirmSvc.serviceId, { status: 'confirmed' }, 'confirmed'],
    ];
    for (const [service_id, extra, status] of cases) {
      const res = await book(org, { service_id, start_datetime: start, ...extra });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.status).toBe(status);
    }
  });
});

describe('custom fields on reservations', () => {
  let org: TestOrg;
  let serviceId: string;
  const date = futureDate(11);
  const valid = {
    note: 'hello',
    guests: 3,
    vip: true,
    birthday: '1990-05-01',
    seating: 'terrace',
    diet: ['vegan', 'nuts'],
    mail: 'guest@example.test',
    site: 'https://example.test/x',
    tel: '+33 1 23 45 67 89',
  };

  beforeAll(async () => {
    org = await keyOrg('UTC');
    ({ serviceId } = await makeService(org, { resources: [{ quantity: 50 }] }));
    const defs: Record<string, unknown>[] = [
      { key: 'note', type: 'text', required: true },
      { key: 'guests', type: 'number' },
      { key: 'vip', type: 'boolean' },
      { key: 'birthday', type: 'date' },
      { key: 'seating', type: 'select', options: ['terrace', 'inside'] },
      { key: 'diet', type: 'multiselect', options: ['vegan', 'nuts', 'gluten'] },
      { key: 'mail', type: 'email' },
      { key: 'site', type: 'url' },
      { key: 'tel', type: 'phone' },
      { key: 'retired', type: 'text', is_active: false },
    ];
    for (const d of defs)
      await mustCreate(org, '/custom-fields', { entity_type: 'reservation', label: d.key, ...d });
    // A contact field with the same key does not apply to reservations.
    await mustCreate(org, '/custom-fields', {
      entity_type: 'contact',
      key: 'loyalty',
      label: 'Loyalty',
      type: 'text',
    });
  });

  const create = (custom: Record<string, unknown>) =>
    book(org, {
      service_id: serviceId,
      start_datetime: `${date}T10:00:00Z`,
      custom_fields_by_key: custom,
    });

  it('valid values of every type are stored', async () => {
    const res = await create(valid);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.custom_fields_by_key).toEqual(valid);
  });

  const bad: { name: string; values: Record<string, unknown>; path: string }[] = [
    { name: 'unknown key', values: { nope: 'x' }, path: 'nope' },
    { name: 'inactive key', values: { retired: 'x' }, path: 'retired' },
    { name: 'a contact field key', values: { loyalty: 'gold' }, path: 'loyalty' },
    { name: 'number as a string', values: { guests: '3' }, path: 'guests' },
    { name: 'boolean as a string', values: { vip: 'true' }, path: 'vip' },
    { name: 'impossible date', values: { birthday: '1990-02-30' }, path: 'birthday' },
    { name: 'date with a time', values: { birthday: '1990-05-01T10:00:00Z' }, path: 'birthday' },
    { name: 'select value not an option', values: { seating: 'roof' }, path: 'seating' },
    {
      name: 'multiselect with a foreign option',
      values: { diet: ['vegan', 'meat'] },
      path: 'diet',
    },
    { name: 'multiselect given a string', values: { diet: 'vegan' }, path: 'diet' },
    { name: 'malformed email', values: { mail: 'not-an-email' }, path: 'mail' },
    { name: 'non-http url', values: { site: 'ftp://example.test/x' }, path: 'site' },
    { name: 'javascript url', values: { site: 'javascript:alert(1)' }, path: 'site' },
    { name: 'phone with letters', values: { tel: 'call me' }, path: 'tel' },
    { name: 'text given a number', values: { note: 5 }, path: 'note' },
  ];

  it.each(bad)('$name → 400 at custom_fields_by_key.$path', async ({ values, path }) => {
    const res = await create({ note: 'ok', ...values });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('validation_error');
    expect(paths(res)).toContain(`custom_fields_by_key.${path}`);
  });

  it('a required field missing on create → 400', async () => {
    for (const values of [{ guests: 1 }, { note: null }, {}]) {
      const res = await create(values);
      expect(res.status, JSON.stringify(values)).toBe(400);
      expect(paths(res)).toContain('custom_fields_by_key.note');
    }
  });

  it('PATCH merges by key, null removes a key, and types are still checked', async () => {
    const r = (await create(valid)).body;
    const patched = await org.api.patch(`/reservations/${r.id}`, {
      custom_fields_by_key: { guests: 7, seating: null, diet: ['gluten'] },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const { seating: _removed, ...rest } = valid;
    expect(patched.body.custom_fields_by_key).toEqual({ ...rest, guests: 7, diet: ['gluten'] });
    const badType = await org.api.patch(`/reservations/${r.id}`, {
      custom_fields_by_key: { vip: 'yes' },
    });
    expect(badType.status).toBe(400);
    expect(paths(badType)).toContain('custom_fields_by_key.vip');
    const unknown = await org.api.patch(`/reservations/${r.id}`, {
      custom_fields_by_key: { nope: 1 },
    });
    expect(unknown.status).toBe(400);
    expect(paths(unknown)).toContain('custom_fields_by_key.nope');
    const got = await org.api.get(`/reservations/${r.id}`);
    expect(got.body.custom_fields_by_key).toEqual({ ...rest, guests: 7, diet: ['gluten'] });
  });
});

describe('list', () => {
  let org: TestOrg;
  const ids: Record<string, string> = {};
  const refs: Record<string, string> = {};
  const date = futureDate(12);

  beforeAll(async () => {
    org = await keyOrg('UTC');
    const s1 = await makeService(org, {
      service: { name: 'Massage' },
      resources: [{ name: 'Room A', quantity: 3 }],
    });
    const s2 = await makeService(org, {
      service: { name: 'Facial', requires_confirmation: true },
      resources: [{ name: 'Room B', quantity: 3 }],
    });
    refs.s1 = s1.serviceId;
    refs.s2 = s2.serviceId;
    refs.r1 = s1.resourceIds[0]!;
    refs.r2 = s2.resourceIds[0]!;
    refs.c1 = (
      await mustCreate(org, '/contacts', {
        name: 'Zed Quark',
        email: 'zq@alpha.test',
        phone: '+33 1 23 45 67 89',
      })
    ).id;
    refs.c2 = (
      await mustCreate(org, '/contacts', {
        name: 'Yan Boson',
        email: 'yb@beta.test',
        phone: '+1 555 0100',
      })
    ).id;
    refs.deal = (await mustCreate(org, '/deals', { title: 'Big deal' })).id;
    refs.company = (await mustCreate(org, '/companies', { name: 'Acme' })).id;
    // Created out of order so the default sort has something to do.
    ids.r3 = (
      await mustBook(org, {
        service_id: refs.s2,
        contact_id: refs.c1,
        start_datetime: `${addDays(date, 1)}T09:00:00Z`,
      })
    ).id;
    ids.r2 = (
      await mustBook(org, {
        service_id: refs.s1,
        contact_id: refs.c2,
        company_id: refs.company,
        start_datetime: `${date}T12:00:00Z`,
      })
    ).id;
    ids.r1 = (
      await mustBook(org, {
        service_id: refs.s1,
        contact_id: refs.c1,
        deal_id: refs.deal,
        notes: 'Wants the WINDOW seat',
        start_datetime: `${date}T10:00:00Z`,
      })
    ).id;
    ids.r4 = (
      await mustBook(org, {
        service_id: refs.s2,
        contact_id: refs.c2,
        status: 'confirmed',
        start_datetime: `${date}T11:00:00Z`,
      })
    ).id;
    const cancelled = await org.api.patch(`/reservations/${ids.r2}`, { status: 'cancelled' });
    expect(cancelled.status).toBe(200);
  });

  const list = async (query: string) => {
    const res = await org.api.get(`/reservations${query ? `?${query}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    return { total: res.body.total, names: res.body.data.map((r: any) => byId[r.id] ?? r.id) };
  };

  const cases: { query: () => string; expected: string[] }[] = [
    { query: () => '', expected: ['r1', 'r4', 'r2', 'r3'] },
    { query: () => '$sort[start_datetime]=-1', expected: ['r3', 'r2', 'r4', 'r1'] },
    { query: () => '$sort[start_datetime]=1', expected: ['r1', 'r4', 'r2', 'r3'] },
    { query: () => 'status=cancelled', expected: ['r2'] },
    { query: () => 'status=pending', expected: ['r3'] },
    { query: () => 'status=confirmed', expected: ['r1', 'r4'] },
    { query: () => 'status[$in][]=pending&status[$in][]=cancelled', expected: ['r2', 'r3'] },
    { query: () => 'status[$ne]=cancelled', expected: ['r1', 'r4', 'r3'] },
    { query: () => `service_id=${refs.s2}`, expected: ['r4', 'r3'] },
    { query: () => `contact_id=${refs.c1}`, expected: ['r1', 'r3'] },
    { query: () => `resource_id=${refs.r1}`, expected: ['r1'] },
    { query: () => `resource_id=${refs.r2}`, expected: ['r4', 'r3'] },
    { query: () => `deal_id=${refs.deal}`, expected: ['r1'] },
    { query: () => `company_id=${refs.company}`, expected: ['r2'] },
    { query: () => `start_datetime[$gte]=${date}T11:00:00Z`, expected: ['r4', 'r2', 'r3'] },
    { query: () => `start_datetime[$lt]=${date}T11:00:00Z`, expected: ['r1'] },
    {
      query: () =>
        `start_datetime[$gte]=${date}T11:00:00Z&start_datetime[$lt]=${date}T12:00:00%2B00:00`,
      expected: ['r4'],
    },
    { query: () => `date=${date}`, expected: ['r1', 'r4', 'r2'] },
    { query: () => `date=${addDays(date, 1)}`, expected: ['r3'] },
    { query: () => `date=${date}&service_id=${refs.s1}`, expected: ['r1', 'r2'] },
    { query: () => '$search=quark', expected: ['r1', 'r3'] },
    { query: () => '$search=BETA.test', expected: ['r4', 'r2'] },
    { query: () => '$search=555%200100', expected: ['r4', 'r2'] },
    { query: () => '$search=23%2045', expected: ['r1', 'r3'] },
    { query: () => '$search=window', expected: ['r1'] },
    { query: () => '$search=nobody', expected: [] },
    { query: () => '$search=%25', expected: [] },
  ];

  it.each(cases.map((c, i) => ({ ...c, i })))('filter #$i', async ({ query, expected }) => {
    const got = await list(query());
    expect(got.names, query()).toEqual(
      query().includes('$sort') || !query() ? expected : sortByStart(expected),
    );
    expect(got.total).toBe(expected.length);
  });

  /** The rows above sorted by their start (the default order). */
  const ORDER = ['r1', 'r4', 'r2', 'r3'];
  const sortByStart = (names: string[]) =>
    [...names].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));

  const badQueries: { query: string; path: string }[] = [
    { query: 'colour=red', path: 'colour' },
    { query: 'status=lost', path: 'status' },
    { query: 'date=2027-02-30', path: 'date' },
    { query: 'resource_id=nope', path: 'resource_id' },
    { query: 'start_datetime[$gte]=2027-01-01T10:00:00', path: 'start_datetime.$gte' },
    { query: '$sort[notes]=1', path: '$sort.notes' },
  ];

  it.each(badQueries)('$query → 400 at $path', async ({ query, path }) => {
    const res = await org.api.get(`/reservations?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('validation_error');
    expect(paths(res)).toContain(path);
  });

  it('paginates with $limit and $skip', async () => {
    const res = await org.api.get('/reservations?$limit=2&$skip=1');
    expect(res.body).toMatchObject({ total: 4, limit: 2, skip: 1 });
    expect(res.body.data.map((r: any) => r.id)).toEqual([ids.r4, ids.r2]);
  });

  it('DELETE → 405 and the reservation stays', async () => {
    const res = await org.api.delete(`/reservations/${ids.r1}`);
    expect(res.status).toBe(405);
    expect(res.body.error.code).toBe('method_not_allowed');
    expect(res.headers.get('allow')).toBe('GET, PATCH');
    expect((await org.api.get(`/reservations/${ids.r1}`)).status).toBe(200);
  });

  it("another organization's reservation is a 404", async () => {
    const stranger = await keyOrg('UTC');
    expect((await stranger.api.get(`/reservations/${ids.r1}`)).status).toBe(404);
    const patch = await stranger.api.patch(`/reservations/${ids.r1}`, { notes: 'x' });
    expect(patch.status).toBe(404);
    expect((await stranger.api.get('/reservations')).body.total).toBe(0);
  });
});

describe('list resource_id filter on a group service', () => {
  it('a cancelled member of an occurrence is not listed under the resource', async () => {
    const org = await keyOrg('UTC');
    const svc = await makeService(org, { service: { capacity: 4, max_party_size: 4 } });
    const start = `${futureDate(14)}T10:00:00Z`;
    const a = await mustBook(org, { service_id: svc.serviceId, start_datetime: start });
    const b = await mustBook(org, { service_id: svc.serviceId, start_datetime: start });
    expect(a.resource_ids).toEqual(svc.resourceIds);
    expect(b.resource_ids).toEqual(svc.resourceIds);
    const byResource = async () =>
      (await org.api.get(`/reservations?resource_id=${svc.resourceIds[0]}`)).body.data.map(
        (r: any) => r.id,
      );
    expect((await byResource()).sort()).toEqual([a.id, b.id].sort());
    const cancelled = await org.api.patch(`/reservations/${a.id}`, { status: 'cancelled' });
    expect(cancelled.body.resource_ids).toEqual([]);
    expect(await byResource()).toEqual([b.id]);
  });
});

describe('PATCH references', () => {
  it("another organization's contact_id, deal_id, company_id or preferred_resource_id → 400", async () => {
    const org = await keyOrg('UTC');
    const other = await keyOrg('UTC');
    const svc = await makeService(org);
    const r = await mustBook(org, {
      service_id: svc.serviceId,
      start_datetime: `${futureDate(14)}T10:00:00Z`,
    });
    const otherSvc = await makeService(other);
    const foreign = {
      contact_id: (await mustCreate(other, '/contacts', { name: 'Theirs' })).id,
      deal_id: (await mustCreate(other, '/deals', { title: 'Theirs' })).id,
      company_id: (await mustCreate(other, '/companies', { name: 'Theirs' })).id,
      preferred_resource_id: otherSvc.resourceIds[0],
    };
    for (const [field, value] of Object.entries(foreign)) {
      const res = await org.api.patch(`/reservations/${r.id}`, { [field]: value });
      expect(res.status, field).toBe(400);
      expect(paths(res)).toContain(field);
    }
    const after = await org.api.get(`/reservations/${r.id}`);
    expect(after.body).toMatchObject({ contact_id: r.contact_id, deal_id: null, company_id: null });
  });
});

describe('list date filter in the organization timezone', () => {
  it('Asia/Tokyo: a booking at 23:30 local lands on that local date', async () => {
    const org = await keyOrg('Asia/Tokyo');
    const { serviceId } = await makeService(org, {
      service: { duration_minutes: 30 },
      hours: everyDay('00:00', '24:00'),
    });
    const day = futureDate(20);
    // 23:30 on `day` in Tokyo is 14:30Z on `day`; 00:30 the next Tokyo day is 15:30Z on `day`.
    const late = await mustBook(org, {
      service_id: serviceId,
      start_datetime: `${day}T23:30:00+09:00`,
    });
    expect(late.start_datetime).toBe(`${day}T14:30:00.000Z`);
    const early = await mustBook(org, {
      service_id: serviceId,
      start_datetime: `${addDays(day, 1)}T00:30:00+09:00`,
    });
    expect(early.start_datetime).toBe(`${day}T15:30:00.000Z`);
    const on = async (d: string) =>
      (await org.api.get(`/reservations?date=${d}`)).body.data.map((r: any) => r.id);
    expect(await on(day)).toEqual([late.id]);
    expect(await on(addDays(day, 1))).toEqual([early.id]);
    expect(await on(addDays(day, -1))).toEqual([]);
  });
});
