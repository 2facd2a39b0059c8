import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from '@/db/schema';
import { applyMigrations } from '@/db/migrate';
import type { Db } from '@/db/types';
import { createOrganization } from '@/lib/organizations/create-organization';
import type { ApiResponse, TestOrg } from '../helpers/api';
import { makeService } from '../helpers/catalog';
import { everyDay } from '../helpers/reservations';
import { expectNothingHalfWritten } from './consistency';
import { httpClient, startApiProcess, type ApiProcess } from '../helpers/processes';
import {
  postgresBinDir,
  startThrowawayPostgres,
  type ThrowawayPostgres,
  type ThrowawayStandby,
} from '../helpers/throwaway-postgres';

/**
 * Failover (issue 16 §5): the app's DATABASE_URL lists a primary and its standby. Under load
 * the primary is cut (`pg_ctl stop -m immediate`, a power cut) and the standby promoted, as a
 * failover manager would. The app process finds the promoted standby by itself, answers 503
 * with the envelope (never 500) while it switches, and loses nothing it acknowledged: the
 * standby replicates synchronously, so every booking answered 201 is on it. Runs in the
 * default (embedded) `npm test`; it needs the machine's PostgreSQL binaries.
 */
const canRun = !process.env.DATABASE_URL && !!postgresBinDir();

/** How long a failover manager takes to decide the primary is gone, in this test. */
const DETECTION_MS = 500;
/** Bookings must succeed again this soon after the promotion returned. */
const RECOVERY_BOUND_MS = 5000;

interface Answer {
  response: ApiResponse | null;
  /** Set when the request itself failed (the app closed the connection, or is gone). */
  failure?: string;
  sentAt: number;
  receivedAt: number;
}

