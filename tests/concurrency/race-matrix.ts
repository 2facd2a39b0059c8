import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { manageTokenFor } from '@/lib/booking-links/manage-token';
import type { ApiResponse, TestOrg } from '../helpers/api';
import { mustCreate, keyOrg } from '../helpers/reservations';

/**
 * The race matrix's parts (tests/concurrency/race-matrix.test.ts): an arena of contended
 * records, the writes of issue 15 point 1 that race in it, and what is read back after.
 *
 * Every arena is its own organization: one room (10 seats) shared by a class (4 seats, the
 * room required) and a private service, open 09:00–17:00. Sessions of the class:
 * - T 10:00: M1, M2 and a hold H (3 seats), an expired hold HE that every booking write must
 *   sweep first, and Cx, a cancelled member. M1 was booked through the arena's public link
 *   (so it has a manage token).
 * - U 12:00: L1 and L2, the last two members (cancelling at once must free the room).
 * - W 14:00: K alone (its cancel or move races a join).
 * - V 15:00: the hold LH alone (its release races a join).
 * - 09:00: PH alone, a hold taken through the public link (the page replaces, extends and
 *   releases it; the matrix's app processes let one client keep one public hold at a time, so
 *   two public holds racing meet the per-client cap too).
 * Every write below aims at that room and one of those starts.
 */

export interface Arena {
  org: TestOrg;
  classId: string;
  privateId: string;
  roomId: string;
  classRoomLinkId: string;
  hoursId: string;
  slug: string;
  assistantId: string;
  date: string;
  /** the contended start, and a free start later the same day */
  t: string;
  later: string;
  m1: string;
  m1Token: string;
  m2: string;
  cx: string;
  h: string;
  he: string;
  u: string;
  l1: string;
  l2: string;
  w: string;
  k: string;
  v: string;
  lh: string;
  ph: string;
  /** where K may move: free at first */
  kLater: string;
}

