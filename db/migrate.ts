import path from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Db } from './types';

/**
 * Applies the committed drizzle-kit migrations (db/migrations) that the database lacks.
 *
 * Drizzle's own migrator does the same but without a lock, and several app processes may
 * start at once against one PostgreSQL: here one transaction takes an advisory lock first, so
 * the others wait and then find nothing left to do. The bookkeeping table is drizzle's own
 * (`drizzle.__drizzle_migrations`), so drizzle-kit keeps understanding the database.
 */
const MIGRATIONS_LOCK_ID = 7_231_004_211;

export function migrationsFolder(): string {
  return process.env.MIGRATIONS_DIR ?? path.join(process.cwd(), 'db', 'migrations');
}

export async function applyMigrations(db: Db): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: migrationsFolder() });
  return db.transaction(async (tx) => {
    // A migration may rewrite a big table, and a process starting beside another waits here
    // for it: the per-connection timeouts (db/postgres-options.ts) are for requests, not this.
    await tx.execute(sql`set local statement_timeout = 0`);
    await tx.execute(sql`set local lock_timeout = 0`);
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATIONS_LOCK_ID})`);
    await tx.execute(sql`create schema if not exists drizzle`);
    await tx.execute(sql`
      create table if not exists drizzle.__drizzle_migrations (
        id serial primary key, hash text not null, created_at bigint
      )`);
    const last = await tx.execute(
      sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    const lastApplied = Number(
      rowsOf<{ created_at: string | number | null }>(last)[0]?.created_at ?? 0,
    );
    let applied = 0;
    for (const migration of migrations) {
      if (migration.folderMillis <= lastApplied) continue;
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
      applied += 1;
    }
    return applied;
  });
}

/** `db.execute` returns an array on postgres.js and `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
