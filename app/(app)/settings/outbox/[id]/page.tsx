import type { Metadata } from 'next';
import { requireStaffSession } from '@/components/auth/session';
import { OutboxAdminsOnly } from '@/components/notifications/OutboxAdminsOnly';
import { OutboxMessage } from '@/components/notifications/OutboxMessage';
import { Page } from '@/components/ui/Page';

export const metadata: Metadata = { title: 'Outbox message' };

/** One email of the Outbox, rendered as its recipient gets it. */
export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, organization } = await requireStaffSession(`/settings/outbox/${id}`);
  if (user.role !== 'admin') return <OutboxAdminsOnly organizationName={organization.name} />;

  return (
    <Page
      title="Message"
      trail={[
        { href: '/settings', label: 'Settings' },
        { href: '/settings/outbox', label: 'Outbox' },
      ]}
    >
      <OutboxMessage id={id} timeZone={organization.timezone} />
    </Page>
  );
}
