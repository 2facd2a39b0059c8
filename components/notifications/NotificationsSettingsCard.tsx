import Link from 'next/link';
import { buttonClassName, Card } from '@/components/ui';
import own from './notifications.module.css';

/** The settings page's way to the email settings and the Outbox (admins only, like both). */
export function NotificationsSettingsCard({ kept }: { kept: boolean }) {
  return (
    <Card
      id="notifications"
      title="Email notifications"
      description={
        kept
          ? 'Confirmations, changes and reminders for customers, with calendar invites. No mail server is configured (SMTP_URL), so messages are kept in the Outbox instead of being sent.'
          : 'Confirmations, changes and reminders for customers, with calendar invites, and booking activity for your team.'
      }
    >
      <div className={own.cardLinks}>
        <Link href="/settings/notifications" className={buttonClassName({ variant: 'secondary' })}>
          Email settings
        </Link>
        <Link href="/settings/outbox" className={buttonClassName({ variant: 'secondary' })}>
          Outbox
        </Link>
      </div>
    </Card>
  );
}
