import { hashPassword } from 'better-auth/crypto';
import { z } from 'zod';
import { accounts, users } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Role } from '@/lib/http/context';
import { emailSchema, nameSchema } from '@/lib/validation/fields';

export const passwordSchema = z.string().min(8, 'At least 8 characters.').max(128);

export const UserCreateSchema = z.strictObject({
  name: nameSchema(),
  email: emailSchema,
  password: passwordSchema,
  role: z.enum(['admin', 'staff']).optional(),
});
export type UserCreate = z.infer<typeof UserCreateSchema>;

export const UserPatchSchema = z
  .strictObject({ name: nameSchema(), role: z.enum(['admin', 'staff']) })
  .partial();

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
