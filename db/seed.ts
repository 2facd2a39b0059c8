import { eq } from 'drizzle-orm';
import { organizations } from '@/db/schema';
import type { Db } from '@/db/types';
import {
  availabilityCollection,
  exceptionsCollection,
  resourcesCollection,
  serviceResourcesCollection,
  servicesCollection,
} from '@/lib/catalog/collections';
import { contactsCollection } from '@/lib/crm/collections';
import { createRecord } from '@/lib/crud/operations';
import { customFieldsCollection } from '@/lib/custom-fields/collection';
import { aiAssistantsCollection } from '@/lib/ai/collection';
import { TOOL_NAMES } from '@/lib/ai/schemas';
import { bookingLinksCollection } from '@/lib/booking-links/collection';
import { systemCtx } from '@/lib/http/context';
import { createOrganization } from '@/lib/organizations/create-organization';

/**
 * The demo organization `npm run dev` starts with: a hair salon with stylists on split
 * shifts, a wash station with three identical units, a workshop room for a group class,
 * an exception or two, a few clients, a public booking link and an AI assistant. Written through the same domain functions as the
 * API, so the demo obeys every rule.
 */
export const DEMO_SLUG = 'maple-hair-studio';
/** The demo's public booking page: /book/maple-hair */
export const DEMO_BOOKING_SLUG = 'maple-hair';
export const DEMO_ADMIN = {
  email: 'admin@demo.test',
  password: 'demo-password',
  name: 'Maya Admin',
};

export async function findDemoOrganization(db: Db) {
  const [org] = await db
    .select()
    .from(organizations)
    .where(eq(organizations.slug, DEMO_SLUG))
    .limit(1);
  return org ?? null;
}

const splitShift = (days: number[], shifts: [string, string][]) =>
  days.flatMap((day_of_week) =>
    shifts.map(([start_time, end_time]) => ({ day_of_week, start_time, end_time })),
  );

function isoDate(d: Date) {
  return d.toISOString().slice(0, 10);
}

