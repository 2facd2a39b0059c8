import { hashPassword } from 'better-auth/crypto';
import { accounts, users } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Role } from '@/lib/http/context';

export { passwordSchema, UserCreateSchema, UserPatchSchema, type UserCreate } from './schemas';

/**
 * Creates a staff user with a password credential in the caller's transaction, in the
 * shape Better Auth reads (users + a `credential` account holding its scrypt hash).
 */
export async function insertUser(
  db: Db,
  input: { organizationId: string; name: string; email: string; password: string; role: Role },
) {
  const [user] = await db
    .insert(users)
    .values({
      name: input.name,
      email: input.email.toLowerCase(),
      organizationId: input.organizationId,
      role: input.role,
      emailVerified: false,
    })
    .returning();
  await db.insert(accounts).values({
    accountId: user!.id,
    providerId: 'credential',
    userId: user!.id,
    password: await hashPassword(input.password),
  });
  return user!;
}

export const serializeUser = (u: typeof users.$inferSelect) => ({
  id: u.id,
  organization_id: u.organizationId,
  name: u.name,
  email: u.email,
  role: u.role,
  created_at: u.createdAt,
  updated_at: u.updatedAt,
});
