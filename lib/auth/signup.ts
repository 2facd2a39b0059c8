import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Db } from '@/db/types';
import { mapDatabaseError } from '@/lib/http/db-errors';
import {
  createOrganization,
  serializeOrganization,
  slugify,
} from '@/lib/organizations/create-organization';
import { getAuth } from './better-auth';
import { userConstraintErrors } from './user-admin';
import { SignUpSchema } from './schemas';

export { SignUpSchema, type SignUp } from './schemas';

const emailRegistered = async (db: Db, email: string) =>
  (
    await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, email.toLowerCase()))
      .limit(1)
  ).length > 0;

/**
 * Creates the organization and admin, then signs the admin in (returns Better Auth's cookies).
 *
 * An email that already has an account gets the same 201 reply, so sign-up does not tell
 * strangers who has an account (of any organization): an organization-shaped body for an
 * organization that is never created, no session cookie, nothing written, and about the same
 * time spent (the password is hashed either way). The account's owner keeps signing in as
 * before; whoever signed up is then sent to sign in like any signed-out visitor.
 */
export async function signUp(db: Db, body: unknown, headers: Headers) {
  const input = SignUpSchema.parse(body);
  if (await emailRegistered(db, input.email)) return unregisteredReply(input);
  let created;
  try {
    created = await createOrganization(db, {
      name: input.organization_name,
      timezone: input.timezone,
      admin: { name: input.name, email: input.email, password: input.password },
    });
  } catch (error) {
    const mapped = mapDatabaseError(error, userConstraintErrors);
    // Registered meanwhile (a concurrent sign-up with the same email): the same quiet reply.
    if (mapped && mapped.status === 409 && mapped.details?.[0]?.path === 'email') {
      return unregisteredReply(input, false);
    }
    throw mapped ?? error;
  }
  const auth = await getAuth();
  const signIn = await auth.api.signInEmail({
    body: { email: input.email, password: input.password },
    headers,
    asResponse: true,
  });
  return {
    organization: serializeOrganization(created.organization),
    setCookie: signIn.headers.getSetCookie(),
  };
}

async function unregisteredReply(
  input: { organization_name: string; timezone: string; password: string },
  hash = true,
) {
  if (hash) await hashPassword(input.password);
  const now = new Date();
  return {
    organization: serializeOrganization({
      id: randomUUID(),
      name: input.organization_name,
      slug: slugify(input.organization_name),
      timezone: input.timezone,
      created_at: now,
      updated_at: now,
    } as Parameters<typeof serializeOrganization>[0]),
    setCookie: [] as string[],
  };
}
