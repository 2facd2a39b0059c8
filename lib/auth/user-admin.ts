import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
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

/**
 * Adds a staff user. An email already registered in this organization is a 409 (the admin
 * can see that account in the list anyway). One registered in another organization is not
 * revealed: the reply is the same 201 with a user-shaped body, but nothing is created (the
 * email stays the other account's; the person would need another address to join here).
 */
export async function createUser(ctx: Ctx, body: unknown) {
  const input = UserCreateSchema.parse(body);
  const email = input.email.toLowerCase();
  const role = input.role ?? 'staff';
  const [existing] = await ctx.db
    .select({ organizationId: users.organizationId })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  if (existing) {
    if (existing.organizationId === ctx.organization.id) throw emailTaken();
    return notCreatedReply(ctx, { ...input, email, role });
  }
  try {
    const user = await ctx.db.transaction((tx) =>
      insertUser(tx, { ...input, role, organizationId: ctx.organization.id }),
    );
    return serializeUser(user);
  } catch (error) {
    throw mapDatabaseError(error, userConstraintErrors) ?? error;
  }
}

/** What a created user looks like, for an email another organization holds; the same work. */
async function notCreatedReply(
  ctx: Ctx,
  input: { name: string; email: string; password: string; role: 'admin' | 'staff' },
) {
  await hashPassword(input.password);
  return {
    id: randomUUID(),
    organization_id: ctx.organization.id,
    name: input.name,
    email: input.email,
    role: input.role,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
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