const ok = <T>(res: ApiResponse<T>, what: string): T => {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

export async function buildArena(dayOffset: number): Promise<Arena> {
  const org = await keyOrg('UTC');
  const date = new Date(Date.now() + dayOffset * 86_400_000).toISOString().slice(0, 10);
  const t = `${date}T10:00:00.000Z`;
  const later = `${date}T13:00:00.000Z`;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const room = await mustCreate(org, '/reservation-resources', {
    name: 'Room',
    quantity: 1,
    capacity: 10,
  });
  const hours = await mustCreate(org, '/reservation-resource-availability', {
    resource_id: room.id,
    day_of_week: weekday,
    start_time: '09:00',
    end_time: '17:00',
  });
  const cls = await mustCreate(org, '/reservation-services', {
    name: 'Class',
    duration_minutes: 60,
    capacity: 4,
    max_party_size: 4,
  });
  const priv = await mustCreate(org, '/reservation-services', {
    name: 'Private',
    duration_minutes: 60,
  });
  const classRoom = await mustCreate(org, '/reservation-service-resources', {
    service_id: cls.id,
    resource_id: room.id,
    is_required: true,
  });
  await mustCreate(org, '/reservation-service-resources', {
    service_id: priv.id,
    resource_id: room.id,
    is_required: true,
  });
  const slug = `arena-${org.id.slice(0, 8)}`;
  await mustCreate(org, '/reservation-booking-links', {
    name: 'Arena',
    slug,
    service_ids: [cls.id, priv.id],
  });
  const assistant = await mustCreate(org, '/ai-assistants', {
    name: 'Desk',
    internal_tools: { tools: ['create_reservation', 'update_reservation', 'hold_slot'] },
  });
  const booked = ok(
    await org.api.post(`/public/booking-links/${slug}/reservations`, {
      service_id: cls.id,
      start_datetime: t,
      contact: { name: 'M1', email: 'm1@example.test' },
    }),
    'M1',
  );
  const m1 = booked.reservation.id as string;
  const at = (hhmm: string) => `${date}T${hhmm}:00.000Z`;
  const book = (name: string, start = t) =>
    org.api
      .post('/reservations', { service_id: cls.id, start_datetime: start, contact: { name } })
      .then((r) => ok(r, name).id as string);
  const m2 = await book('M2');
  const cx = await book('Cx');
  ok(await org.api.patch(`/reservations/${cx}`, { status: 'cancelled' }), 'cancel Cx');
  const hold = (what: string, start = t) =>
    org.api
      .post('/reservation-holds', { service_id: cls.id, start_datetime: start, ttl_seconds: 600 })
      .then((r) => ok(r, what).id as string);
  const he = await hold('HE');
  const h = await hold('H');
  const [u, w, v] = [at('12:00'), at('14:00'), at('15:00')];
  const l1 = await book('L1', u);
  const l2 = await book('L2', u);
  const k = await book('K', w);
  const lh = await hold('LH', v);
  const ph = ok(
    await org.api.post(`/public/booking-links/${slug}/holds`, {
      service_id: cls.id,
      start_datetime: at('09:00'),
    }),
    'PH',
  ).id as string;
  const db = await getDb();
  await db.execute(
    sql`update reservation_holds set expires_at = now() - interval '1 second' where id = ${he}`,
  );
  return {
    org,
    classId: cls.id,
    privateId: priv.id,
    roomId: room.id,
    classRoomLinkId: classRoom.id,
    hoursId: hours.id,
    slug,
    assistantId: assistant.id,
    date,
    t,
    later,
    m1,
    m1Token: manageTokenFor(m1),
    m2,
    cx,
    h,
    he,
    u,
    l1,
    l2,
    w,
    k,
    v,
    lh,
    ph,
    kLater: at('16:00'),
  };
}

export interface RaceOp {
  name: string;
  run: (a: Arena, api: TestOrg['api']) => Promise<ApiResponse>;
  /** A success creates the record it answers with, which must then be stored. */
  creates?: true;
}

/** A staff booking of the class or the private service at one of the arena's starts. */
const booking = (
  name: string,
  service: 'class' | 'private',
  at: 't' | 'w' | 'v',
  who: string,
): RaceOp => ({
  name,
  run: (a, api) =>
    api.post('/reservations', {
      service_id: service === 'class' ? a.classId : a.privateId,
      start_datetime: a[at],
      contact: { name: who },
    }),
  creates: true,
});

const cancel = (name: string, who: 'm1' | 'm2' | 'l1' | 'l2' | 'k'): RaceOp => ({
  name,
  run: (a, api) => api.patch(`/reservations/${a[who]}`, { status: 'cancelled' }),
});

/** Issue 15 point 1: every write that changes what the room or the session holds. */
export const RACE_OPS: RaceOp[] = [
  booking('book class', 'class', 't', 'Walk-in'),
  booking('book private', 'private', 't', 'Solo'),
  cancel('cancel M1', 'm1'),
  cancel('cancel M2', 'm2'),
  {
    name: 'reopen Cx',
    run: (a, api) => api.patch(`/reservations/${a.cx}`, { status: 'confirmed' }),
  },
  {
    name: 'move M1 later',
    run: (a, api) => api.patch(`/reservations/${a.m1}`, { start_datetime: a.later }),
  },
  {
    name: 'M1 to private',
    run: (a, api) => api.patch(`/reservations/${a.m1}`, { service_id: a.privateId }),
  },
  { name: 'M2 party of 2', run: (a, api) => api.patch(`/reservations/${a.m2}`, { party_size: 2 }) },
  {
    name: 'hold class',
    run: (a, api) => api.post('/reservation-holds', { service_id: a.classId, start_datetime: a.t }),
    creates: true,
  },
  { name: 'release H', run: (a, api) => api.delete(`/reservation-holds/${a.h}`) },
  {
    name: 'extend H',
    run: (a, api) => api.patch(`/reservation-holds/${a.h}`, { ttl_seconds: 900 }),
  },
  {
    name: 'book with H',
    run: (a, api) => api.post('/reservations', { hold_id: a.h, contact: { name: 'Holder' } }),
    creates: true,
  },
  cancel('cancel L1', 'l1'),
  cancel('cancel L2', 'l2'),
  cancel('cancel K', 'k'),
  {
    name: 'move K later',
    run: (a, api) => api.patch(`/reservations/${a.k}`, { start_datetime: a.kLater }),
  },
  booking('join K', 'class', 'w', 'Joiner'),
  booking('book private at K', 'private', 'w', 'Solo'),
  { name: 'release LH', run: (a, api) => api.delete(`/reservation-holds/${a.lh}`) },
  booking('join LH', 'class', 'v', 'Joiner'),
  {
    name: 'public book',
    run: (a, api) =>
      api.post(`/public/booking-links/${a.slug}/reservations`, {
        service_id: a.classId,
        start_datetime: a.t,
        contact: { name: 'Public', email: 'public@example.test' },
      }),
    creates: true,
  },
  {
    name: 'public cancel M1',
    run: (a, api) => api.post(`/public/reservations/${a.m1Token}/cancel`, {}),
  },
  {
    name: 'public move M1',
    run: (a, api) =>
      api.post(`/public/reservations/${a.m1Token}/reschedule`, { start_datetime: a.later }),
  },
  {
    name: 'public hold class',
    run: (a, api) =>
      api.post(`/public/booking-links/${a.slug}/holds`, {
        service_id: a.classId,
        start_datetime: a.t,
      }),
    creates: true,
  },
  {
    name: 'public hold private',
    run: (a, api) =>
      api.post(`/public/booking-links/${a.slug}/holds`, {
        service_id: a.privateId,
        start_datetime: a.later,
      }),
    creates: true,
  },
  {
    name: 'public PH to class',
    run: (a, api) =>
      api.post(`/public/booking-links/${a.slug}/holds`, {
        service_id: a.classId,
        start_datetime: a.t,
        replaces_hold_id: a.ph,
      }),
    creates: true,
  },
  {
    name: 'public extend PH',
    run: (a, api) =>
      api.patch(`/public/booking-links/${a.slug}/holds/${a.ph}`, { ttl_seconds: 600 }),
  },
  {
    name: 'public release PH',
    run: (a, api) => api.delete(`/public/booking-links/${a.slug}/holds/${a.ph}`),
  },
  {
    name: 'AI books class',
    run: (a, api) =>
      api.post(`/ai-assistants/${a.assistantId}/tool-calls`, {
        tool: 'create_reservation',
        arguments: { service_id: a.classId, start_datetime: a.t, contact: { name: 'Bot' } },
      }),
    creates: true,
  },
  {
    name: 'class capacity 3',
    run: (a, api) => api.patch(`/reservation-services/${a.classId}`, { capacity: 3 }),
  },
  {
    name: 'class 120 min',
    run: (a, api) => api.patch(`/reservation-services/${a.classId}`, { duration_minutes: 120 }),
  },
  {
    name: 'deactivate class',
    run: (a, api) => api.patch(`/reservation-services/${a.classId}`, { is_active: false }),
  },
  {
    name: 'room capacity 3',
    run: (a, api) => api.patch(`/reservation-resources/${a.roomId}`, { capacity: 3 }),
  },
  {
    name: 'room quantity 2',
    run: (a, api) => api.patch(`/reservation-resources/${a.roomId}`, { quantity: 2 }),
  },
  {
    name: 'deactivate room',
    run: (a, api) => api.patch(`/reservation-resources/${a.roomId}`, { is_active: false }),
  },
  {
    name: 'hours end 11:00',
    run: (a, api) =>
      api.patch(`/reservation-resource-availability/${a.hoursId}`, { end_time: '11:00' }),
  },
  {
    name: 'block the day',
    run: (a, api) =>
      api.post('/reservation-resource-exceptions', {
        resource_id: a.roomId,
        date: a.date,
        kind: 'blocked',
      }),
    creates: true,
  },
  {
    name: 'unlink class room',
    run: (a, api) => api.delete(`/reservation-service-resources/${a.classRoomLinkId}`),
  },
  {
    name: 'delete private',
    run: (a, api) => api.delete(`/reservation-services/${a.privateId}`),
  },
];

const rows = (result: unknown): Record<string, any>[] =>
  Array.isArray(result) ? result : ((result as { rows: Record<string, any>[] }).rows ?? []);

/**
 * What the arena stores, with its ids replaced by labels (M1, H, new, session of …) and its
 * times by offsets from T: equal for two arenas that went through the same writes in the
 * same order.
 */
export async function fingerprint(a: Arena): Promise<string> {
  const db = await getDb();
  const label = new Map<string, string>([
    [a.m1, 'M1'],
    [a.m2, 'M2'],
    [a.cx, 'Cx'],
    [a.h, 'H'],
    [a.he, 'HE'],
    [a.l1, 'L1'],
    [a.l2, 'L2'],
    [a.k, 'K'],
    [a.lh, 'LH'],
    [a.ph, 'PH'],
  ]);
  const name = (id: string | null) => (id ? (label.get(id) ?? 'new') : '-');
  const t = Date.parse(a.t);
  const off = (iso: string | Date) => (new Date(iso).getTime() - t) / 60_000;
  const [res, holds, occs, allocs, catalog] = await Promise.all([
    db.execute(sql`select r.id, s.name as service, r.start_datetime, r.end_datetime, r.status,
        r.party_size, r.occurrence_id from reservations r
        join reservation_services s on s.id = r.service_id where r.organization_id = ${a.org.id}`),
    db.execute(sql`select id, party_size, occurrence_id, start_datetime from reservation_holds
        where organization_id = ${a.org.id}`),
    db.execute(sql`select id, seat_limit, seats_taken from reservation_occurrences
        where organization_id = ${a.org.id}`),
    db.execute(sql`select a.reservation_id, a.occurrence_id, a.hold_id, a.unit,
        lower(a.occupied) as lo, upper(a.occupied) as hi from reservation_allocations a
        where a.organization_id = ${a.org.id}`),
    db.execute(sql`select
        (select json_agg(json_build_object('n', name, 'c', capacity, 'd', duration_minutes,
          'a', is_active) order by name) from reservation_services
          where organization_id = ${a.org.id}) as services,
        (select json_agg(capacity) from reservation_resources where organization_id = ${a.org.id}) as rooms,
        (select count(*)::int from reservation_service_resources where organization_id = ${a.org.id}) as links,
        (select count(*)::int from reservation_resource_exceptions where organization_id = ${a.org.id}) as exceptions,
        (select count(*)::int from contacts where organization_id = ${a.org.id}) as contacts`),
  ]);
  const members = new Map<string, string[]>();
  const join = (occ: string | null, who: string) => {
    if (!occ) return;
    members.set(occ, [...(members.get(occ) ?? []), who].sort());
  };
  const resRows = rows(res).map((r) => {
    const who = name(r.id);
    if (r.status !== 'cancelled') join(r.occurrence_id, who);
    return { r, who };
  });
  for (const h of rows(holds)) join(h.occurrence_id, name(h.id));
  const occName = (id: string | null) =>
    id ? `session[${(members.get(id) ?? []).join(',')}]` : '-';
  const lines = [
    ...resRows.map(
      ({ r, who }) =>
        `reservation ${who} ${r.service} ${off(r.start_datetime)}..${off(r.end_datetime)} ${r.status} x${r.party_size} ${r.status === 'cancelled' ? '' : occName(r.occurrence_id)}`,
    ),
    ...rows(holds).map(
      (h) =>
        `hold ${name(h.id)} ${off(h.start_datetime)} x${h.party_size} ${occName(h.occurrence_id)}`,
    ),
    ...rows(occs)
      .filter((o) => (members.get(o.id) ?? []).length > 0)
      .map((o) => `${occName(o.id)} limit ${o.seat_limit}`),
    ...rows(allocs).map(
      (x) =>
        `allocation ${x.occurrence_id ? occName(x.occurrence_id) : name(x.reservation_id ?? x.hold_id)} unit ${x.unit} ${off(x.lo)}..${off(x.hi)}`,
    ),
    `catalog ${JSON.stringify(rows(catalog)[0])}`,
  ];
  return lines.sort().join('\n');
}

/** The invariants of issue 15 point 4, over what is stored; each broken one as a sentence. */
export async function brokenInvariants(orgId: string): Promise<string[]> {
  const db = await getDb();
  const checks: [string, ReturnType<typeof sql>][] = [
    [
      'a unit is allocated twice',
      sql`select count(*)::int as n from reservation_allocations a join reservation_allocations b
          on a.resource_id = b.resource_id and a.unit = b.unit and a.id < b.id and a.occupied && b.occupied
          where a.organization_id = ${orgId}`,
    ],
    [
      'a session holds more seats than its limit, or seats_taken is off',
      sql`select count(*)::int as n from reservation_occurrences o
          cross join lateral (select
            (select coalesce(sum(party_size), 0) from reservations where occurrence_id = o.id and status <> 'cancelled')
            + (select coalesce(sum(party_size), 0) from reservation_holds where occurrence_id = o.id) as seats) s
          where o.organization_id = ${orgId} and (s.seats > o.seat_limit or s.seats <> o.seats_taken)`,
    ],
    [
      'a live session member whose session owns no allocation covering it',
      sql`select count(*)::int as n from reservations r where r.organization_id = ${orgId}
          and r.status <> 'cancelled' and r.occurrence_id is not null and not exists (
            select 1 from reservation_allocations a where a.occurrence_id = r.occurrence_id
            and a.occupied @> tstzrange(r.start_datetime, r.end_datetime))`,
    ],
    [
      'a live private reservation without an allocation covering it',
      sql`select count(*)::int as n from reservations r where r.organization_id = ${orgId}
          and r.status <> 'cancelled' and r.occurrence_id is null and not exists (
            select 1 from reservation_allocations a where a.reservation_id = r.id
            and a.occupied @> tstzrange(r.start_datetime, r.end_datetime))`,
    ],
    [
      'an unexpired hold that holds nothing',
      sql`select count(*)::int as n from reservation_holds h where h.organization_id = ${orgId}
          and h.expires_at > now() and not exists (
            select 1 from reservation_allocations a
            where a.hold_id = h.id or a.occurrence_id = h.occurrence_id)`,
    ],
    [
      'an allocation kept for nobody',
      sql`select count(*)::int as n from reservation_allocations a where a.organization_id = ${orgId}
          and not (
            exists (select 1 from reservations r where r.id = a.reservation_id and r.status <> 'cancelled')
            or exists (select 1 from reservation_holds h where h.id = a.hold_id)
            or exists (select 1 from reservations r where r.occurrence_id = a.occurrence_id and r.status <> 'cancelled')
            or exists (select 1 from reservation_holds h where h.occurrence_id = a.occurrence_id))`,
    ],
  ];
  const broken: string[] = [];
  for (const [what, query] of checks) {
    const n = Number(rows(await db.execute(query))[0]?.n ?? 0);
    if (n > 0) broken.push(`${what} (${n})`);
  }
  return broken;
}

/** A response as the matrix compares it: status and error code. */
export const outcomeOf = (r: ApiResponse) =>
  r.status < 300 ? `${r.status}` : `${r.status} ${r.body?.error?.code ?? '?'}`;

/** Codes a refusal may carry in this matrix; anything else (a 500, a deadlock's `conflict`) is a defect. */
const EXPECTED_REFUSALS = new Set([
  'slot_unavailable',
  'hold_expired',
  'invalid_transition',
  'in_use',
  'not_found',
  'validation_error',
  'rate_limited', // a public hold over the per-client cap (429)
]);

/** Why a response is not an acceptable answer under §0/§18, or null. */
export function badResponse(r: ApiResponse): string | null {
  if (r.status < 300) return null;
  const error = r.body?.error;
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string')
    return `${r.status} without the error envelope`;
  if (!EXPECTED_REFUSALS.has(error.code) || r.status >= 500)
    return `${r.status} ${error.code}: ${error.message}`;
  if (error.code === 'slot_unavailable') {
    const reasons = (error.details ?? []).map((d: { reason?: string }) => d.reason);
    if (!reasons.length || reasons.some((x: unknown) => typeof x !== 'string'))
      return '409 slot_unavailable without §18 reasons';
  }
  return null;
}

/** The id a successful write created or changed (a reservation or a hold), to check it is stored. */
export function writtenId(r: ApiResponse): string | null {
  if (r.status >= 300 || !r.body) return null;
  return (
    r.body.reservation?.id ??
    r.body.result?.id ??
    (typeof r.body.id === 'string' ? r.body.id : null)
  );
}

export async function isStored(orgId: string, id: string): Promise<boolean> {
  const db = await getDb();
  const found = rows(
    await db.execute(sql`select 1 from reservations where organization_id = ${orgId} and id = ${id}
      union all select 1 from reservation_holds where organization_id = ${orgId} and id = ${id}
      union all select 1 from reservation_services where organization_id = ${orgId} and id = ${id}
      union all select 1 from reservation_resources where organization_id = ${orgId} and id = ${id}
      union all select 1 from reservation_resource_exceptions where organization_id = ${orgId} and id = ${id}
      union all select 1 from reservation_service_resources where organization_id = ${orgId} and id = ${id}`),
  );
  return found.length > 0;
}
