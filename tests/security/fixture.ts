import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { routes } from '@/lib/api/routes';
import type { Route } from '@/lib/http/route';
import { call, type TestOrg } from '../helpers/api';
import { makeService, futureDate } from '../helpers/catalog';
import { keyOrg } from '../helpers/reservations';
import { seedAll } from '../api/fixtures';

/**
 * One organization holding a record behind every `:param` of the route table, for the
 * authorization matrix and the fuzzer (not a test file itself). A route whose record cannot
 * be made here must be listed in the test's exempt table, with its reason.
 */

export const hasRoute = (method: string, path: string) =>
  routes.some((r) => r.method === method && r.path === path);

async function mustPost(org: TestOrg, path: string, body: unknown) {
  const res = await call('POST', path, { key: org.key, body });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface Fixture {
  org: TestOrg;
  /** Record base path (`/contacts`) → the id of one record of the organization. */
  ids: Record<string, string>;
  /** Values for the public routes' params. */
  slug: string;
  manageToken: string;
  serviceId: string;
  /** A service with no resources linked (it has no slots), also on the booking link. */
  bareServiceId: string;
  /** Free slot starts of the bookable service, for bodies that need one. */
  slotStarts: string[];
}

export async function createFixture(): Promise<Fixture> {
  const org = await keyOrg('UTC');
  const seed = await seedAll(org.api);
  const { serviceId } = await makeService(org, { service: { name: 'Fixture service' } });
  const date = futureDate(8);
  const slots = await call(
    'GET',
    `/reservation-available-slots?service_id=${serviceId}&date=${date}`,
    {
      key: org.key,
    },
  );
  const slotStarts: string[] = (slots.body?.slots ?? []).map(
    (s: { start_datetime: string }) => s.start_datetime,
  );
  if (slotStarts.length < 7) throw new Error(`fixture slots: ${JSON.stringify(slots.body)}`);
  const reservation = await mustPost(org, '/reservations', {
    service_id: serviceId,
    start_datetime: slotStarts[0],
    contact_id: seed.contact.id,
  });
  const bare = await mustPost(org, '/reservation-services', {
    name: 'Fixture service without links',
    duration_minutes: 30,
  });
  const slug = `fx-${randomUUID().slice(0, 8)}`;
  const bookingLink = await mustPost(org, '/reservation-booking-links', {
    slug,
    name: 'Fixture link',
    service_ids: [serviceId, bare.id],
  });
  const booked = await call('POST', `/public/booking-links/${slug}/reservations`, {
    body: {
      service_id: serviceId,
      start_datetime: slotStarts[1],
      contact: { name: 'Public Guest', email: 'guest@example.com' },
    },
  });
  if (booked.status !== 201) throw new Error(`public booking: ${JSON.stringify(booked.body)}`);
  const user = await mustPost(org, '/users', {
    name: 'Target user',
    email: `target-${randomUUID().slice(0, 8)}@example.test`,
    password: 'target password 123',
    role: 'staff',
  });
  const apiKey = await mustPost(org, '/api-keys', { name: 'Fixture key' });

  const ids: Record<string, string> = {
    '/contacts': seed.contact.id,
    '/companies': seed.company.id,
    '/deals': seed.deal.id,
    '/reservation-services': seed.service.id,
    '/reservation-resources': seed.resource.id,
    '/reservation-service-resources': seed.link.id,
    '/reservation-resource-availability': seed.hours.id,
    '/reservation-resource-exceptions': seed.exception.id,
    '/custom-fields': seed.field.id,
    '/reservation-booking-links': bookingLink.id,
    '/reservations': reservation.id,
    '/users': user.id,
    '/api-keys': apiKey.id,
  };
  // Records of routes that other parts of the contract add, made once their routes exist.
  if (hasRoute('POST', '/ai-assistants')) {
    ids['/ai-assistants'] = (
      await mustPost(org, '/ai-assistants', {
        name: 'Fixture assistant',
        internal_tools: { tools: ['find_reservations'] },
      })
    ).id;
  }
  if (hasRoute('POST', '/reservation-holds')) {
    ids['/reservation-holds'] = (
      await mustPost(org, '/reservation-holds', {
        service_id: serviceId,
        start_datetime: slotStarts[2],
        party_size: 1,
      })
    ).id;
  }
  if (hasRoute('POST', '/webhooks')) {
    ids['/webhooks'] = (
      await mustPost(org, '/webhooks', {
        url: 'https://example.com/hooks/reservations',
        events: ['reservation.created'],
      })
    ).id;
  }
  if (hasRoute('GET', '/notifications')) {
    // The booking through the link above (with an email) queued its confirmation.
    const messages = await org.api.get('/notifications?$limit=1');
    if (!messages.body?.data?.[0]) throw new Error('fixture: no notification was queued');
    ids['/notifications'] = messages.body.data[0].id;
  }
  return {
    org,
    ids,
    slug,
    manageToken: booked.body.manage_token,
    serviceId,
    bareServiceId: bare.id,
    slotStarts,
  };
}

/**
 * Values for a route's params: a record of the fixture for each id, found by the path before
 * the param (`/reservations/:id/history` → `/reservations`). A later id the fixture has no
 * record for (a webhook's delivery) gets a random UUID; the first one must exist, or null.
 * Public routes' ids name nothing private, so any UUID does.
 */
export function fixtureParams(route: Route, fx: Fixture): Record<string, string> | null {
  const values: Record<string, string> = {};
  let first = true;
  for (const match of route.path.matchAll(/:([A-Za-z_]+)/g)) {
    const name = match[1]!;
    if (name === 'slug') values.slug = fx.slug;
    else if (name === 'token') values.token = fx.manageToken;
    else if (name === 'organization') values.organization = fx.org.id;
    else if (name === 'type') values.type = 'reservation-service-image';
    else if (name === 'file') values.file = `${randomUUID()}.png`;
    else {
      const id = fx.ids[route.path.slice(0, match.index - 1)];
      if (id) values[name] = id;
      else if (first && route.access !== 'public') return null;
      else values[name] = randomUUID();
      first = false;
    }
  }
  return values;
}

/** encodeURIComponent, for any string (a lone surrogate is sent as U+FFFD). */
export const encode = (text: string) => encodeURIComponent(text.toWellFormed());

export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/:([A-Za-z_]+)/g, (_, name: string) => encode(values[name]!));
}

/**
 * Row counts of every table that carries `organization_id`, for one organization, in one
 * round trip (tables added later are counted too).
 */
export async function organizationRowCounts(organizationId: string) {
  const db = await getDb();
  const tables = (await db.execute(sql`
    select table_name from information_schema.columns
    where column_name = 'organization_id' and table_schema = current_schema()
    order by table_name`)) as unknown as
    { table_name: string }[] | { rows: { table_name: string }[] };
  const names = (Array.isArray(tables) ? tables : tables.rows).map((t) => t.table_name);
  const union = names
    .map(
      (name) =>
        `select '${name}' as t, count(*)::int as n from "${name}" where organization_id = '${organizationId}'`,
    )
    .join(' union all ');
  const result = (await db.execute(sql.raw(union))) as unknown as
    { t: string; n: number }[] | { rows: { t: string; n: number }[] };
  const rows = Array.isArray(result) ? result : result.rows;
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}
