import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { closeDb, getDb } from '@/db/client';
import { apiRouter } from '@/lib/api/routes';
import { openNodePostgres } from './node-postgres';
import { seedBenchOrg, seedUnitsOrg, type BenchOrg } from './seed-bench';

/**
 * npm run bench — the booking engine's budgets (issue: 1-day slots p95 ≤ 15 ms, 31-day ≤ 80 ms,
 * create ≤ 25 ms on PostgreSQL), measured through the real /api router, at 10,000 and 100,000
 * reservations side by side, on PostgreSQL and on the embedded database.
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/reservations_bench, recreated)
 * BENCH_ENGINES=postgres,pglite   BENCH_SIZES=10000,100000   BENCH_ITERATIONS=100
 * (`postgres-pg` is PostgreSQL through node-postgres instead of postgres.js: bench/node-postgres.ts)
 *
 * Plus one row of its own (issue 23, bounded work per request; budget p95 ≤ 150 ms): 62-day
 * available days on a resource of 10,000 identical units holding 5,000 bookings.
 */
process.env.LOG_LEVEL = 'silent';
process.env.BETTER_AUTH_SECRET ??= 'bench-secret-bench-secret-bench-secret';
const ITER = Number(process.env.BENCH_ITERATIONS ?? 100);
// BENCH_SIZES=none measures only the 10,000-unit row.
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000')
  .split(',')
  .filter((s) => s !== 'none')
  .map(Number);
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',');
const DAY = 86_400_000;