export async function seedDemo(db: Db, today = new Date()) {
  const { organization } = await createOrganization(db, {
    name: 'Maple Hair Studio',
    timezone: 'Europe/London',
    admin: DEMO_ADMIN,
  });
  const ctx = systemCtx(db, organization);
  const create = (def: Parameters<typeof createRecord>[1], body: Record<string, unknown>) =>
    createRecord(ctx, def, body);

  const stylists = [];
  for (const name of ['Alice Martin', 'Bruno Costa', 'Chloé Dubois']) {
    stylists.push(await create(resourcesCollection, { name, type: 'person' }));
  }
  const washStations = await create(resourcesCollection, {
    name: 'Wash station',
    type: 'equipment',
    quantity: 3,
  });
  const studio = await create(resourcesCollection, {
    name: 'Workshop room',
    type: 'room',
    capacity: 8,
  });

  // Tuesday–Saturday, a morning and an afternoon shift; Bruno works late on Thursdays.
  for (const stylist of stylists) {
    for (const hours of splitShift(
      [2, 3, 4, 5, 6],
      [
        ['09:00', '13:00'],
        ['14:00', '18:30'],
      ],
    )) {
      await create(availabilityCollection, { resource_id: stylist.id, ...hours });
    }
  }
  await create(availabilityCollection, {
    resource_id: stylists[1]!.id,
    day_of_week: 4,
    start_time: '18:30',
    end_time: '21:00',
  });
  for (const hours of splitShift([2, 3, 4, 5, 6], [['08:30', '19:00']])) {
    await create(availabilityCollection, { resource_id: washStations.id, ...hours });
  }
  for (const hours of splitShift(
    [6],
    [
      ['10:00', '12:00'],
      ['14:00', '16:00'],
    ],
  )) {
    await create(availabilityCollection, { resource_id: studio.id, ...hours });
  }

  const inDays = (n: number) => isoDate(new Date(today.getTime() + n * 86_400_000));
  await create(exceptionsCollection, {
    resource_id: stylists[1]!.id,
    kind: 'blocked',
    date: inDays(10),
    end_date: inDays(16),
    reason: 'Holiday',
  });
  await create(exceptionsCollection, {
    resource_id: stylists[0]!.id,
    kind: 'special_hours',
    date: inDays(3),
    start_time: '12:00',
    end_time: '20:00',
    reason: 'Late opening',
  });

  const haircut = await create(servicesCollection, {
    name: 'Haircut & style',
    description: 'Wash, cut and blow-dry with one of our stylists.',
    duration_minutes: 45,
    slot_interval_minutes: 15,
    buffer_after_minutes: 10,
    min_notice_minutes: 120,
    price_amount: 4500,
    currency: 'GBP',
    color: '#2563EB',
  });
  const colour = await create(servicesCollection, {
    name: 'Colour',
    description: 'Full colour or highlights. We confirm every colour booking by phone.',
    duration_minutes: 120,
    slot_interval_minutes: 30,
    buffer_before_minutes: 10,
    requires_confirmation: true,
    min_notice_minutes: 1440,
    price_amount: 9500,
    currency: 'GBP',
    color: '#DB2777',
  });
  const beard = await create(servicesCollection, {
    name: 'Beard trim',
    duration_minutes: 20,
    price_amount: 1800,
    currency: 'GBP',
    color: '#059669',
  });
  const workshop = await create(servicesCollection, {
    name: 'Styling workshop',
    description: 'Learn to style your own hair in a small group.',
    duration_minutes: 90,
    capacity: 8,
    min_party_size: 1,
    max_party_size: 2,
    price_amount: 3000,
    currency: 'GBP',
    color: '#D97706',
  });

  for (const service of [haircut, colour, beard]) {
    for (const stylist of stylists) {
      await create(serviceResourcesCollection, {
        service_id: service.id,
        resource_id: stylist.id,
        is_required: false,
      });
    }
  }
  await create(serviceResourcesCollection, {
    service_id: haircut.id,
    resource_id: washStations.id,
    is_required: true,
  });
  await create(serviceResourcesCollection, {
    service_id: colour.id,
    resource_id: washStations.id,
    is_required: true,
  });
  await create(serviceResourcesCollection, {
    service_id: workshop.id,
    resource_id: studio.id,
    is_required: true,
  });

  await create(customFieldsCollection, {
    entity_type: 'reservation',
    key: 'first_visit',
    label: 'First visit?',
    type: 'boolean',
    position: 1,
  });
  await create(customFieldsCollection, {
    entity_type: 'reservation',
    key: 'hair_length',
    label: 'Hair length',
    type: 'select',
    options: ['Short', 'Medium', 'Long'],
    position: 2,
  });
  await create(customFieldsCollection, {
    entity_type: 'reservation',
    key: 'allergies',
    label: 'Allergies or sensitivities',
    type: 'textarea',
    position: 3,
  });

  await create(bookingLinksCollection, {
    slug: DEMO_BOOKING_SLUG,
    name: 'Book online',
    service_ids: [haircut.id, colour.id, beard.id, workshop.id],
    page_config: {
      title: 'Book at Maple Hair Studio',
      description: 'Pick a service and a time that suits you. We look forward to seeing you.',
      primary_color: '#0F766E',
      confirmation_message: 'Thank you! If you need to change anything, use the link below.',
      custom_field_keys: ['first_visit', 'hair_length', 'allergies'],
      require_phone: false,
    },
  });
  await create(aiAssistantsCollection, {
    name: 'Front desk assistant',
    instructions: 'Help clients find a time and book it. Always confirm the time before booking.',
    internal_tools: { tools: [...TOOL_NAMES] },
  });

  for (const contact of [
    { name: 'Olivia Brown', email: 'olivia.brown@example.com', phone: '+44 20 7946 0011' },
    { name: 'Noah Patel', email: 'noah.patel@example.com', phone: '+44 20 7946 0012' },
    { name: 'Amelia Wilson', email: 'amelia.w@example.com' },
    { name: 'Leo Garcia', phone: '+44 7700 900123' },
  ]) {
    await create(contactsCollection, contact);
  }
  return organization;
}
