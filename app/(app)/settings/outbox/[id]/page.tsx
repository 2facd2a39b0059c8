import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffSession } from '@/components/auth/session';
import own from '@/components/notifications/notifications.module.css';
import { OutboxMessage } from '@/components/notifications/OutboxMessage';
import styles from '@/components/settings/settings.module.css';
import { Card } from '@/components/ui';

export const metadata: Metadata = { title: 'Outbox message' };

/** One email of the Outbox, rendered as its recipient gets it. */
export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, organization } = await requireStaffSession(`/settings/outbox/${id}`);

  if (user.role !== 'admin') {
    return (
      <Card title="The Outbox is for admins" titleAs="h1">
        <p className="muted">
          Your account has the staff role. Ask an admin of {organization.name} if you need to see
          what was emailed to a customer.
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
        <nav aria-label="Breadcrumb" className={own.breadcrumb}>
          <Link href="/settings">Settings</Link>
          <span aria-hidden="true"> › </span>
          <Link href="/settings/outbox">Outbox</Link>
          <span aria-hidden="true"> › </span>
        </nav>
        <h1>Message</h1>
      </div>
      <OutboxMessage id={id} timeZone={organization.timezone} />
    </div>
  );
}
