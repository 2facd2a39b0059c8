import fs from 'node:fs';
import path from 'node:path';
import * as schema from './schema';
import { alwaysPrepare } from './always-prepare';
import { applyMigrations } from './migrate';
import { lockDataDir } from './pglite-lock';
import { postgresOptions } from './postgres-options';
import type { Db } from './types';

/**
 * The one database handle of this process, opened lazily on first use (never at import,
 * so `next build` never touches a database) and kept on globalThis because Next may load
 * this module once per route bundle.
 *
 * - DATABASE_URL set → PostgreSQL through postgres.js.
 * - otherwise → embedded PGlite under DATA_DIR (default ./.data; `memory://` for tests).
 */
interface DbState {
  db: Promise<Db>;
  close: () => Promise<void>;
}

const globalKey = Symbol.for('reservations.db');
type GlobalWithDb = typeof globalThis & { [globalKey]?: DbState };

export function databaseKind(): 'postgres' | 'pglite' {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
}

export function dataDir(): string {
  return process.env.DATA_DIR || path.join(process.cwd(), '.data');
}

async function openPostgres(url: string): Promise<{ db: Db; close: () => Promise<void> }> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = alwaysPrepare(postgres(url, postgresOptions()));
  return { db: drizzle({ client, schema }) as unknown as Db, close: () => client.end() };
}

async function openPglite(dir: string): Promise<{ db: Db; close: () => Promise<void> }> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { drizzle } = await import('drizzle-orm/pglite');
  const inMemory = dir.startsWith('memory://');
  const pgDir = inMemory ? dir : path.join(dir, 'pglite');
  let unlock = () => {};
  if (!inMemory) {
    fs.mkdirSync(pgDir, { recursive: true });
    unlock = lockDataDir(dir);
  }
  // Tests start many in-memory databases: they load a migrated template instead of running
  // initdb and every migration each time (see tests/global-setup.ts).
  const template = inMemory ? process.env.PGLITE_TEMPLATE : undefined;
  const loadDataDir = template ? new Blob([fs.readFileSync(template)]) : undefined;
  const client = await PGlite.create(pgDir, { extensions: { btree_gist }, loadDataDir });
  return {
    db: drizzle({ client, schema }) as unknown as Db,
    close: async () => {
      await client.close();
      unlock();
    },
  };
}

export function getDb(): Promise<Db> {
  const g = globalThis as GlobalWithDb;
  if (!g[globalKey]) {
    let closer: () => Promise<void> = async () => {};
    const db = (async () => {
      const url = process.env.DATABASE_URL;
      const opened = url ? await openPostgres(url) : await openPglite(dataDir());
      closer = opened.close;
      await applyMigrations(opened.db);
      return opened.db;
    })();
    // A failed open (e.g. PostgreSQL down at start) must not poison the process for ever.
    db.catch(() => {
      if (g[globalKey]?.db === db) delete g[globalKey];
    });
    g[globalKey] = { db, close: () => closer() };
  }
  return g[globalKey]!.db;
}

/**
 * Makes `db` this process's handle (closing the one open, if any): for the bench, which
 * measures the same code on another driver (bench/node-postgres.ts).
 */
export async function installDb(db: Db, close: () => Promise<void>): Promise<void> {
  await closeDb();
  (globalThis as GlobalWithDb)[globalKey] = { db: Promise.resolve(db), close };
}

export async function closeDb(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const state = g[globalKey];
  if (!state) return;
  delete g[globalKey];
  await state.db.catch(() => undefined);
  await state.close();
}

export type { Db };
