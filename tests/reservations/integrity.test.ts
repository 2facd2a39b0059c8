import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { allocations, contacts, occurrences, reservations } from '@/db/schema';
import type { TestOrg } from '../helpers/api';
import { futureDate, makeService } from '../helpers/catalog';
import { book, keyOrg, mustBook, mustCreate } from '../helpers/reservations';

/**
 * Issue 15 on one process (both databases): what the database refuses by itself, the rules for
 * capacity and duration edits, holds on services changed since, contacts, and the repair of a
 * database an earlier version left broken. Races between processes: tests/concurrency.
 */

let org: TestOrg;
beforeAll(async () => {
  org = await keyOrg('UTC');
});

/** A class (room of capacity 10, required) and a private service on the same room. */
async function classAndPrivate(capacity = 10) {
  const cls = await makeService(org, {
    service: { name: 'Class', capacity, max_party_size: 10 },
    resources: [{ name: 'Room', capacity: null }],
  });
  const priv = await mustCreate(org, '/reservation-services', {
    name: 'Private',
    duration_minutes: 60,
  });
  await mustCreate(org, '/reservation-service-resources', {
    service_id: priv.id,
    resource_id: cls.resourceIds[0],
    is_required: true,
  });
  return { classId: cls.serviceId, privateId: priv.id as string, roomId: cls.resourceIds[0]! };
}

const refusedAtCommit = async (write: (tx: any) => Promise<unknown>) => {
  const db = await getDb();
  const error = await db.transaction(write).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the database accepted a broken state').not.toBeNull();
  return error;
};

describe('the database refuses broken states itself', () => {
  it('a live reservation without an allocation', async () => {
    const { privateId } = await classAndPrivate();
    const r = await mustBook(org, {
      service_id: privateId,
      start_datetime: `${futureDate(30)}T10:00:00Z`,
    });
    await refusedAtCommit((tx) =>
      tx.delete(allocations).where(eq(allocations.reservation_id, r.id)),
    );
  });

  it('a session over its seats, and a join into a session that owns no allocation', async () => {
    const { classId } = await classAndPrivate(2);
    const a = await mustBook(org, {
      service_id: classId,
      start_datetime: `${futureDate(31)}T10:00:00Z`,
      party_size: 2,
    });
    const db = await getDb();
    await refusedAtCommit((tx) =>
      tx.update(reservations).set({ party_size: 3 }).where(eq(reservations.id, a.id)),
    );
    // The last member cancelled by hand without releasing the room: an allocation for nobody.
    await refusedAtCommit((tx) =>
      tx
        .update(reservations)
        .set({ status: 'cancelled', cancelled_at: new Date(), cancelled_by: 'organization' })
        .where(eq(reservations.id, a.id)),
    );
    // A member whose session's allocation is gone.
    const [row] = await db.select().from(reservations).where(eq(reservations.id, a.id));
    await refusedAtCommit((tx) =>
      tx.delete(allocations).where(eq(allocations.occurrence_id, row!.occurrence_id!)),
    );
    const [occ] = await db
      .select()
      .from(occurrences)
      .where(eq(occurrences.id, row!.occurrence_id!));
    expect(occ!.seats_taken).toBe(2);
  });

  it('an allocation that does not cover its member', async () => {
    const { privateId } = await classAndPrivate();
    const r = await mustBook(org, {
      service_id: privateId,
      start_datetime: `${futureDate(32)}T10:00:00Z`,
    });
    await refusedAtCommit((tx) =>
      tx
        .update(reservations)
        .set({ end_datetime: new Date(Date.parse(r.end_datetime) + 30 * 60_000) })
        .where(eq(reservations.id, r.id)),
    );
  });
});

