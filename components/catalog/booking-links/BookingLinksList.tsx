'use client';

import Link from 'next/link';
import { buttonClassName, Card } from '@/components/ui';
import { EmptyState } from '../EmptyState';
import { ListSkeleton } from '../ListSkeleton';
import { LoadError } from '../LoadError';
import { bookingPath, CopyLinkButton, OpenBookingPage } from './LinkActions';
import { useBookingLinks } from './queries';
import styles from '../catalog.module.css';
import own from './bookingLinks.module.css';

/** Catalog › Booking links: the public pages customers book through. */
export function BookingLinksList() {
  const links = useBookingLinks();
  const newLink = (
    <Link href="/catalog/booking-links/new" className={buttonClassName({ variant: 'primary' })}>
      New booking link
    </Link>
  );

  return (
    <Card
      id="booking-links"
      title="Booking links"
      description="Public pages where customers pick a service and a time and book it themselves."
      actions={links.data && links.data.length > 0 ? newLink : undefined}
    >
      {links.isPending ? (
        <ListSkeleton label="Loading booking links" rows={3} />
      ) : links.isError ? (
        <LoadError what="booking links" error={links.error} onRetry={() => void links.refetch()} />
      ) : links.data.length === 0 ? (
        <EmptyState title="No booking links yet — create your first one" action={newLink}>
          A booking link is a page such as /book/your-salon: choose which services it offers, then
          share the address on your website or social media.
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-label="Booking links">
          {links.data.map((link) => (
            <li key={link.id} className={styles.row}>
              <div className={styles.rowMain}>
                <span className={styles.rowTitle}>
                  <Link href={`/catalog/booking-links/${link.id}`} className={styles.rowTitleLink}>
                    {link.name}
                  </Link>
                  {link.is_active ? (
                    <span className={`${styles.badge} ${styles.badgeSuccess}`}>Active</span>
                  ) : (
                    <span className={styles.badge}>Inactive</span>
                  )}
                </span>
                <span className={styles.rowMeta}>
                  <span className={styles.code}>{bookingPath(link.slug)}</span>
                  {' · '}
                  <span className={own.nowrap}>
                    {link.service_ids.length} service{link.service_ids.length === 1 ? '' : 's'}
                  </span>
                </span>
              </div>
              <div className={styles.rowActions}>
                <OpenBookingPage slug={link.slug} name={link.name} />
                <CopyLinkButton slug={link.slug} name={link.name} />
                <Link
                  href={`/catalog/booking-links/${link.id}`}
                  className={buttonClassName({ size: 'sm', variant: 'secondary' })}
                  aria-label={`Edit ${link.name}`}
                >
                  Edit
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
