/** The CRUD lifecycle table of collections.test.ts: a create body, the defaults it must get, a PATCH. */

export interface Deps {
  service: any;
  resource: any;
  contact: any;
  company: any;
}
export interface CrudCase {
  path: string;
  create: (d: Deps) => Record<string, unknown>;
  defaults: Record<string, unknown>;
  patch: (d: Deps) => Record<string, unknown>;
}

export const CRUD: CrudCase[] = [
  {
    path: '/contacts',
    create: (d) => ({
      name: 'Ada',
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
      company_id: d.company.id,
    }),
    defaults: { custom_fields_by_key: {} },
    patch: () => ({ phone: null, company_id: null }),
  },
  {
    path: '/companies',
    create: () => ({ name: 'Acme' }),
    defaults: {},
    patch: () => ({ name: 'Acme Ltd' }),
  },
  {
    path: '/deals',
    create: (d) => ({ title: 'Deal', contact_id: d.contact.id }),
    defaults: { company_id: null },
    patch: (d) => ({ company_id: d.company.id }),
  },
  {
    path: '/reservation-services',
    create: () => ({ name: 'Massage', duration_minutes: 60 }),
    defaults: {
      description: null,
      slot_interval_minutes: null,
      buffer_before_minutes: 0,
      buffer_after_minutes: 0,
      min_notice_minutes: 0,
      max_advance_days: 365,
      capacity: null,
      min_party_size: 1,
      max_party_size: 1,
      requires_confirmation: false,
      price_amount: null,
      currency: null,
      image_url: null,
      color: null,
      is_active: true,
    },
    patch: () => ({
      price_amount: 5000,
      currency: 'EUR',
      color: '#A1b2C3',
      image_url: 'https://cdn.example.com/m.png',
    }),
  },
  {
    path: '/reservation-resources',
    create: () => ({ name: 'Room 1' }),
    defaults: {
      type: 'other',
      quantity: 1,
      capacity: null,
      timezone: 'America/New_York',
      image_url: null,
      is_active: true,
    },
    patch: () => ({
      type: 'room',
      quantity: 3,
      capacity: 4,
      timezone: 'Asia/Tokyo',
      image_url: '/uploads/r.png',
    }),
  },
  {
    path: '/reservation-service-resources',
    create: (d) => ({ service_id: d.service.id, resource_id: d.resource.id }),
    defaults: { is_required: true, quantity: 1 },
    patch: () => ({ is_required: false, quantity: 2 }),
  },
  {
    path: '/reservation-resource-availability',
    create: (d) => ({
      resource_id: d.resource.id,
      day_of_week: 0,
      start_time: '09:00',
      end_time: '12:00',
    }),
    defaults: {},
    patch: () => ({ end_time: '24:00' }),
  },
  {
    path: '/reservation-resource-exceptions',
    create: (d) => ({ resource_id: d.resource.id, date: '2030-05-01', kind: 'blocked' }),
    defaults: { end_date: '2030-05-01', start_time: null, end_time: null, reason: null },
    patch: () => ({
      kind: 'special_hours',
      start_time: '10:00',
      end_time: '14:00',
      end_date: '2030-05-03',
    }),
  },
  {
    path: '/reservation-booking-links',
    create: (d) => ({
      slug: `spa-${d.service.id.slice(0, 8)}`,
      name: 'Spa',
      service_ids: [d.service.id],
    }),
    defaults: {
      is_active: true,
      page_config: {
        title: null,
        description: null,
        logo_url: null,
        cover_url: null,
        primary_color: null,
        confirmation_message: null,
        custom_field_keys: [],
        require_phone: false,
      },
    },
    patch: () => ({ name: 'Spa online', page_config: { primary_color: '#112233' } }),
  },
  {
    path: '/custom-fields',
    create: () => ({
      entity_type: 'contact',
      key: 'favourite_colour',
      label: 'Colour',
      type: 'select',
      options: ['red', 'blue'],
    }),
    defaults: { required: false, position: 0, is_active: true },
    patch: () => ({ label: 'Favourite colour', options: ['red', 'blue', 'green'], required: true }),
  },
];
