import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { getStaffSession, safeNextPath } from '@/components/auth/session';
import { AppShell } from '@/components/shell/AppShell';
import { SignInRedirect } from '@/components/shell/SignInRedirect';

/**
 * Every signed-in page. Signed-out visitors go to /sign-in?next=<where they were going>.
 * A layout is not told the requested path: pages redirect with it themselves
 * (requireStaffSession), a proxy may pass it as `x-pathname`, and otherwise the
 * client-side SignInRedirect reads it from the address bar.
 */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const session = await getStaffSession();
  if (!session) {
    const requested = safeNextPath((await headers()).get('x-pathname') ?? undefined);
    if (requested) redirect(`/sign-in?next=${encodeURIComponent(requested)}`);
    return <SignInRedirect />;
  }
  return <AppShell session={session}>{children}</AppShell>;
}
