import { z } from 'zod';
import type { Db } from '@/db/types';
import { mapDatabaseError } from '@/lib/http/db-errors';
import { createOrganization, serializeOrganization } from '@/lib/organizations/create-organization';
import { emailSchema, nameSchema, timezoneSchema } from '@/lib/validation/fields';
import { getAuth } from './better-auth';
import { userConstraintErrors } from './user-admin';
import { passwordSchema } from './users';

/** The sign-up page's input: a new organization and its first admin (§1). */
export const SignUpSchema = z.strictObject({
  organization_name: nameSchema(),
  timezone: timezoneSchema,
  name: nameSchema(),
  email: emailSchema,
  password: passwordSchema,
});
export type SignUp = z.infer<typeof SignUpSchema>;

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
