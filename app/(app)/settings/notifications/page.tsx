import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminsOnlyNotice } from '@/components/auth/AdminOnly';
import { requireStaffSession } from '@/components/auth/session';
import { DeliveryNotice } from '@/components/notifications/DeliveryNotice';
import { NotificationSettingsSection } from '@/components/notifications/NotificationSettingsSection';
import { Page } from '@/components/ui/Page';

export const metadata: Metadata = { title: 'Email notifications' };

/** Settings › Email notifications (§19): admins only, like the PATCH behind it. */
export default async function NotificationSettingsPage() {
  const { user, organization } = await requireStaffSession('/settings/notifications');

  if (user.role !== 'admin') {
    return (
      <AdminsOnlyNotice title="Email settings are for admins">
        Your account has the staff role. Ask an admin of {organization.name} to change which emails
        customers and your team receive.
      </AdminsOnlyNotice>
    );
  }

  return (
    <Page
      title="Email notifications"
      trail={[{ href: '/settings', label: 'Settings' }]}
      intro={
        <>
          What {organization.name} sends, and when. Times in emails are in{' '}
          {organization.timezone.replaceAll('_', ' ')}, with the zone named.{' '}
          <Link href="/settings/outbox">Open the Outbox</Link> to read what went out.
        </>
      }
    >
      <DeliveryNotice />
      <NotificationSettingsSection />
    </Page>
  );
}
