import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { reservations } from '@/db/schema';
import { call } from '../helpers/api';
import { futureDate, makeService } from '../helpers/catalog';
import { keyOrg } from '../helpers/reservations';
import { expectError, expectStatus, make } from '../api/fixtures';

/** §11 public endpoints: what a customer can see and do, and what they can never reach. */

const anon = {
  get: (path: string) => call('GET', path),
  post: (path: string, body?: unknown, headers?: Record<string, string>) =>
    call('POST', path, { body, headers }),
};

const contact = { name: 'Cleo Customer', email: 'cleo@example.com' };

async function setup() {
  const org = await keyOrg('Europe/London');
  const fixture = await makeService(org, {
    service: { name: 'Haircut', duration_minutes: 60, price_amount: 4500, currency: 'GBP' },
    resources: [{ name: 'Chair', quantity: 1 }],
  });
  const group = await makeService(org, {
    service: { name: 'Class', duration_minutes: 60, capacity: 10, max_party_size: 4 },
    resources: [{ name: 'Studio', capacity: 10 }],
  });
  const offLink = await make(org.api, '/reservation-services', {
    name: 'Not on the link',
    duration_minutes: 30,
  });
  await make(org.api, '/custom-fields', {
    entity_type: 'reservation',
    key: 'allergies',
    label: 'Allergies',
    type: 'text',
    required: true,
  });
  await make(org.api, '/custom-fields', {
    entity_type: 'reservation',
    key: 'internal_rating',
    label: 'Internal rating',
    type: 'number',
    required: true,
  });
  const slug = `salon-${randomUUID().slice(0, 8)}`;
  const link = await make(org.api, '/reservation-booking-links', {
    slug,
    name: 'Salon online',
    service_ids: [fixture.serviceId, group.serviceId],
    page_config: {
      title: 'Book with us',
      custom_field_keys: ['allergies'],
      primary_color: '#336699',
    },
  });
  return { org, fixture, group, offLink, slug, link };
}

type Setup = Awaited<ReturnType<typeof setup>>;

function bookPublic(s: Setup, body: Record<string, unknown>, headers?: Record<string, string>) {
  return anon.post(
    `/public/booking-links/${s.slug}/reservations`,
    {
      service_id: s.fixture.serviceId,
      contact,
      custom_fields_by_key: { allergies: 'none' },
      ...body,
    },
    headers,
  );
}

