import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffSession } from '@/components/auth/session';
import { DeliveryNotice } from '@/components/notifications/DeliveryNotice';
import own from '@/components/notifications/notifications.module.css';
import { OutboxList } from '@/components/notifications/OutboxList';
import styles from '@/components/settings/settings.module.css';
import { Card } from '@/components/ui';

export const metadata: Metadata = { title: 'Outbox' };

/** Settings › Outbox (§19): every email, sent, kept or scheduled; admins only. */
export default async function OutboxPage() {
  const { user, organization } = await requireStaffSession('/settings/outbox');

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
        </nav>
        <h1>Outbox</h1>
        <p className="muted">
          Every email about your bookings: sent, kept, or scheduled (reminders). Open one to see it
          as its recipient does. <Link href="/settings/notifications">Email settings</Link>
        </p>
      </div>
      <DeliveryNotice />
      <OutboxList timeZone={organization.timezone} />
    </div>
  );
}
