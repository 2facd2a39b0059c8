import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { closeDb, databaseKind, dataDir, getDb } from '@/db/client';
import { apiKeys } from '@/db/schema';
import { DEMO_ADMIN, DEMO_BOOKING_SLUG, findDemoOrganization, seedDemo } from '@/db/seed';
import { hashToken } from '@/lib/auth/api-key-token';
import { insertApiKey } from '@/lib/auth/api-keys';

/**
 * What `npm run dev` / `npm start` do before Next starts: make sure the data directory and an
 * auth secret exist, apply migrations, and (dev) seed the demo organization once and print
 * how to sign in and a working API key. The database is closed again before Next opens it,
 * because the embedded database allows one process at a time.
 */
export function ensureAuthSecret(): void {
  if (process.env.BETTER_AUTH_SECRET) return;
  const dir = dataDir();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'auth-secret');
  if (!fs.existsSync(file))
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  process.env.BETTER_AUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
}

interface DemoCredentials {
  organization_id: string;
  api_key: string;
}

/** The demo key is kept in the data directory (it is a demo) and re-minted if it was revoked. */
async function ensureDemoKey(organizationId: string): Promise<string> {
  const db = await getDb();
  const file = path.join(dataDir(), 'demo-credentials.json');
  if (fs.existsSync(file)) {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoCredentials;
    if (saved.organization_id === organizationId) {
      const [live] = await db
        .select({ id: apiKeys.id })
        .from(apiKeys)
        .where(and(eq(apiKeys.key_hash, hashToken(saved.api_key)), isNull(apiKeys.revoked_at)));
      if (live) return saved.api_key;
    }
  }
  const created = await insertApiKey(db, organizationId, 'Demo key (npm run dev)');
  const credentials: DemoCredentials = { organization_id: organizationId, api_key: created.key };
  fs.writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return created.key;
}

export async function prepare({ seed }: { seed: boolean }) {
  ensureAuthSecret();
  fs.mkdirSync(dataDir(), { recursive: true });
  const db = await getDb();
  let banner: string | null = null;
  if (seed) {
    let org = await findDemoOrganization(db);
    const seeded = !org;
    if (!org) org = await seedDemo(db);
    const key = await ensureDemoKey(org.id);
    const port = process.env.PORT ?? '3000';
    banner = [
      '',
      `  Reservations — ${seeded ? 'seeded the demo organization' : 'demo organization ready'} (${org.name}, ${databaseKind() === 'pglite' ? `embedded database in ${dataDir()}` : 'PostgreSQL'})`,
      `  Open        http://localhost:${port}`,
      `  Sign in     ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`,
      `  Book online http://localhost:${port}/book/${DEMO_BOOKING_SLUG}`,
      `  API docs    http://localhost:${port}/docs`,
      `  API key     ${key}`,
      `  Try it      curl -H "Authorization: Bearer ${key}" http://localhost:${port}/api/organizations/me`,
      '',
    ].join('\n');
  }
  await closeDb();
  return banner;
}
