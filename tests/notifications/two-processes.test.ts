import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';
import type { Db } from '@/db/types';
import { futureDate, makeService } from '../helpers/catalog';
import type { TestOrg } from '../helpers/api';
import {
  httpClient,
  ownPostgresDatabase,
  startApiProcess,
  type OwnDatabase,
} from '../helpers/processes';
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

describe.skipIf(!onPostgres)('email dispatchers in two app processes', () => {
  let own: OwnDatabase;
  let db: Db;
  let servers: Awaited<ReturnType<typeof startApiProcess>>[] = [];
  let smtp: TestSmtp;
  let key: string;

  beforeAll(async () => {
    own = await ownPostgresDatabase('notes_2p', 'Europe/Paris');
    ({ db, key } = own);
    const url = own.url;
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
    await own?.drop();
  });

  it('send each confirmation and each reminder exactly once', async () => {
    const apis = servers.map((s) => httpClient(s.url, key));
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
