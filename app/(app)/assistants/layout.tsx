import Link from 'next/link';
import type { ReactNode } from 'react';
import { getStaffSession } from '@/components/auth/session';
import styles from '@/components/catalog/catalog.module.css';
import { Card } from '@/components/ui';

/** AI assistants: admins only (writes are admin-only like the rest of the configuration). */
export default async function AssistantsLayout({ children }: { children: ReactNode }) {
  // The signed-in layout above has already sent signed-out visitors to sign in.
  const session = await getStaffSession();
  if (!session) return null;
  if (session.user.role !== 'admin') {
    return (
      <Card title="Assistants are for admins" titleAs="h1">
        <p className="muted">
          Your account has the staff role, so you can work with reservations and contacts but not
          set up the AI assistants of {session.organization.name}. Ask an admin if one needs to
          change.
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
        <h1>AI assistants</h1>
        <p className="muted">
          Let a language model find, book and change reservations — with the same rules as your
          team.
        </p>
      </div>
      {children}
    </div>
  );
}
