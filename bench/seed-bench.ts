import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  allocations,
  contacts,
  reservations,
  resourceAvailability,
  resources,
  serviceResources,
  services,
} from '@/db/schema';
import type { Db } from '@/db/types';
import { createOrganization } from '@/lib/organizations/create-organization';

/**
 * A bench organization: 50 resources (10 groups of 5 stylists), 20 services each linked to
 * one group as a pool, Monday–Saturday 08:00–20:00, and N reservations spread over two
 * years around `now` — written in bulk, each with its allocation row, never overlapping.
 */
const RESOURCES = 50;
const SERVICES = 20;
const GROUP = 5;
const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface BenchOrg {
  organizationId: string;
  apiKey: string;
  serviceIds: string[];
  resourceIds: string[];
}

async function insertChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function seedBenchOrg(
  db: Db,
  reservationCount: number,
  now: Date,
  spanDays: number,
): Promise<BenchOrg> {
  const { organization, apiKey } = await createOrganization(db, {
    name: `Bench ${reservationCount}`,
    timezone: 'UTC',
    with_api_key: true,
  });
  const org = organization.id;
  const resourceRows = Array.from({ length: RESOURCES }, (_, i) => ({
    id: randomUUID(),
    organization_id: org,
    name: `Stylist ${String(i).padStart(2, '0')}`,
    type: 'person',
    quantity: 1,
    timezone: 'UTC',
  }));
  await db.insert(resources).values(resourceRows);
  const hours = resourceRows.flatMap((r) =>
    [1, 2, 3, 4, 5, 6].map((day) => ({
      organization_id: org,
      resource_id: r.id,
      day_of_week: day,
      start_time: '08:00',
      end_time: '20:00',
    })),
  );
  await db.insert(resourceAvailability).values(hours);
  const serviceRows = Array.from({ length: SERVICES }, (_, i) => ({
    id: randomUUID(),
    organization_id: org,
    name: `Service ${i}`,
    duration_minutes: 60,
    slot_interval_minutes: 15,
    max_advance_days: 3650,
  }));
  await db.insert(services).values(serviceRows);
  await db.insert(serviceResources).values(
    serviceRows.flatMap((s, i) =>
      resourceRows
        .slice((i % (RESOURCES / GROUP)) * GROUP, (i % (RESOURCES / GROUP)) * GROUP + GROUP)
        .map((r) => ({
          organization_id: org,
          service_id: s.id,
          resource_id: r.id,
          is_required: false,
          quantity: 1,
        })),
    ),
  );
  const contactRows = Array.from({ length: 2000 }, (_, i) => ({
    id: randomUUID(),
    organization_id: org,
    name: `Client ${i}`,
    email: `client${i}@bench.test`,
  }));
  await insertChunks(contactRows, 1000, (c) => db.insert(contacts).values(c));

  // Reservations on the hour, 08:00–19:00, one per (resource, day, hour) at most, over
  // `spanDays` days ending at most 90 days after now; each belongs to the service whose pool holds
  // its resource. The caller picks the span so that density is the same at every size:
  // what differs between sizes is history, which a query for a window must not pay for.
  const firstDay = Math.floor(now.getTime() / DAY) * DAY - Math.max(0, spanDays - 90) * DAY;
  const cells = spanDays * RESOURCES * 12;
  // Sundays are closed, so only 6 of every 7 days take bookings: step through the cells
  // evenly (a fractional stride ≥ 1, so no cell is used twice) to fill the whole span.
  const stride = (cells * 6) / 7 / reservationCount;
  const reservationRows: (typeof reservations.$inferInsert)[] = [];
  const allocationRows: (typeof allocations.$inferInsert)[] = [];
  for (let n = 0; reservationRows.length < reservationCount && n < cells; n++) {
    const cell = Math.floor(n * stride);
    const day = Math.floor(cell / (RESOURCES * 12));
    const resourceIndex = Math.floor(cell / 12) % RESOURCES;
    const hour = 8 + (cell % 12);
    const start = firstDay + day * DAY + hour * HOUR;
    if (new Date(start).getUTCDay() === 0) continue;
    const group = Math.floor(resourceIndex / GROUP);
    const service = serviceRows[group + (n % 2) * (RESOURCES / GROUP)]!;
    const id = randomUUID();
    reservationRows.push({
      id,
      organization_id: org,
      contact_id: contactRows[n % contactRows.length]!.id,
      service_id: service.id,
      start_datetime: new Date(start),
      end_datetime: new Date(start + HOUR),
      party_size: 1,
      status: start < now.getTime() ? 'completed' : 'confirmed',
      source: 'api',
      custom_fields_by_key: {},
    });
    allocationRows.push({
      organization_id: org,
      resource_id: resourceRows[resourceIndex]!.id,
      unit: 1,
      reservation_id: id,
      occupied: `[${new Date(start).toISOString()},${new Date(start + HOUR).toISOString()})`,
    });
  }
  // A bulk load of rows consistent by construction, as pg_restore does it: triggers (the
  // integrity checks of migration 0007, foreign keys) are off for this one transaction.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await insertChunks(reservationRows, 2000, (c) => tx.insert(reservations).values(c));
    await insertChunks(allocationRows, 4000, (c) => tx.insert(allocations).values(c));
  });
  return {
    organizationId: org,
    apiKey: apiKey!.key,
    serviceIds: serviceRows.map((s) => s.id),
    resourceIds: resourceRows.map((r) => r.id),
  };
}

