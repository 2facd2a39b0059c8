import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { getAuth } from '@/lib/auth/better-auth';
import { findOrganization } from '@/lib/organizations/create-organization';

export type StaffRole = 'admin' | 'staff';

export interface StaffSession {
  user: { id: string; name: string; email: string; role: StaffRole };
  organization: { id: string; name: string; timezone: string };
}

/**
 * The signed-in staff member and their organization, for server components; null when
 * signed out (or when the account or organization no longer exists). Cached per request
 * so the layout and the page share one lookup.
 */
export const getStaffSession = cache(async (): Promise<StaffSession | null> => {
  // Read the request first: it marks the route dynamic, so a build never prerenders it and
  // never opens the database (getAuth() would).
  const requestHeaders = await headers();
  const session = await (await getAuth()).api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const organization = await findOrganization(await getDb(), session.user.organizationId);
  if (!organization) return null;
  return {
    user: {
      id: session.user.id,
      name: session.user.name,
      email: session.user.email,
      role: session.user.role === 'admin' ? 'admin' : 'staff',
    },
    organization: { id: organization.id, name: organization.name, timezone: organization.timezone },
  };
});

export { safeNextPath } from '@/lib/auth/next-path';

/**
 * For pages under the signed-in layout: the session, or a redirect to sign-in that
 * comes back to `path`. (Pages know their path; layouts do not, so pages do the 307.)
 */
export async function requireStaffSession(path: string): Promise<StaffSession> {
  const session = await getStaffSession();
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return session;
}
