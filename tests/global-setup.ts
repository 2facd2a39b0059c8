import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs once before the test workers. On PGlite (no DATABASE_URL) it builds one migrated
 * in-memory database and saves it as a template that every worker loads (seconds saved per
 * file). On PostgreSQL the workers share the database and migrate it under a lock.
 */
export default async function setup() {
  process.env.LOG_LEVEL ??= 'silent';
  if (process.env.DATABASE_URL) return;
  const { PGlite } = await import('@electric-sql/pglite');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { applyMigrations } = await import('../db/migrate');
  const client = await PGlite.create('memory://', { extensions: { btree_gist } });
  await applyMigrations(drizzle({ client }) as never);
  const dump = await client.dumpDataDir('none');
  await client.close();
  const file = path.join(os.tmpdir(), `reservations-pglite-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.PGLITE_TEMPLATE = file;
  process.env.DATA_DIR = 'memory://';
  return () => fs.rmSync(file, { force: true });
}
