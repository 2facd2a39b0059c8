import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffSession } from '@/components/auth/session';
import { ApiKeysSection } from '@/components/settings/ApiKeysSection';
import { StaffUsersSection } from '@/components/settings/StaffUsersSection';
import styles from '@/components/settings/settings.module.css';
import { Card } from '@/components/ui';
import { WebhooksSettingsCard } from '@/components/webhooks/WebhooksSettingsCard';
import { NotificationsSettingsCard } from '@/components/notifications/NotificationsSettingsCard';
import { mailDelivery } from '@/lib/notifications/transport';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const { user, organization } = await requireStaffSession('/settings');

  if (user.role !== 'admin') {
    return (
      <Card title="Settings are for admins" titleAs="h1">
        <p className="muted">
          Your account has the staff role, so you can work with reservations and contacts but not
          change organization settings. Ask an admin of {organization.name} if you need a new API
          key or another account.
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
        <h1>Settings</h1>
        <p className="muted">
          {organization.name} · time zone {organization.timezone.replaceAll('_', ' ')}
        </p>
      </div>
      <StaffUsersSection currentUserId={user.id} />
      <ApiKeysSection timeZone={organization.timezone} />
      <NotificationsSettingsCard kept={mailDelivery().mode === 'kept'} />
      <WebhooksSettingsCard />
    </div>
  );
}
