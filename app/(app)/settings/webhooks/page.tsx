import type { Metadata } from 'next';
import { AdminsOnlyNotice } from '@/components/auth/AdminOnly';
import { requireStaffSession } from '@/components/auth/session';
import { Page } from '@/components/ui/Page';
import { WebhooksSection } from '@/components/webhooks/WebhooksSection';

export const metadata: Metadata = { title: 'Webhooks' };

/** Settings › Webhooks (§17): admins only, like the API behind it. */
export default async function WebhooksPage() {
  const { user, organization } = await requireStaffSession('/settings/webhooks');

  if (user.role !== 'admin') {
    return (
      <AdminsOnlyNotice title="Webhooks are for admins">
        Your account has the staff role. Ask an admin of {organization.name} to set up or change
        webhooks.
      </AdminsOnlyNotice>
    );
  }

  return (
    <Page
      title="Webhooks"
      trail={[{ href: '/settings', label: 'Settings' }]}
      intro={
        <>
          Each request carries <code>webhook-id</code>, <code>webhook-timestamp</code> and{' '}
          <code>webhook-signature</code> headers (the Standard Webhooks format): verify them with
          the endpoint’s secret using any Standard Webhooks library.
        </>
      }
    >
      <WebhooksSection timeZone={organization.timezone} />
    </Page>
  );
}