describe('public booking link API', () => {
  let s: Setup;
  const date = futureDate(12);
  const at = (hhmm: string) => `${date}T${hhmm}:00.000Z`;
  beforeAll(async () => {
    s = await setup();
  });

  it('shows the page: config, organization, active services and the asked fields only', async () => {
    const res = await anon.get(`/public/booking-links/${s.slug}`);
    expectStatus(res, 200);
    expect(res.body).toMatchObject({
      slug: s.slug,
      name: 'Salon online',
      page_config: { title: 'Book with us', primary_color: '#336699', require_phone: false },
      organization: { timezone: 'Europe/London' },
      custom_fields: [{ key: 'allergies', label: 'Allergies', type: 'text', required: true }],
    });
    expect(res.body.services.map((x: any) => x.name)).toEqual(['Class', 'Haircut']);
    expect(Object.keys(res.body.services[0]).sort()).toEqual(
      [
        'id',
        'name',
        'description',
        'duration_minutes',
        'price_amount',
        'currency',
        'image_url',
        'color',
        'min_party_size',
        'max_party_size',
        'requires_confirmation',
        'max_advance_days',
        'capacity',
      ].sort(),
    );
    expect(res.body.page_config).not.toHaveProperty('custom_field_keys');
    expect(JSON.stringify(res.body)).not.toContain(s.org.id);
  });

  it('slots are §8 slots without resource_ids; party size and ranges are checked', async () => {
    const res = await anon.get(
      `/public/booking-links/${s.slug}/slots?service_id=${s.fixture.serviceId}&date=${date}`,
    );
    expectStatus(res, 200);
    expect(res.body.slots.length).toBe(8);
    for (const slot of res.body.slots) {
      expect(Object.keys(slot).sort()).toEqual(
        ['end_datetime', 'remaining_capacity', 'start_datetime'].sort(),
      );
    }
    const staff = await s.org.api.get(
      `/reservation-available-slots?service_id=${s.fixture.serviceId}&date=${date}`,
    );
    expect(res.body.slots.map((x: any) => x.start_datetime)).toEqual(
      staff.body.slots.map((x: any) => x.start_datetime),
    );
    expectError(
      await anon.get(
        `/public/booking-links/${s.slug}/slots?service_id=${s.group.serviceId}&date=${date}&party_size=5`,
      ),
      400,
      'validation_error',
    );
    expectError(
      await anon.get(
        `/public/booking-links/${s.slug}/slots?service_id=${s.fixture.serviceId}&date=${date}&resource_id=${s.fixture.resourceIds[0]}`,
      ),
      400,
      'validation_error',
      ['resource_id'],
    );
    expectError(
      await anon.get(
        `/public/booking-links/${s.slug}/slots?service_id=${s.fixture.serviceId}&date=${date}&end_date=2099-01-01`,
      ),
      400,
      'validation_error',
      ['end_date'],
    );
  });

  it('a service not on the link, an inactive service, an unknown or inactive link → 404', async () => {
    const offLink = await anon.get(
      `/public/booking-links/${s.slug}/slots?service_id=${s.offLink.id}&date=${date}`,
    );
    expectError(offLink, 404, 'not_found');
    expectError(
      await bookPublic(s, { service_id: s.offLink.id, start_datetime: at('10:00') }),
      404,
      'not_found',
    );
    expectError(await anon.get('/public/booking-links/no-such-link'), 404, 'not_found');
    expectError(await anon.get('/public/booking-links/NOT_A_SLUG!'), 404, 'not_found');

    const other = await setup();
    await other.org.api.patch(`/reservation-services/${other.group.serviceId}`, {
      is_active: false,
    });
    const page = await anon.get(`/public/booking-links/${other.slug}`);
    expect(page.body.services.map((x: any) => x.name)).toEqual(['Haircut']);
    expectError(
      await anon.get(
        `/public/booking-links/${other.slug}/slots?service_id=${other.group.serviceId}&date=${date}`,
      ),
      404,
      'not_found',
    );
    await other.org.api.patch(`/reservation-booking-links/${other.link.id}`, { is_active: false });
    expectError(await anon.get(`/public/booking-links/${other.slug}`), 404, 'not_found');
    expectError(
      await anon.get(
        `/public/booking-links/${other.slug}/slots?service_id=${other.fixture.serviceId}&date=${date}`,
      ),
      404,
      'not_found',
    );
    expectError(await bookPublic(other, { start_datetime: at('10:00') }), 404, 'not_found');
  });

  it('books: source booking_link, the link id, a hashed manage token, the customer summary only', async () => {
    const res = await bookPublic(s, { start_datetime: at('09:00'), notes: 'Short please' });
    expectStatus(res, 201);
    expect(Object.keys(res.body).sort()).toEqual(['manage_token', 'reservation']);
    expect(res.body.reservation).toEqual({
      id: expect.any(String),
      status: 'confirmed',
      start_datetime: at('09:00'),
      end_datetime: at('10:00'),
      party_size: 1,
      service: { id: s.fixture.serviceId, name: 'Haircut', duration_minutes: 60 },
    });
    const token: string = res.body.manage_token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const staffView = await s.org.api.get(`/reservations/${res.body.reservation.id}`);
    expect(staffView.body).toMatchObject({
      source: 'booking_link',
      booking_link_id: s.link.id,
      notes: 'Short please',
      custom_fields_by_key: { allergies: 'none' },
      contact: { name: 'Cleo Customer', email: 'cleo@example.com' },
    });
    expect(staffView.body).not.toHaveProperty('manage_token_hash');
    const db = await getDb();
    const [row] = await db
      .select({ hash: reservations.manage_token_hash })
      .from(reservations)
      .where(eq(reservations.id, res.body.reservation.id));
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.hash).not.toContain(token);
  });

  it('validates the customer: name and email required, phone when the link asks, the link’s fields only', async () => {
    expectError(
      await bookPublic(s, { start_datetime: at('11:00'), contact: { name: 'No email' } }),
      400,
      'validation_error',
      ['contact.email'],
    );
    expectError(
      await bookPublic(s, { start_datetime: at('11:00'), custom_fields_by_key: {} }),
      400,
      'validation_error',
      ['custom_fields_by_key.allergies'],
    );
    // A field the link does not ask cannot be written, even though it exists (and is required for staff).
    expectError(
      await bookPublic(s, {
        start_datetime: at('11:00'),
        custom_fields_by_key: { allergies: 'none', internal_rating: 5 },
      }),
      400,
      'validation_error',
      ['custom_fields_by_key.internal_rating'],
    );
    expectError(
      await bookPublic(s, { start_datetime: at('11:00'), status: 'confirmed' }),
      400,
      'validation_error',
      ['status'],
    );
    expectError(
      await bookPublic(s, { start_datetime: at('11:00'), contact_id: randomUUID() }),
      400,
      'validation_error',
      ['contact_id'],
    );
    expectError(
      await bookPublic(s, { start_datetime: 'tomorrow at ten' }),
      400,
      'validation_error',
      ['start_datetime'],
    );
    await s.org.api.patch(`/reservation-booking-links/${s.link.id}`, {
      page_config: { require_phone: true },
    });
    try {
      expectError(await bookPublic(s, { start_datetime: at('11:00') }), 400, 'validation_error', [
        'contact.phone',
      ]);
      expectStatus(
        await bookPublic(s, {
          start_datetime: at('11:00'),
          contact: { ...contact, phone: '+44 20 7946 0001' },
        }),
        201,
      );
    } finally {
      await s.org.api.patch(`/reservation-booking-links/${s.link.id}`, {
        page_config: { require_phone: false },
      });
    }
  });

  it('a taken slot is 409 slot_unavailable; a group class fills seat by seat', async () => {
    expectStatus(await bookPublic(s, { start_datetime: at('12:00') }), 201);
    expectError(await bookPublic(s, { start_datetime: at('12:00') }), 409, 'slot_unavailable');
    expectError(await bookPublic(s, { start_datetime: at('12:30') }), 409, 'slot_unavailable');
    const seats = (n: number) =>
      bookPublic(s, { service_id: s.group.serviceId, start_datetime: at('14:00'), party_size: n });
    expectStatus(await seats(4), 201);
    expectStatus(await seats(4), 201);
    expectError(await seats(3), 409, 'slot_unavailable');
    const slots = await anon.get(
      `/public/booking-links/${s.slug}/slots?service_id=${s.group.serviceId}&date=${date}`,
    );
    expect(
      slots.body.slots.find((x: any) => x.start_datetime === at('14:00')).remaining_capacity,
    ).toBe(2);
  });

  it('Idempotency-Key replays the first response, token included; another body is 409', async () => {
    const key = randomUUID();
    const first = await bookPublic(s, { start_datetime: at('15:00') }, { 'Idempotency-Key': key });
    expectStatus(first, 201);
    const again = await bookPublic(s, { start_datetime: at('15:00') }, { 'Idempotency-Key': key });
    expectStatus(again, 201);
    expect(again.body).toEqual(first.body);
    expectError(
      await bookPublic(s, { start_datetime: at('16:00') }, { 'Idempotency-Key': key }),
      409,
      'idempotency_conflict',
    );
    const list = await s.org.api.get(
      `/reservations?date=${date}&service_id=${s.fixture.serviceId}&$limit=50`,
    );
    expect(list.body.data.filter((r: any) => r.start_datetime === at('15:00'))).toHaveLength(1);
  });

  it('an existing contact is reused by email, but nothing of theirs is shown to the booker', async () => {
    await make(s.org.api, '/contacts', {
      name: 'Victor Victim',
      email: 'victor@example.com',
      phone: '+44 20 7946 0999',
    });
    const res = await bookPublic(s, {
      start_datetime: at('13:00'),
      contact: { name: 'Mallory', email: 'VICTOR@example.com' },
    });
    expectStatus(res, 201);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('Victor');
    expect(text).not.toContain('0999');
    const view = await anon.get(`/public/reservations/${res.body.manage_token}`);
    expect(JSON.stringify(view.body)).not.toMatch(/Victor|0999|victor@/);
  });
});

