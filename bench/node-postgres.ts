import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { installDb } from '@/db/client';
import { applyMigrations } from '@/db/migrate';
import { postgresOptions, postgresTimeouts } from '@/db/postgres-options';
import * as schema from '@/db/schema';
import type { Db } from '@/db/types';

/**
 * BENCH_DRIVERS=pg: the same app code on node-postgres (`pg`) instead of postgres.js, with
 * the same pool size and per-connection timeouts, for the driver decision (docs/decisions.md,
 * "When the database goes away"). Not a product setting.
 */
export async function openNodePostgres(url: string): Promise<void> {
  const t = postgresTimeouts();
  const pool = new pg.Pool({
    connectionString: url,
    max: postgresOptions().max,
    connectionTimeoutMillis: t.connectTimeoutSeconds * 1000,
    statement_timeout: t.statementTimeoutMs,
    lock_timeout: t.lockTimeoutMs,
    idle_in_transaction_session_timeout: t.idleInTransactionTimeoutMs,
    application_name: 'reservations-bench',
  });
  // An idle client whose connection dies emits 'error' on the pool: unhandled, it kills the process.
  pool.on('error', () => {});
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  await applyMigrations(db);
  await installDb(db, () => pool.end());
}
