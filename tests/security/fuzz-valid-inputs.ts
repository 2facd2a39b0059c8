import fc from 'fast-check';
import { encode, type Fixture } from './fixture';
import { hostileKeys, hostileStrings, valueText, type Body } from './fuzz-arbitraries';

// ---- valid bodies, one field at a time made hostile ---------------------------------------

/**
 * A valid body for some writes: replacing one of its fields with a hostile value reaches the
 * rules past the schema (references, the engine, the database's constraints).
 */
export function validBodies(fx: Fixture): Record<string, Record<string, unknown>> {
  // Distinct free slots, so each write's first valid variant can succeed.
  const [, , , forReservation, forHold, forPublic, forReschedule] = fx.slotStarts;
  const contact = { name: 'Fuzz Guest', email: 'fuzz@example.com', phone: '+33 1 23 45 67 89' };
  const resource_id = fx.ids['/reservation-resources'];
  return {
    'POST /reservations': {
      service_id: fx.serviceId,
      start_datetime: forReservation,
      party_size: 1,
      contact,
      notes: 'fuzz',
      custom_fields_by_key: {},
    },
    'PATCH /reservations/:id': { notes: 'fuzz', party_size: 1, status: 'confirmed' },
    'POST /reservation-holds': {
      service_id: fx.serviceId,
      start_datetime: forHold,
      party_size: 1,
    },
    'POST /public/booking-links/:slug/reservations': {
      service_id: fx.serviceId,
      start_datetime: forPublic,
      party_size: 1,
      contact,
    },
    'POST /public/reservations/:token/reschedule': { start_datetime: forReschedule },
    'POST /contacts': contact,
    'PATCH /contacts/:id': { custom_fields_by_key: { tier: 'gold' } },
    'POST /reservation-services': {
      name: 'Fuzz service',
      duration_minutes: 30,
      capacity: 2,
      max_party_size: 2,
      price_amount: 100,
      currency: 'EUR',
    },
    'POST /reservation-resources': { name: 'Fuzz room', type: 'room', quantity: 2, capacity: 4 },
    'POST /reservation-resource-availability': {
      resource_id,
      day_of_week: 1,
      start_time: '09:00',
      end_time: '10:00',
    },
    'POST /reservation-resource-exceptions': {
      resource_id,
      date: '2031-01-01',
      end_date: '2031-01-02',
      kind: 'special_hours',
      start_time: '10:00',
      end_time: '11:00',
    },
    'POST /custom-fields': {
      entity_type: 'reservation',
      key: 'fuzz_field',
      label: 'Fuzz',
      type: 'select',
      options: ['a', 'b'],
    },
    'POST /reservation-booking-links': {
      slug: 'fuzz-link',
      name: 'Fuzz link',
      service_ids: [fx.serviceId],
      page_config: { primary_color: '#112233', custom_field_keys: [] },
    },
    'POST /s3-url-signing': {
      type: 'reservation-service-image',
      file_name: 'photo.png',
      content_type: 'image/png',
      content_length: 1000,
    },
    'POST /users': { name: 'Fuzz', email: 'fuzz-user@example.com', password: 'fuzz password 1' },
    'POST /webhooks': { url: 'https://example.com/hook', events: ['reservation.created'] },
  };
}

/** Valid query strings of the slot routes, one parameter at a time made hostile. */
export function validQueries(fx: Fixture): Record<string, Record<string, string>> {
  const slots = { service_id: fx.serviceId, date: fx.slotStarts[0]!.slice(0, 10) };
  return {
    'GET /reservation-available-slots': slots,
    'GET /reservation-available-days': slots,
    'GET /public/booking-links/:slug/slots': slots,
    'GET /public/booking-links/:slug/days': slots,
    'GET /public/reservations/:token/slots': { date: slots.date },
    'GET /reservations': { date: slots.date },
  };
}

const SLOT_PARAMS = ['end_date', 'timezone', 'party_size', 'resource_id', 'date'];

export function mutatedQuery(base: Record<string, string>): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...Object.keys(base), ...SLOT_PARAMS), hostileStrings, fc.boolean())
    .map(([key, value, keepDate]) => {
      const query = { ...base, [key]: value };
      // Half the time a far-off date keeps its end_date, to reach range edges.
      if (keepDate && key === 'date') query.end_date = value;
      return Object.entries(query)
        .map(([k, v]) => `${encode(k)}=${encode(v)}`)
        .join('&');
    });
}

export function mutatedBody(base: Record<string, unknown>): fc.Arbitrary<Body> {
  const keys = Object.keys(base);
  return fc
    .tuple(fc.oneof(fc.constantFrom(...keys), hostileKeys), valueText(keys))
    .map(([key, value]) => {
      const entries = Object.entries(base)
        .filter(([k]) => k !== key)
        .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
      return {
        text: `{${[...entries, `${JSON.stringify(key)}:${value}`].join(',')}}`,
        contentType: 'application/json',
      };
    });
}
