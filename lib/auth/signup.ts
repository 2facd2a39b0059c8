import type { Db } from '@/db/types';
import { mapDatabaseError } from '@/lib/http/db-errors';
import { createOrganization, serializeOrganization } from '@/lib/organizations/create-organization';
import { getAuth } from './better-auth';
import { userConstraintErrors } from './user-admin';
import { SignUpSchema } from './schemas';

export { SignUpSchema, type SignUp } from './schemas';

/** Creates the organization and admin, then signs the admin in (returns Better Auth's cookies). */
export async function signUp(db: Db, body: unknown, headers: Headers) {
  const input = SignUpSchema.parse(body);
  let created;
  try {
    created = await createOrganization(db, {
      name: input.organization_name,
      timezone: input.timezone,
      admin: { name: input.name, email: input.email, password: input.password },
    });
  } catch (error) {
    throw mapDatabaseError(error, userConstraintErrors) ?? error;
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