describe('capacity and duration edits (§8.5, docs/decisions.md)', () => {
  it('lowering a class from 10 to 4 stops joins at 4 and evicts nobody', async () => {
    const { classId } = await classAndPrivate(10);
    const start = `${futureDate(33)}T10:00:00Z`;
    for (let i = 0; i < 5; i++) await mustBook(org, { service_id: classId, start_datetime: start });
    const patched = await org.api.patch(`/reservation-services/${classId}`, { capacity: 4 });
    expect(patched.status).toBe(200);
    const refused = await book(org, { service_id: classId, start_datetime: start });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.map((d: any) => d.reason)).toContain('capacity_full');
    const live = await org.api.get(
      `/reservations?service_id=${classId}&status[$ne]=cancelled&$limit=50`,
    );
    expect(live.body.total).toBe(5);
    // Two leave: 3 < 4, so one may join again, and no more.
    for (const r of live.body.data.slice(0, 2))
      expect((await org.api.patch(`/reservations/${r.id}`, { status: 'cancelled' })).status).toBe(
        200,
      );
    expect((await book(org, { service_id: classId, start_datetime: start })).status).toBe(201);
    expect((await book(org, { service_id: classId, start_datetime: start })).status).toBe(409);
  });

  it('raising a class from 4 to 6 lets its open session take 6', async () => {
    const { classId } = await classAndPrivate(4);
    const start = `${futureDate(34)}T10:00:00Z`;
    for (let i = 0; i < 4; i++) await mustBook(org, { service_id: classId, start_datetime: start });
    expect((await book(org, { service_id: classId, start_datetime: start })).status).toBe(409);
    await org.api.patch(`/reservation-services/${classId}`, { capacity: 6 });
    expect((await book(org, { service_id: classId, start_datetime: start })).status).toBe(201);
    expect((await book(org, { service_id: classId, start_datetime: start })).status).toBe(201);
    expect((await book(org, { service_id: classId, start_datetime: start })).status).toBe(409);
  });

  it('raising a class from 60 to 120 minutes: no one joins a session allocated for 60', async () => {
    const { classId, privateId } = await classAndPrivate(10);
    const date = futureDate(35);
    await mustBook(org, { service_id: classId, start_datetime: `${date}T10:00:00Z` });
    await mustBook(org, { service_id: privateId, start_datetime: `${date}T11:00:00Z` });
    await org.api.patch(`/reservation-services/${classId}`, { duration_minutes: 120 });
    const join = await book(org, { service_id: classId, start_datetime: `${date}T10:00:00Z` });
    expect(join.status).toBe(409);
    const db = await getDb();
    const overlapping = await db.execute(sql`
      select count(*)::int as n from reservation_allocations a join reservation_allocations b
        on a.resource_id = b.resource_id and a.unit = b.unit and a.id < b.id
       and a.occupied && b.occupied
      where a.organization_id = ${org.id}`);
    expect(Number((overlapping as any).rows?.[0]?.n ?? (overlapping as any)[0]?.n)).toBe(0);
  });
});

describe('holds on services changed since they were taken', () => {
  it('a hold on a service deactivated since books nothing: 409 inactive', async () => {
    const { privateId } = await classAndPrivate();
    const hold = await mustCreate(org, '/reservation-holds', {
      service_id: privateId,
      start_datetime: `${futureDate(36)}T10:00:00Z`,
    });
    await org.api.patch(`/reservation-services/${privateId}`, { is_active: false });
    const res = await book(org, { hold_id: hold.id });
    expect(res.status).toBe(409);
    expect(res.body.error.details[0].reason).toBe('inactive');
  });

  it('a hold consumed with another preferred_resource_id is a 400', async () => {
    const { serviceId, resourceIds } = await makeService(org, {
      resources: [
        { name: 'Ana', is_required: false },
        { name: 'Ben', is_required: false },
      ],
    });
    const hold = await mustCreate(org, '/reservation-holds', {
      service_id: serviceId,
      start_datetime: `${futureDate(37)}T10:00:00Z`,
      preferred_resource_id: resourceIds[0],
    });
    const res = await book(org, { hold_id: hold.id, preferred_resource_id: resourceIds[1] });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('preferred_resource_id');
    expect((await book(org, { hold_id: hold.id })).status).toBe(201);
  });

  it('a public booking with only hold_id needs the service still on the link', async () => {
    const { privateId } = await classAndPrivate();
    const slug = `hold-link-${Date.now()}`;
    const link = await mustCreate(org, '/reservation-booking-links', {
      name: 'Link',
      slug,
      service_ids: [privateId],
    });
    const held = await org.api.post(`/public/booking-links/${slug}/holds`, {
      service_id: privateId,
      start_datetime: `${futureDate(38)}T10:00:00Z`,
    });
    expect(held.status).toBe(201);
    const other = await mustCreate(org, '/reservation-services', {
      name: 'Other',
      duration_minutes: 30,
    });
    await org.api.patch(`/reservation-booking-links/${link.id}`, { service_ids: [other.id] });
    const res = await org.api.post(`/public/booking-links/${slug}/reservations`, {
      hold_id: held.body.id,
      contact: { name: 'Late', email: 'late@example.test' },
    });
    expect(res.status).toBe(404);
    const list = await org.api.get(`/reservations?service_id=${privateId}`);
    expect(list.body.total).toBe(0);
  });
});

