import Link from 'next/link';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui';
import { getStaffSession } from './session';

/** What a staff (not admin) account sees instead of an admin-only page, with the way back. */
export function AdminsOnlyNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={title} titleAs="h1">
      <p className="muted">{children}</p>
      <p style={{ marginTop: 'var(--space-2)' }}>
        <Link href="/reservations">Back to reservations</Link>
      </p>
    </Card>
  );
}

/**
 * Its children for admins; for staff, AdminsOnlyNotice with `title` and the `reason` (told the
 * organization's name). For layouts under the signed-in layout, which has already sent
 * signed-out visitors to sign in.
 */
export async function AdminOnly({
  title,
  reason,
  children,
}: {
  title: string;
  reason: (organizationName: string) => ReactNode;
  children: ReactNode;
}) {
  const session = await getStaffSession();
  if (!session) return null;
  if (session.user.role !== 'admin') {
    return <AdminsOnlyNotice title={title}>{reason(session.organization.name)}</AdminsOnlyNotice>;
  }
  return children;
}
