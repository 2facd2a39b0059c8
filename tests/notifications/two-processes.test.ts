import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '@/db/migrate';
import * as schema from '@/db/schema';
import type { Db } from '@/db/types';
import { createOrganization } from '@/lib/organizations/create-organization';
import { futureDate, makeService } from '../helpers/catalog';
import type { ApiResponse, TestOrg } from '../helpers/api';
import { startApiProcess } from '../helpers/processes';
import { everyDay } from '../helpers/reservations';
import { waitFor } from '../webhooks/helpers';
import { startSmtp, type TestSmtp } from './helpers';

/**
 * §19 "at most once per message across processes": two api-server processes, each running
 * the dispatcher loop (WEBHOOKS_DISPATCHER=1) with SMTP_URL pointing at one test SMTP server,
 * share a PostgreSQL database of the test's own. Every confirmation, and every reminder once
 * its time comes (moved to now in the database — the processes run on the real clock),
 * reaches the server exactly once. PostgreSQL only.
 */
const onPostgres = !!process.env.DATABASE_URL;
const BOOKINGS = 24;

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function httpApi(base: string, key: string): TestOrg['api'] {
  const send = async (method: string, path: string, body?: unknown): Promise<ApiResponse> => {
    const res = await fetch(`${base}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
  return {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
    patch: (path, body) => send('PATCH', path, body),
    delete: (path) => send('DELETE', path),
  } as TestOrg['api'];
}

describe.skipIf(!onPostgres)('email dispatchers in two app processes', () => {
  const name = `notes_2p_${randomUUID().slice(0, 8)}`;
  let admin: ReturnType<typeof postgres>;
  let client: ReturnType<typeof postgres>;
  let db: Db;
  let servers: Awaited<ReturnType<typeof startApiProcess>>[] = [];
  let smtp: TestSmtp;
  let key: string;

  beforeAll(async () => {
    admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = withDatabase(process.env.DATABASE_URL!, name);
    client = postgres(url, { max: 2, onnotice: () => {} });
    db = drizzle({ client, schema }) as unknown as Db;
    await applyMigrations(db);
    const { apiKey } = await createOrganization(db, {
      name: 'Two processes',
      timezone: 'Europe/Paris',
      with_api_key: true,
    });
    key = apiKey!.key;
    smtp = await startSmtp();
    // A slow server keeps sends in flight while the other process polls.
    smtp.delay(30);
    const env = {
      DATABASE_URL: url,
      WEBHOOKS_DISPATCHER: '1',
      WEBHOOKS_DISPATCH_INTERVAL_MS: '20',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Bookings <bookings@two.test>',
    };
    servers = await Promise.all([startApiProcess(env), startApiProcess(env)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await smtp?.close();
    await client?.end();
    await admin?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
  });

  it('send each confirmation and each reminder exactly once', async () => {
    const apis = servers.map((s) => httpApi(s.url, key));
    const org = { api: apis[0]! } as TestOrg;
    const { serviceId } = await makeService(org, {
      resources: [{ quantity: BOOKINGS }],
      hours: everyDay('00:00', '24:00'),
    });
    const start = `${futureDate(10)}T09:00:00.000Z`;
    const created = await Promise.all(
      Array.from({ length: BOOKINGS }, (_, i) =>
        apis[i % 2]!.post('/reservations', {
          service_id: serviceId,
          start_datetime: start,
          contact: { name: `Guest ${i}`, email: `guest${i}@two.test` },
        }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(Array(BOOKINGS).fill(201));

    const subjects = (prefix: string) =>
      smtp.received.filter((r) => r.mail.subject?.startsWith(prefix));
    await waitFor(
      () => subjects('Booking confirmed').length >= BOOKINGS,
      30_000,
      `${BOOKINGS} confirmations`,
    );
    // The reminders' time comes.
    await db.execute(
      sql`update notification_messages set send_after = now(), next_attempt_at = now()
                 where kind = 'reminder' and status = 'pending'`,
    );
    await waitFor(() => subjects('Reminder').length >= BOOKINGS, 30_000, `${BOOKINGS} reminders`);
    // Give a duplicate every chance to show up.
    await new Promise((r) => setTimeout(r, 1_500));

    for (const prefix of ['Booking confirmed', 'Reminder']) {
      const got = subjects(prefix);
      expect(got).toHaveLength(BOOKINGS);
      expect(new Set(got.map((r) => r.envelope.to[0])).size).toBe(BOOKINGS);
      expect(new Set(got.map((r) => r.mail.messageId)).size).toBe(BOOKINGS);
    }
    expect(smtp.received).toHaveLength(2 * BOOKINGS);
    const rows = await db.select().from(schema.notificationMessages);
    expect(rows).toHaveLength(2 * BOOKINGS);
    expect(rows.every((m) => m.status === 'sent' && m.attempt_count === 1)).toBe(true);
    expect(smtp.received[0]!.mail.from?.value[0]).toEqual({
      name: 'Bookings',
      address: 'bookings@two.test',
    });
  }, 120_000);
});
