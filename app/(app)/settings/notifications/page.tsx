import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffSession } from '@/components/auth/session';
import { DeliveryNotice } from '@/components/notifications/DeliveryNotice';
import { NotificationSettingsSection } from '@/components/notifications/NotificationSettingsSection';
import own from '@/components/notifications/notifications.module.css';
import styles from '@/components/settings/settings.module.css';
import { Card } from '@/components/ui';

export const metadata: Metadata = { title: 'Email notifications' };

/** Settings › Email notifications (§19): admins only, like the PATCH behind it. */
export default async function NotificationSettingsPage() {
  const { user, organization } = await requireStaffSession('/settings/notifications');

  if (user.role !== 'admin') {
    return (
      <Card title="Email settings are for admins" titleAs="h1">
        <p className="muted">
          Your account has the staff role. Ask an admin of {organization.name} to change which
          emails customers and your team receive.
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
        <h1>Email notifications</h1>
        <p className="muted">
          What {organization.name} sends, and when. Times in emails are in{' '}
          {organization.timezone.replaceAll('_', ' ')}, with the zone named.{' '}
          <Link href="/settings/outbox">Open the Outbox</Link> to read what went out.
        </p>
      </div>
      <DeliveryNotice />
      <NotificationSettingsSection />
    </div>
  );
}