describe('inline contacts (§9)', () => {
  it('bookings racing with the same new email make one contact, matched case-insensitively', async () => {
    const { privateId } = await makeService(org, {
      resources: [{ quantity: 10 }],
    }).then((s) => ({ privateId: s.serviceId }));
    const email = `Race-${Date.now()}@Example.test`;
    const start = `${futureDate(39)}T10:00:00Z`;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        book(org, {
          service_id: privateId,
          start_datetime: start,
          contact: { name: `Racer ${i}`, email: i % 2 ? email.toLowerCase() : email },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    const db = await getDb();
    const found = await db
      .select()
      .from(contacts)
      .where(
        and(
          eq(contacts.organization_id, org.id),
          sql`lower(${contacts.email}) = ${email.toLowerCase()}`,
        ),
      );
    expect(found).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.contact_id))).toEqual(new Set([found[0]!.id]));
  });

  it("a customer's booking never changes a contact it finds", async () => {
    const { privateId } = await classAndPrivate();
    const existing = await mustCreate(org, '/contacts', {
      name: 'Noah Original',
      email: `noah-${Date.now()}@example.test`,
      phone: '+33 6 11 11 11 11',
    });
    const slug = `contact-link-${Date.now()}`;
    await mustCreate(org, '/reservation-booking-links', {
      name: 'Link',
      slug,
      service_ids: [privateId],
    });
    const res = await org.api.post(`/public/booking-links/${slug}/reservations`, {
      service_id: privateId,
      start_datetime: `${futureDate(40)}T10:00:00Z`,
      contact: {
        name: 'Someone Else',
        email: existing.email.toUpperCase(),
        phone: '+33 6 99 99 99 99',
      },
    });
    expect(res.status).toBe(201);
    const after = await org.api.get(`/contacts/${existing.id}`);
    expect(after.body).toMatchObject({ name: 'Noah Original', phone: '+33 6 11 11 11 11' });
  });
});

describe('repair of a database an earlier version left broken', () => {
  it('frees a room kept for nobody, and gives a stranded session its room back', async () => {
    const { classId, roomId } = await classAndPrivate(10);
    const date = futureDate(41);
    const kept = await mustBook(org, { service_id: classId, start_datetime: `${date}T10:00:00Z` });
    const stranded = await mustBook(org, {
      service_id: classId,
      start_datetime: `${date}T13:00:00Z`,
    });
    const db = await getDb();
    // Write the two broken states of the old races with the checks off, as an old version did.
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx
        .update(reservations)
        .set({ status: 'cancelled', cancelled_at: new Date(), cancelled_by: 'organization' })
        .where(eq(reservations.id, kept.id));
      await tx.execute(
        sql`delete from reservation_allocations where occurrence_id = (select occurrence_id from reservations where id = ${stranded.id})`,
      );
    });
    const repaired = await db.execute(sql`select reservation_integrity_repair() as n`);
    const n = Number((repaired as any).rows?.[0]?.n ?? (repaired as any)[0]?.n);
    expect(n).toBeGreaterThanOrEqual(2);
    const rows = await db
      .select({ occurrence_id: allocations.occurrence_id, resource_id: allocations.resource_id })
      .from(allocations)
      .where(eq(allocations.resource_id, roomId));
    const [strandedRow] = await db
      .select()
      .from(reservations)
      .where(eq(reservations.id, stranded.id));
    expect(rows).toEqual([{ occurrence_id: strandedRow!.occurrence_id, resource_id: roomId }]);
    // The room at 10:00 is free again.
    const again = await book(org, { service_id: classId, start_datetime: `${date}T10:00:00Z` });
    expect(again.status).toBe(201);
    expect(again.body.resource_ids).toEqual([roomId]);
  });
});
