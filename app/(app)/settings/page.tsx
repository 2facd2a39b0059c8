import type { Metadata } from 'next';
import { AdminsOnlyNotice } from '@/components/auth/AdminOnly';
import { requireStaffSession } from '@/components/auth/session';
import { NotificationsSettingsCard } from '@/components/notifications/NotificationsSettingsCard';
import { ApiKeysSection } from '@/components/settings/ApiKeysSection';
import { StaffUsersSection } from '@/components/settings/StaffUsersSection';
import { Page } from '@/components/ui/Page';
import { WebhooksSettingsCard } from '@/components/webhooks/WebhooksSettingsCard';
import { mailDelivery } from '@/lib/notifications/transport';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const { user, organization } = await requireStaffSession('/settings');

  if (user.role !== 'admin') {
    return (
      <AdminsOnlyNotice title="Settings are for admins">
        Your account has the staff role, so you can work with reservations and contacts but not
        change organization settings. Ask an admin of {organization.name} if you need a new API key
        or another account.
      </AdminsOnlyNotice>
    );
  }

  return (
    <Page
      title="Settings"
      intro={`${organization.name} · time zone ${organization.timezone.replaceAll('_', ' ')}`}
    >
      <StaffUsersSection currentUserId={user.id} />
      <ApiKeysSection timeZone={organization.timezone} />
      <NotificationsSettingsCard kept={mailDelivery().mode === 'kept'} />
      <WebhooksSettingsCard />
    </Page>
  );
}
