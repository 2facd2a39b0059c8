import { and, eq, isNull } from 'drizzle-orm';
import { apiKeys, organizations, users } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Organization } from '@/db/schema';
import type { Actor } from '@/lib/http/context';
import { hashToken } from './api-key-token';
import { getAuth } from './better-auth';

export interface Caller {
  organization: Organization;
  actor: Actor;
  via: 'bearer' | 'cookie';
}

/**
 * Resolves the caller from `Authorization: Bearer <key>` or the session cookie.
 * A Bearer header that is present but wrong is a 401 even if a cookie is also sent:
 * a client that means to use a key must not silently act as someone else.
 */
export async function resolveCaller(db: Db, req: Request): Promise<Caller | null> {
  const authorization = req.headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match ? callerFromApiKey(db, match[1]!) : null;
  }
  return callerFromSession(db, req);
}

async function callerFromApiKey(db: Db, token: string): Promise<Caller | null> {
  const [row] = await db
    .select({ key: apiKeys, organization: organizations })
    .from(apiKeys)
    .innerJoin(organizations, eq(organizations.id, apiKeys.organization_id))
    .where(and(eq(apiKeys.key_hash, hashToken(token)), isNull(apiKeys.revoked_at)))
    .limit(1);
  if (!row) return null;
  touchLastUsed(db, row.key.id, row.key.last_used_at);
  return {
    organization: row.organization,
    actor: { kind: 'api_key', role: 'admin', id: row.key.id },
    via: 'bearer',
  };
}

/** Records when a key was last used, at most once an hour and off the request's path. */
function touchLastUsed(db: Db, id: string, lastUsed: Date | null) {
  const now = Date.now();
  if (lastUsed && now - lastUsed.getTime() < 3_600_000) return;
  void db
    .update(apiKeys)
    .set({ last_used_at: new Date(now) })
    .where(eq(apiKeys.id, id))
    .catch(() => undefined);
}

async function callerFromSession(db: Db, req: Request): Promise<Caller | null> {
  if (!req.headers.get('cookie')) return null;
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: req.headers });
  if (!session) return null;
  const [row] = await db
    .select({ user: users, organization: organizations })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, session.user.id))
    .limit(1);
  if (!row) return null;
  return {
    organization: row.organization,
    actor: { kind: 'staff', role: row.user.role as Actor['role'], id: row.user.id },
    via: 'cookie',
  };
}