describe('managing a booking by its token', () => {
  let s: Setup;
  const date = futureDate(14);
  const at = (hhmm: string) => `${date}T${hhmm}:00.000Z`;
  beforeAll(async () => {
    s = await setup();
  });

  async function booked(hhmm: string): Promise<{ id: string; token: string }> {
    const res = await bookPublic(s, { start_datetime: at(hhmm) });
    expectStatus(res, 201);
    return { id: res.body.reservation.id, token: res.body.manage_token };
  }

  it('shows exactly the one booking, with no contact, resources or notes', async () => {
    const mine = await booked('09:00');
    const res = await anon.get(`/public/reservations/${mine.token}`);
    expectStatus(res, 200);
    expect(res.body).toMatchObject({
      id: mine.id,
      status: 'confirmed',
      start_datetime: at('09:00'),
      can_cancel: true,
      can_reschedule: true,
      organization: { timezone: 'Europe/London' },
      service: { name: 'Haircut', price_amount: 4500, currency: 'GBP' },
      booking_link: { slug: s.slug, title: 'Book with us' },
    });
    for (const hidden of ['contact', 'contact_id', 'resource_ids', 'notes', 'organization_id']) {
      expect(res.body).not.toHaveProperty(hidden);
    }
  });

  it('a wrong or other booking’s token gives 404, an undecodable one 400; nothing changes', async () => {
    const mine = await booked('10:00');
    const flipped = mine.token.slice(0, -1) + (mine.token.endsWith('A') ? 'B' : 'A');
    for (const token of [flipped, 'short', `${mine.token}x`, mine.id]) {
      expectError(await anon.get(`/public/reservations/${token}`), 404, 'not_found');
      expectError(await anon.post(`/public/reservations/${token}/cancel`, {}), 404, 'not_found');
    }
    // A bad % escape is a malformed path (issue 23), not an unknown token.
    expectError(await anon.get(`/public/reservations/%E0%A4%A`), 400, 'validation_error');
    expectError(
      await anon.post(`/public/reservations/%E0%A4%A/cancel`, {}),
      400,
      'validation_error',
    );
    expect((await anon.get(`/public/reservations/${mine.token}`)).body.status).toBe('confirmed');
  });

  it('reschedules to a free slot (409 and no change for a taken one), then cancels as the customer', async () => {
    const mine = await booked('11:00');
    await booked('13:00');
    const slots = await anon.get(`/public/reservations/${mine.token}/slots?date=${date}`);
    expectStatus(slots, 200);
    expect(slots.body.slots.map((x: any) => x.start_datetime)).not.toContain(at('13:00'));
    expect(slots.body.slots[0]).not.toHaveProperty('resource_ids');

    expectError(
      await anon.post(`/public/reservations/${mine.token}/reschedule`, {
        start_datetime: at('13:00'),
      }),
      409,
      'slot_unavailable',
    );
    expect((await anon.get(`/public/reservations/${mine.token}`)).body.start_datetime).toBe(
      at('11:00'),
    );
    const moved = await anon.post(`/public/reservations/${mine.token}/reschedule`, {
      start_datetime: at('15:00'),
    });
    expectStatus(moved, 200);
    expect(moved.body.start_datetime).toBe(at('15:00'));
    expectError(
      await anon.post(`/public/reservations/${mine.token}/reschedule`, {
        start_datetime: at('16:00'),
        party_size: 3,
      }),
      400,
      'validation_error',
      ['party_size'],
    );

    const cancelled = await anon.post(`/public/reservations/${mine.token}/cancel`, {
      reason: 'Feeling ill',
    });
    expectStatus(cancelled, 200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelled_by: 'customer',
      can_cancel: false,
      can_reschedule: false,
    });
    const staffView = await s.org.api.get(`/reservations/${mine.id}`);
    expect(staffView.body).toMatchObject({
      status: 'cancelled',
      cancelled_by: 'customer',
      cancellation_reason: 'Feeling ill',
      resource_ids: [],
    });
    expectError(
      await anon.post(`/public/reservations/${mine.token}/cancel`, {}),
      409,
      'invalid_transition',
    );
    expectError(
      await anon.post(`/public/reservations/${mine.token}/reschedule`, {
        start_datetime: at('16:00'),
      }),
      409,
      'invalid_transition',
    );
  });
});

describe('the customer’s mistakes come back together', () => {
  it('phone, party size and the link’s fields in one 400', async () => {
    const s = await setup();
    await s.org.api.patch(`/reservation-booking-links/${s.link.id}`, {
      page_config: { require_phone: true },
    });
    const res = await bookPublic(s, {
      service_id: s.group.serviceId,
      start_datetime: `${futureDate(12)}T10:00:00.000Z`,
      party_size: 9,
      custom_fields_by_key: {},
    });
    expectError(res, 400, 'validation_error', [
      'contact.phone',
      'party_size',
      'custom_fields_by_key.allergies',
    ]);
  });
});
