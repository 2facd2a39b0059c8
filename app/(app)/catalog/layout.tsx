import Link from 'next/link';
import type { ReactNode } from 'react';
import { getStaffSession } from '@/components/auth/session';
import { CatalogTabs } from '@/components/catalog/CatalogTabs';
import styles from '@/components/catalog/catalog.module.css';
import { Card } from '@/components/ui';

/** Catalog › services, resources and custom fields: admins only (writes are admin-only, §3–§10). */
export default async function CatalogLayout({ children }: { children: ReactNode }) {
  // The signed-in layout above has already sent signed-out visitors to sign in.
  const session = await getStaffSession();
  if (!session) return null;
  if (session.user.role !== 'admin') {
    return (
      <Card title="The catalog is for admins" titleAs="h1">
        <p className="muted">
          Your account has the staff role, so you can work with reservations and contacts but not
          change the services, resources and custom fields of {session.organization.name}. Ask an
          admin if something there needs to change.
        </p>
        <p style={{ marginTop: 'var(--space-2)' }}>
          <Link href="/reservations">Back to reservations</Link>
        </p>
      </Card>
    );
  }
  return (
    <div className={styles.page}>
      <div className={styles.pageHeader}>
        <h1>Catalog</h1>
        <p className="muted">What customers can book, who and what it takes, and when.</p>
        <CatalogTabs />
      </div>
      {children}
    </div>
  );
}
