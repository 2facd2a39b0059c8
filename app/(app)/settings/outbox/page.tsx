import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffSession } from '@/components/auth/session';
import { DeliveryNotice } from '@/components/notifications/DeliveryNotice';
import { OutboxAdminsOnly } from '@/components/notifications/OutboxAdminsOnly';
import { OutboxList } from '@/components/notifications/OutboxList';
import { Page } from '@/components/ui/Page';

export const metadata: Metadata = { title: 'Outbox' };

/** Settings › Outbox (§19): every email, sent, kept or scheduled; admins only. */
export default async function OutboxPage() {
  const { user, organization } = await requireStaffSession('/settings/outbox');
  if (user.role !== 'admin') return <OutboxAdminsOnly organizationName={organization.name} />;

  return (
    <Page
      title="Outbox"
      trail={[{ href: '/settings', label: 'Settings' }]}
      intro={
        <>
          Every email about your bookings: sent, kept, or scheduled (reminders). Open one to see it
          as its recipient does. <Link href="/settings/notifications">Email settings</Link>
        </>
      }
    >
      <DeliveryNotice />
      <OutboxList timeZone={organization.timezone} />
    </Page>
  );
}
