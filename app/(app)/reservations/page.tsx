import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffSession } from '@/components/auth/session';
import { buttonClassName, Card } from '@/components/ui';
import styles from '@/components/reservations/ReservationsEmptyState.module.css';

export const metadata: Metadata = { title: 'Reservations' };

export default async function ReservationsPage() {
  const { user, organization } = await requireStaffSession('/reservations');
  const isAdmin = user.role === 'admin';
  return (
    <>
      <div className={styles.header}>
        <h1>Reservations</h1>
        <p className="muted">
          Times are shown in {organization.name}’s time zone,{' '}
          {organization.timezone.replaceAll('_', ' ')}.
        </p>
      </div>
      <Card as="section" aria-labelledby="reservations-empty-title">
        <div className={styles.empty}>
          <span className={styles.icon} aria-hidden="true">
            <svg width="28" height="28" viewBox="0 0 28 28">
              <rect
                x="4"
                y="6"
                width="20"
                height="18"
                rx="3"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              />
              <path
                d="M4 11.5h20M9.5 3.5v5M18.5 3.5v5"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
              />
            </svg>
          </span>
          <h2 id="reservations-empty-title">No reservations yet</h2>
          <p className={styles.text}>
            Bookings made through the API appear here as soon as they are created, with their time,
            service and contact.
            {isAdmin
              ? ' To connect an app or website, create an API key in Settings.'
              : ' An admin of your organization can create API keys in Settings.'}
          </p>
          {isAdmin && (
            <div className={styles.actions}>
              <Link href="/settings#api-keys" className={buttonClassName({ variant: 'primary' })}>
                Create an API key
              </Link>
              <Link href="/settings" className={buttonClassName({ variant: 'secondary' })}>
                Go to Settings
              </Link>
            </div>
          )}
        </div>
      </Card>
    </>
  );
}
