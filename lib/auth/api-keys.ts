import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { apiKeys, type ApiKey } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Ctx } from '@/lib/http/context';
import { notFound } from '@/lib/http/errors';
import { isUuid, parseListQuery } from '@/lib/http/query';
import { ApiKeyCreateSchema } from './schemas';
import { generateApiKey } from './api-key-token';

/** §1: API keys are created and revoked by admins, shown once, stored only as a hash. */

export { ApiKeyCreateSchema } from './schemas';

export const serializeApiKey = (k: ApiKey) => ({
  id: k.id,
  organization_id: k.organization_id,
  name: k.name,
  prefix: k.prefix,
  created_at: k.created_at,
  last_used_at: k.last_used_at,
  revoked_at: k.revoked_at,
});

export async function insertApiKey(
  db: Db,
  organizationId: string,
  name: string,
  createdBy: string | null = null,
) {
  const { key, prefix, hash } = generateApiKey();
  const [row] = await db
    .insert(apiKeys)
    .values({
      organization_id: organizationId,
      name,
      prefix,
      key_hash: hash,
      created_by_user_id: createdBy,
    })
    .returning();
  return { ...serializeApiKey(row!), key };
}

export async function listApiKeys(ctx: Ctx, query: Record<string, unknown>) {
  const { limit, skip } = parseListQuery(query, { filters: {}, sortable: [] });
  const where = and(eq(apiKeys.organization_id, ctx.organization.id), isNull(apiKeys.revoked_at));
  const [totals, rows] = await Promise.all([
    ctx.db.select({ total: count() }).from(apiKeys).where(where),
    ctx.db
      .select()
      .from(apiKeys)
      .where(where)
      .orderBy(desc(apiKeys.created_at), desc(apiKeys.id))
      .limit(limit)
      .offset(skip),
  ]);
  return { total: Number(totals[0]?.total ?? 0), limit, skip, data: rows.map(serializeApiKey) };
}

export async function createApiKey(ctx: Ctx, body: unknown) {
  const input = ApiKeyCreateSchema.parse(body);
  const createdBy = ctx.actor.kind === 'staff' ? ctx.actor.id : null;
  return insertApiKey(ctx.db, ctx.organization.id, input.name ?? 'API key', createdBy);
}

/** Revocation takes effect on the next request: lookups only match unrevoked keys. */
export async function revokeApiKey(ctx: Ctx, id: string) {
  if (!isUuid(id)) throw notFound('API key');
  const [row] = await ctx.db
    .update(apiKeys)
    .set({ revoked_at: ctx.now })
    .where(
      and(
        eq(apiKeys.organization_id, ctx.organization.id),
        eq(apiKeys.id, id),
        isNull(apiKeys.revoked_at),
      ),
    )
    .returning();
  if (!row) throw notFound('API key');
  return serializeApiKey(row);
}