describe.skipIf(!canRun)('failover to a promoted standby', () => {
  let pg: ThrowawayPostgres;
  let standby: ThrowawayStandby;
  let key: string;
  let serviceId: string;
  let app: ApiProcess;
  let day = 0;

  const api = () => httpClient(app.url, key);

  /** Booking bodies spread over distinct free slots, each with a new inline contact. */
  const booking = (i: number) => {
    const date = new Date(Date.now() + (30 + day) * 86_400_000).toISOString().slice(0, 10);
    const hour = String(8 + (i % 10)).padStart(2, '0');
    if (i % 10 === 9) day++;
    return {
      service_id: serviceId,
      start_datetime: `${date}T${hour}:00:00Z`,
      contact: { name: `Failover ${i}`, email: `failover-${i}-${Date.now()}@example.test` },
    };
  };

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    const setup = postgres(pg.url, { max: 2, onnotice: () => {} });
    const db = drizzle({ client: setup, schema }) as unknown as Db;
    await applyMigrations(db);
    const { apiKey } = await createOrganization(db, {
      name: 'Failover',
      timezone: 'UTC',
      with_api_key: true,
    });
    key = apiKey!.key;
    await setup.end();
    standby = await pg.startStandby();
    // `primary`, not `read-write`: postgres.js 3.4.9 judges read-write by
    // default_transaction_read_only alone, which is off on a hot standby (see the README).
    app = await startApiProcess({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${pg.port},127.0.0.1:${standby.port}/postgres?target_session_attrs=primary`,
      DATABASE_POOL_SIZE: '4',
    });
    const fixture = await makeService({ api: api() } as TestOrg, {
      service: { name: 'Cut', duration_minutes: 60 },
      resources: [{ name: 'Chair', quantity: 50 }],
      hours: everyDay('08:00', '20:00'),
    });
    serviceId = fixture.serviceId;
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    pg?.destroy();
  });

  it('finds the promoted standby by itself and loses no acknowledged booking', async () => {
    expect((await api().get('/health')).status).toBe(200);

    const answers: Answer[] = [];
    let i = 0;
    let loadUntil = Infinity;
    const worker = async () => {
      while (performance.now() < loadUntil) {
        const sentAt = performance.now();
        const response = await api()
          .post('/reservations', booking(i++))
          .catch((e: Error) => ({ failure: String(e.cause ?? e) }));
        const receivedAt = performance.now();
        answers.push(
          'failure' in response
            ? { response: null, failure: response.failure, sentAt, receivedAt }
            : { response, sentAt, receivedAt },
        );
      }
    };
    const load = Promise.all([worker(), worker(), worker()]);
    const created = (from: number, to = Infinity) =>
      answers.filter(
        (a) => a.response?.status === 201 && a.receivedAt >= from && a.receivedAt < to,
      );

    let stoppedAt: number, promoteStartedAt: number, promotedAt: number;
    try {
      await waitFor(() => created(0).length >= 15, 20_000);
      stoppedAt = performance.now();
      pg.stop('immediate');
      await new Promise((r) => setTimeout(r, DETECTION_MS));
      promoteStartedAt = performance.now();
      await standby.promote();
      promotedAt = performance.now();
      await waitFor(() => created(promotedAt).length > 0, 30_000);
    } finally {
      // Keep booking a little longer on the new primary, then let the workers finish.
      loadUntil = performance.now() + 1500;
      await load;
    }
    const firstAfter = Math.min(...created(promotedAt).map((a) => a.receivedAt));

    const recoveryMs = Math.round(firstAfter - promotedAt);
    const before = created(0, stoppedAt).length;
    const during = created(stoppedAt, promotedAt).length;
    const after = created(promotedAt).length;
    const refused = answers.filter((a) => a.response?.status === 503);
    console.log(
      `failover: promote took ${Math.round(promotedAt - promoteStartedAt)} ms; first 201 ` +
        `${recoveryMs} ms after it returned, ${Math.round(firstAfter - stoppedAt)} ms after ` +
        `the primary was cut; 201s before/during/after: ${before}/${during}/${after}; ` +
        `503s: ${refused.length}`,
    );

    // The app process stayed up, and nothing escaped as an uncaught error.
    expect(app.crashed()).toBe(false);
    expect(app.output()).not.toMatch(/uncaught|unhandled|Cannot read properties/i);
    expect(answers.filter((a) => a.failure).map((a) => a.failure)).toEqual([]);

    // Every answer is a booking or a 503 with the envelope (never a 500, never a stack).
    expect(
      answers.filter((a) => a.response!.status !== 201 && a.response!.status !== 503),
      'answers that are neither 201 nor 503',
    ).toEqual([]);
    for (const a of refused) {
      expect(a.response!.body).toEqual({
        error: { code: 'service_unavailable', message: expect.any(String) },
      });
      expect(JSON.stringify(a.response!.body)).not.toMatch(/\n\s+at\s|node_modules/);
    }

    // Bookings work again within a few seconds of the promotion.
    expect(before).toBeGreaterThan(0);
    expect(after).toBeGreaterThan(0);
    expect(recoveryMs).toBeLessThan(RECOVERY_BOUND_MS);

    // The old primary is down; the new one is out of recovery and holds every booking the
    // app acknowledged, before, during and after the switch, each whole.
    const old = postgres(pg.url, { max: 1, connect_timeout: 2 });
    await expect(old`select 1`).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await old.end();
    const sql = postgres(standby.url, { max: 1, onnotice: () => {} });
    try {
      const [{ in_recovery }] = await sql`select pg_is_in_recovery() as in_recovery`;
      expect(in_recovery).toBe(false);
      const ids = created(0).map((a) => a.response!.body.id as string);
      const rows = await sql<{ id: string; allocations: number; contact: boolean }[]>`
        select r.id,
          (select count(*) from reservation_allocations a where a.reservation_id = r.id)::int
            as allocations,
          exists (select 1 from contacts c where c.id = r.contact_id) as contact
        from reservations r where r.id = any(${ids}::uuid[])`;
      expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
      expect(rows.filter((r) => r.allocations !== 1 || !r.contact)).toEqual([]);

      // Nothing half-written either, including the bookings whose answer was a 503.
      await expectNothingHalfWritten(sql, 'Failover ');

      // A new booking through the app lands on the new primary.
      const fresh = await api().post('/reservations', booking(i++));
      expect(fresh.status).toBe(201);
      const landed = await sql`select 1 from reservations where id = ${fresh.body.id}`;
      expect(landed).toHaveLength(1);
    } finally {
      await sql.end();
    }
  }, 120_000);
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > until) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
