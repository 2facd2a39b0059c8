import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffSession } from '@/components/auth/session';
import styles from '@/components/settings/settings.module.css';
import { Card } from '@/components/ui';
import { WebhooksSection } from '@/components/webhooks/WebhooksSection';
import own from '@/components/webhooks/webhooks.module.css';

export const metadata: Metadata = { title: 'Webhooks' };

/** Settings › Webhooks (§17): admins only, like the API behind it. */
export default async function WebhooksPage() {
  const { user, organization } = await requireStaffSession('/settings/webhooks');

  if (user.role !== 'admin') {
    return (
      <Card title="Webhooks are for admins" titleAs="h1">
        <p className="muted">
          Your account has the staff role. Ask an admin of {organization.name} to set up or change
          webhooks.
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
        <h1>Webhooks</h1>
        <p className="muted">
          Each request carries <code>webhook-id</code>, <code>webhook-timestamp</code> and{' '}
          <code>webhook-signature</code> headers (the Standard Webhooks format): verify them with
          the endpoint’s secret using any Standard Webhooks library.
        </p>
      </div>
      <WebhooksSection timeZone={organization.timezone} />
    </div>
  );
}