/**
 * Bounded work per request (issue 23): one resource of 10,000 identical units, open every day
 * 08:00–20:00, required by one 60-minute service on a 15-minute grid, with 5,000 bookings on
 * the hour over the 70 days after `firstDay` (about 6 per hour, on the lowest units, as the
 * engine would allocate them).
 */
export async function seedUnitsOrg(db: Db, firstDay: number): Promise<BenchOrg> {
  const { organization, apiKey } = await createOrganization(db, {
    name: 'Bench units',
    timezone: 'UTC',
    with_api_key: true,
  });
  const org = organization.id;
  const hall = {
    id: randomUUID(),
    organization_id: org,
    name: 'Hall',
    type: 'room',
    quantity: 10_000,
    timezone: 'UTC',
  };
  await db.insert(resources).values(hall);
  await db.insert(resourceAvailability).values(
    [0, 1, 2, 3, 4, 5, 6].map((day) => ({
      organization_id: org,
      resource_id: hall.id,
      day_of_week: day,
      start_time: '08:00',
      end_time: '20:00',
    })),
  );
  const service = {
    id: randomUUID(),
    organization_id: org,
    name: 'Entry',
    duration_minutes: 60,
    slot_interval_minutes: 15,
    max_advance_days: 3650,
  };
  await db.insert(services).values(service);
  await db.insert(serviceResources).values({
    organization_id: org,
    service_id: service.id,
    resource_id: hall.id,
    is_required: true,
    quantity: 1,
  });
  const contact = {
    id: randomUUID(),
    organization_id: org,
    name: 'Visitor',
    email: 'v@bench.test',
  };
  await db.insert(contacts).values(contact);
  const SPAN = 70;
  const reservationRows: (typeof reservations.$inferInsert)[] = [];
  const allocationRows: (typeof allocations.$inferInsert)[] = [];
  for (let i = 0; i < 5000; i++) {
    const start = firstDay + (i % SPAN) * DAY + (8 + (Math.floor(i / SPAN) % 12)) * HOUR;
    const id = randomUUID();
    reservationRows.push({
      id,
      organization_id: org,
      contact_id: contact.id,
      service_id: service.id,
      start_datetime: new Date(start),
      end_datetime: new Date(start + HOUR),
      party_size: 1,
      status: 'confirmed',
      source: 'api',
      custom_fields_by_key: {},
    });
    allocationRows.push({
      organization_id: org,
      resource_id: hall.id,
      unit: Math.floor(i / (SPAN * 12)) + 1,
      reservation_id: id,
      occupied: `[${new Date(start).toISOString()},${new Date(start + HOUR).toISOString()})`,
    });
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await insertChunks(reservationRows, 2000, (c) => tx.insert(reservations).values(c));
    await insertChunks(allocationRows, 4000, (c) => tx.insert(allocations).values(c));
  });
  return {
    organizationId: org,
    apiKey: apiKey!.key,
    serviceIds: [service.id],
    resourceIds: [hall.id],
  };
}