async function call(key: string, method: string, path: string, body?: unknown) {
  const res = await apiRouter.dispatch(
    new Request(`http://bench/api${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const json = await res.json();
  return { status: res.status, body: json };
}

function quantile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Times `fn`; when it returns a number, that is the time of the part that counts. */
async function measure(name: string, n: number, fn: (i: number) => Promise<number | void>) {
  for (let i = 0; i < 15; i++) await fn(-1 - i); // warm-up: JIT and plan caches
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const own = await fn(i);
    times.push(typeof own === 'number' ? own : performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { name, p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function benchOrg(org: BenchOrg, now: Date) {
  const results = [];
  // A working day (Monday–Saturday) 1–6 weeks ahead (31-day windows stay within the
  // 90 days of future bookings every bench organization has).
  const day = (i: number) => {
    const ms = now.getTime() + (7 + (Math.abs(i) % 34)) * DAY;
    return isoDay(new Date(ms).getUTCDay() === 0 ? ms + DAY : ms);
  };
  const service = (i: number) => org.serviceIds[Math.abs(i) % org.serviceIds.length]!;
  results.push(
    await measure('slots, 1 day', ITER, async (i) => {
      const r = await call(
        org.apiKey,
        'GET',
        `/reservation-available-slots?service_id=${service(i)}&date=${day(i)}`,
      );
      if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    }),
  );
  results.push(
    await measure('slots, 31 days', Math.ceil(ITER / 2), async (i) => {
      const from = day(i);
      const to = isoDay(Date.parse(from) + 30 * DAY);
      const r = await call(
        org.apiKey,
        'GET',
        `/reservation-available-slots?service_id=${service(i)}&date=${from}&end_date=${to}`,
      );
      if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    }),
  );
  results.push(
    await measure('days, 62 days', Math.ceil(ITER / 2), async (i) => {
      // Starts 1–3 weeks ahead, so the 62 days stay within the 90 days of future bookings.
      const from = isoDay(now.getTime() + (7 + (Math.abs(i) % 20)) * DAY);
      const to = isoDay(Date.parse(from) + 62 * DAY);
      const r = await call(
        org.apiKey,
        'GET',
        `/reservation-available-days?service_id=${service(i)}&date=${from}&end_date=${to}`,
      );
      if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    }),
  );
  const created: string[] = [];
  results.push(
    await measure('create', ITER, async (i) => {
      const svc = service(i);
      const slots = await call(
        org.apiKey,
        'GET',
        `/reservation-available-slots?service_id=${svc}&date=${day(i * 3 + 1)}`,
      );
      const slot = slots.body.slots[Math.abs(i * 7) % slots.body.slots.length];
      const t = performance.now();
      const r = await call(org.apiKey, 'POST', '/reservations', {
        service_id: svc,
        start_datetime: slot.start_datetime,
        contact: { name: 'Bench', email: 'bench@bench.test' },
      });
      if (r.status !== 201) throw new Error(JSON.stringify(r.body));
      created.push(r.body.id);
      return performance.now() - t; // the slot lookup before it does not count
    }),
  );
  results.push(
    await measure('reschedule', Math.min(ITER, created.length), async (i) => {
      const id = created[Math.abs(i) % created.length]!;
      const current = await call(org.apiKey, 'GET', `/reservations/${id}`);
      const start = Date.parse(current.body.start_datetime);
      const svc = current.body.service_id;
      const slots = await call(
        org.apiKey,
        'GET',
        `/reservation-available-slots?service_id=${svc}&date=${isoDay(new Date(start + DAY).getUTCDay() === 0 ? start + 2 * DAY : start + DAY)}`,
      );
      if (!slots.body.slots.length) return 0;
      const target = slots.body.slots[Math.abs(i * 5) % slots.body.slots.length];
      const t = performance.now();
      const r = await call(org.apiKey, 'PATCH', `/reservations/${id}`, {
        start_datetime: target.start_datetime,
      });
      if (r.status !== 200) throw new Error(JSON.stringify(r.body));
      return performance.now() - t;
    }),
  );
  results.push(
    await measure('list by date', ITER, async (i) => {
      const r = await call(org.apiKey, 'GET', `/reservations?date=${day(i)}&$limit=50`);
      if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    }),
  );
  return results;
}

/** 62-day days on the 10,000-unit resource: the engine's cost must not follow the quantity. */
async function benchUnits(org: BenchOrg, now: Date) {
  return measure('days, 62 d, 10k units', Math.ceil(ITER / 2), async (i) => {
    const from = isoDay(now.getTime() + (1 + (Math.abs(i) % 7)) * DAY);
    const to = isoDay(Date.parse(from) + 62 * DAY);
    const r = await call(
      org.apiKey,
      'GET',
      `/reservation-available-days?service_id=${org.serviceIds[0]}&date=${from}&end_date=${to}`,
    );
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  });
}

async function runEngine(engine: string) {
  if (engine === 'postgres' || engine === 'postgres-pg') {
    const url =
      process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/reservations_bench';
    const name = new URL(url).pathname.slice(1);
    const admin = url.replace(/\/[^/]*$/, '/postgres');
    execSync(
      `psql "${admin}" -qc 'drop database if exists "${name}" with (force)' -c 'create database "${name}"'`,
      { stdio: 'inherit' },
    );
    process.env.DATABASE_URL = url;
    if (engine === 'postgres-pg') await openNodePostgres(url);
  } else {
    delete process.env.DATABASE_URL;
    process.env.DATA_DIR = 'memory://';
  }
  const db = await getDb();
  const now = new Date();
  const table: Record<string, Record<number, { p50: number; p95: number }>> = {};
  const orgs: [number, BenchOrg][] = [];
  for (const size of SIZES) {
    const t = performance.now();
    // Same density at every size: 100,000 reservations span two years, 10,000 span 73 days.
    orgs.push([size, await seedBenchOrg(db, size, now, Math.round((730 * size) / 100_000))]);
    process.stderr.write(
      `[${engine}] seeded ${size} reservations in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
    );
  }
  const unitsOrg = await seedUnitsOrg(db, Math.floor(now.getTime() / DAY) * DAY + DAY);
  await db.execute(sql`analyze`);
  // Two rounds over all sizes; the second is reported, so no size pays for a cold process.
  for (const round of [1, 2]) {
    for (const [size, org] of orgs) {
      const results = await benchOrg(org, now);
      if (round === 2) for (const r of results) (table[r.name] ??= {})[size] = r;
    }
  }
  await benchUnits(unitsOrg, now); // first round: warm-up
  const units = await benchUnits(unitsOrg, now);
  await closeDb();
  return { table, units };
}

const ENGINE_NAMES: Record<string, string> = {
  postgres: 'PostgreSQL',
  'postgres-pg': 'PostgreSQL through node-postgres (pg), for comparison',
  pglite: 'PGlite (embedded)',
};
const fmt = (n: number) => n.toFixed(1).padStart(7);
const lines: string[] = [];
for (const engine of ENGINES) {
  const { table, units } = await runEngine(engine);
  lines.push(`\n${ENGINE_NAMES[engine] ?? engine} — ms, p50 / p95, through the /api router`);
  lines.push(
    `${'operation'.padEnd(16)}${SIZES.map((s) => `${String(s).padStart(9)} res.: p50     p95`).join('   ')}`,
  );
  for (const [name, bySize] of Object.entries(table)) {
    lines.push(
      `${name.padEnd(16)}${SIZES.map((s) => `${' '.repeat(15)}${fmt(bySize[s]!.p50)} ${fmt(bySize[s]!.p95)}`).join('   ')}`,
    );
  }
  lines.push(
    `days, 62 days, 10,000 units, 5,000 bookings: p50 ${fmt(units.p50)}  p95 ${fmt(units.p95)}  (budget p95 ≤ 150)`,
  );
}
const report = lines.join('\n');
process.stdout.write(report + '\n');
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync(`bench/results/latest.txt`, `${new Date().toISOString()}\n${report}\n`);
