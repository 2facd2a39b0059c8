import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { allocations, reservations } from '@/db/schema';
import { call, createKeyOrg, type ApiResponse, type TestOrg } from './api';

/** Helpers for the reservations HTTP tests (tests/reservations). */

/** A key-only organization typed as a TestOrg (makeService only needs `api`). */
export async function keyOrg(timezone = 'UTC'): Promise<TestOrg> {
  const org = await createKeyOrg(timezone);
  return { ...org, adminEmail: '', adminPassword: '' };
}

/** Every day of the week, the same hours. */
export function everyDay(start_time: string, end_time: string) {
  return [0, 1, 2, 3, 4, 5, 6].map((day_of_week) => ({ day_of_week, start_time, end_time }));
}

/** GET /reservation-available-slots with the given query parameters. */
export function getSlots(org: TestOrg, params: Record<string, string | number>) {
  const qs = new URLSearchParams(
    Object.entries(params).map(([k, v]) => [k, String(v)] as [string, string]),
  );
  return org.api.get(`/reservation-available-slots?${qs.toString()}`);
}

/** The start times (HH:mm, UTC) of the slots of one query; throws on a non-200. */
export async function slotTimes(
  org: TestOrg,
  params: Record<string, string | number>,
): Promise<string[]> {
  const res = await getSlots(org, params);
  if (res.status !== 200) throw new Error(`slots: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.slots.map((s: { start_datetime: string }) => s.start_datetime.slice(11, 16));
}

let contactCounter = 0;
/** POST /reservations with an inline contact unless the body names one. */
export function book(
  org: TestOrg,
  body: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<ApiResponse> {
  const withContact =
    body.contact_id || body.contact
      ? body
      : { ...body, contact: { name: `Guest ${++contactCounter}` } };
  return call('POST', '/reservations', { key: org.key, body: withContact, headers });
}

/** Books and asserts 201; returns the reservation. */
export async function mustBook(org: TestOrg, body: Record<string, unknown>) {
  const res = await book(org, body);
  if (res.status !== 201) throw new Error(`book: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function mustCreate(org: TestOrg, path: string, body: Record<string, unknown>) {
  const res = await org.api.post(path, body);
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Inserts a reservation directly (fixtures the API refuses, e.g. in the past), with an
 * allocation of unit 1 of each resource unless the status is `cancelled`.
 */
export async function insertReservation(args: {
  org: TestOrg;
  serviceId: string;
  contactId: string;
  resourceIds: string[];
  start: Date;
  durationMinutes: number;
  status: 'pending' | 'confirmed' | 'cancelled' | 'completed' | 'no_show';
}): Promise<string> {
  const db = await getDb();
  const id = randomUUID();
  const end = new Date(args.start.getTime() + args.durationMinutes * 60_000);
  // One transaction: the database checks at commit that a live reservation owns its allocation.
  await db.transaction(async (tx) => {
    await tx.insert(reservations).values({
      id,
      organization_id: args.org.id,
      contact_id: args.contactId,
      service_id: args.serviceId,
      start_datetime: args.start,
      end_datetime: end,
      party_size: 1,
      status: args.status,
      source: 'api',
      ...(args.status === 'cancelled'
        ? { cancelled_at: new Date(), cancelled_by: 'organization' }
        : {}),
    });
    if (args.status !== 'cancelled') {
      await tx.insert(allocations).values(
        args.resourceIds.map((resource_id) => ({
          organization_id: args.org.id,
          resource_id,
          unit: 1,
          occupied: `[${args.start.toISOString()},${end.toISOString()})`,
          reservation_id: id,
        })),
      );
    }
  });
  return id;
}

/** `date` (YYYY-MM-DD) plus `days`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The local date of an instant in a time zone. */
export function localDate(instant: string | number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}
