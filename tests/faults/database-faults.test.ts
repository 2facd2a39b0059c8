import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from '@/db/schema';
import { applyMigrations } from '@/db/migrate';
import type { Db } from '@/db/types';
import { createOrganization } from '@/lib/organizations/create-organization';
import type { ApiResponse } from '../helpers/api';
import { httpClient, startApiProcess } from '../helpers/processes';
import {
  postgresBinDir,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../helpers/throwaway-postgres';

/**
 * Faults (issue "hardening" §5): a PostgreSQL of the test's own is stopped and restarted
 * under load, and an app process is killed in the middle of bookings. The app answers 503
 * with the envelope while the database is away, recovers by itself, and no reservation is
 * ever half-written. Runs in the default (embedded) `npm test`; it needs the machine's
 * PostgreSQL binaries, not the shared server.
 */
const canRun = !process.env.DATABASE_URL && !!postgresBinDir();

describe.skipIf(!canRun)('database faults', () => {
  let pg: ThrowawayPostgres;
  let sql: postgres.Sql;
  let key: string;
  let serviceId: string;
  let app: Awaited<ReturnType<typeof startApiProcess>>;
  let day = 0;

  /** The app process's API; `app` is replaced when the second test restarts it. */
  const api = () => httpClient(app.url, key);

  /** Booking bodies spread over distinct free slots, each with a new inline contact. */
  const booking = (i: number) => {
    const date = new Date(Date.now() + (30 + day) * 86_400_000).toISOString().slice(0, 10);
    const hour = String(8 + (i % 10)).padStart(2, '0');
    if (i % 10 === 9) day++;
    return {
      service_id: serviceId,
      start_datetime: `${date}T${hour}:00:00Z`,
      contact: { name: `Fault ${i}`, email: `fault-${i}-${Date.now()}@example.test` },
    };
  };

  /** Every reservation is whole: its allocation and its contact exist; nothing else is left. */
  async function expectConsistent() {
    const [orphans] = await sql`
      select
        (select count(*) from reservations r
          where r.status in ('pending', 'confirmed')
            and not exists (select 1 from reservation_allocations a where a.reservation_id = r.id)
        )::int as without_allocation,
        (select count(*) from reservation_allocations a
          where a.reservation_id is not null
            and not exists (select 1 from reservations r where r.id = a.reservation_id)
        )::int as dangling_allocations,
        (select count(*) from contacts c
          where c.name like 'Fault %'
            and not exists (select 1 from reservations r where r.contact_id = c.id)
        )::int as contacts_without_booking,
        (select count(*) from reservation_status_changes h
          where not exists (select 1 from reservations r where r.id = h.reservation_id)
        )::int as history_without_booking`;
    expect(orphans).toEqual({
      without_allocation: 0,
      dangling_allocations: 0,
      contacts_without_booking: 0,
      history_without_booking: 0,
    });
  }

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    sql = postgres(pg.url, { max: 2, onnotice: () => {} });
    const db = drizzle({ client: sql, schema }) as unknown as Db;
    await applyMigrations(db);
    const { apiKey } = await createOrganization(db, {
      name: 'Faults',
      timezone: 'UTC',
      with_api_key: true,
    });
    key = apiKey!.key;
    app = await startApiProcess({ DATABASE_URL: pg.url, DATABASE_POOL_SIZE: '4' });
    const service = await api().post('/reservation-services', {
      name: 'Cut',
      duration_minutes: 60,
    });
    serviceId = service.body.id;
    const resource = await api().post('/reservation-resources', {
      name: 'Chair',
      quantity: 50,
    });
    await api().post('/reservation-service-resources', {
      service_id: serviceId,
      resource_id: resource.body.id,
    });
    for (let d = 0; d < 7; d++) {
      await api().post('/reservation-resource-availability', {
        resource_id: resource.body.id,
        day_of_week: d,
        start_time: '08:00',
        end_time: '20:00',
      });
    }
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await sql?.end({ timeout: 1 }).catch(() => undefined);
    pg?.destroy();
  });

  it('answers 503 with the envelope while PostgreSQL is down, then recovers by itself', async () => {
    expect((await api().get('/health')).status).toBe(200);
    const answers: ApiResponse[] = [];
    let i = 0;
    const load = (async () => {
      const until = Date.now() + 6000;
      while (Date.now() < until) {
        const batch = await Promise.all(
          [0, 1, 2].map(() => api().post('/reservations', booking(i++))),
        );
        answers.push(...batch);
      }
    })();
    await new Promise((r) => setTimeout(r, 1000));
    pg.stop();
    const down = await api().get('/health');
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('service_unavailable');
    const refused = await api().get('/reservations');
    expect(refused.status).toBe(503);
    expect(refused.body).toEqual({
      error: { code: 'service_unavailable', message: expect.any(String) },
    });
    await new Promise((r) => setTimeout(r, 1500));
    pg.start();
    await load;

    const statuses = answers.map((a) => a.status);
    expect(
      statuses.filter((s) => s !== 201 && s !== 503),
      JSON.stringify(answers.filter((a) => a.status >= 500 && a.status !== 503)),
    ).toEqual([]);
    expect(statuses).toContain(503);
    for (const a of answers.filter((x) => x.status === 503)) {
      expect(a.body.error.code).toBe('service_unavailable');
      expect(JSON.stringify(a.body)).not.toMatch(/\n\s+at\s|node_modules/);
    }

    // Recovery without a restart of the app: health and a booking succeed within seconds.
    let healthy = false;
    for (let t = 0; t < 30 && !healthy; t++) {
      healthy = (await api().get('/health')).status === 200;
      if (!healthy) await new Promise((r) => setTimeout(r, 500));
    }
    expect(healthy).toBe(true);
    expect((await api().post('/reservations', booking(i++))).status).toBe(201);
    await expectConsistent();
  }, 90_000);

  it('an app process killed in the middle of bookings leaves whole reservations or nothing', async () => {
    const inFlight = Array.from({ length: 24 }, (_, n) =>
      api()
        .post('/reservations', booking(1000 + n))
        .catch(() => null),
    );
    await new Promise((r) => setTimeout(r, 150));
    await app.kill();
    const settled = await Promise.all(inFlight);
    const confirmed = settled.filter((a) => a?.status === 201).map((a) => a!.body.id as string);

    app = await startApiProcess({ DATABASE_URL: pg.url, DATABASE_POOL_SIZE: '4' });
    await expectConsistent();
    // Every booking the client was told about exists, whole.
    for (const id of confirmed) {
      const got = await api().get(`/reservations/${id}`);
      expect(got.status).toBe(200);
      expect(got.body.resource_ids).toHaveLength(1);
    }
  }, 90_000);
});
