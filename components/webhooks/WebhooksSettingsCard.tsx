import Link from 'next/link';
import { buttonClassName, Card } from '@/components/ui';

/** The settings page's way to the webhooks page (admins only, like the page itself). */
export function WebhooksSettingsCard() {
  return (
    <Card
      id="webhooks"
      title="Webhooks"
      description="Tell other apps when reservations are created, changed or cancelled: signed JSON events, retried for hours when an endpoint is down."
    >
      <Link href="/settings/webhooks" className={buttonClassName({ variant: 'secondary' })}>
        Manage webhooks
      </Link>
    </Card>
  );
}
