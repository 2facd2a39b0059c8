import { Alert } from '@/components/ui';
import { mailDelivery } from '@/lib/notifications/transport';

/** How mail leaves this installation (server component: it reads SMTP_URL and MAIL_FROM). */
export function DeliveryNotice() {
  const delivery = mailDelivery();
  return delivery.mode === 'smtp' ? (
    <Alert tone="success">
      Mail is sent over SMTP from <strong>{delivery.address}</strong>
      {delivery.name ? ` as “${delivery.name}”` : ', under your organization’s name'}.
    </Alert>
  ) : (
    <Alert tone="info" title="Mail is kept, not sent">
      No mail server is configured (<code>SMTP_URL</code>), so every message is rendered exactly as
      the customer would get it and kept in the Outbox.
    </Alert>
  );
}
