import { and, asc, count, eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Ctx } from '@/lib/http/context';
import { mapDatabaseError } from '@/lib/http/db-errors';
import { conflict, forbidden, notFound } from '@/lib/http/errors';
import { isUuid, parseListQuery } from '@/lib/http/query';
import { insertUser, serializeUser, UserCreateSchema, UserPatchSchema } from './users';

/** Admins manage the staff accounts of their organization. */

export const emailTaken = () =>
  conflict('conflict', 'An account with this email already exists.', [
    { path: 'email', message: 'Already registered.' },
  ]);

export const userConstraintErrors = { users_email_key: emailTaken };

export async function listUsers(ctx: Ctx, query: Record<string, unknown>) {
  const { limit, skip } = parseListQuery(query, { filters: {}, sortable: [] });
  const where = eq(users.organizationId, ctx.organization.id);
  const [totals, rows] = await Promise.all([
    ctx.db.select({ total: count() }).from(users).where(where),
    ctx.db
      .select()
      .from(users)
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(limit)
      .offset(skip),
  ]);
  return { total: Number(totals[0]?.total ?? 0), limit, skip, data: rows.map(serializeUser) };
}

export async function createUser(ctx: Ctx, body: unknown) {
  const input = UserCreateSchema.parse(body);
  try {
    const user = await ctx.db.transaction((tx) =>
      insertUser(tx, {
        ...input,
        role: input.role ?? 'staff',
        organizationId: ctx.organization.id,
      }),
    );
    return serializeUser(user);
  } catch (error) {
    throw mapDatabaseError(error, userConstraintErrors) ?? error;
  }
}

async function findUser(ctx: Ctx, id: string) {
  if (!isUuid(id)) throw notFound('User');
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, ctx.organization.id), eq(users.id, id)));
  if (!user) throw notFound('User');
  return user;
}

export async function patchUser(ctx: Ctx, id: string, body: unknown) {
  const input = UserPatchSchema.parse(body);
  const user = await findUser(ctx, id);
  if (user.id === ctx.actor.id && input.role && input.role !== 'admin') {
    throw forbidden('You cannot remove your own admin role.');
  }
  const [updated] = await ctx.db
    .update(users)
    .set({ ...input, updatedAt: ctx.now })
    .where(eq(users.id, user.id))
    .returning();
  return serializeUser(updated!);
}

export async function deleteUser(ctx: Ctx, id: string) {
  const user = await findUser(ctx, id);
  if (user.id === ctx.actor.id) throw forbidden('You cannot delete your own account.');
  await ctx.db.delete(users).where(eq(users.id, user.id));
  return serializeUser(user);
}
