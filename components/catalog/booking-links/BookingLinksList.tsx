'use client';

import { RecordListCard, RecordRow } from '@/components/ui/RecordList';
import { ActiveBadge } from '../ActiveBadge';
import { bookingPath, CopyLinkButton, OpenBookingPage } from './LinkActions';
import { useBookingLinks } from './queries';
import styles from '../catalog.module.css';
import own from './bookingLinks.module.css';

/** Catalog › Booking links: the public pages customers book through. */
export function BookingLinksList() {
  const links = useBookingLinks();
  return (
    <RecordListCard
      id="booking-links"
      title="Booking links"
      description="Public pages where customers pick a service and a time and book it themselves."
      query={links}
      newHref="/catalog/booking-links/new"
      newLabel="New booking link"
      skeletonRows={3}
      emptyTitle="No booking links yet — create your first one"
      emptyText="A booking link is a page such as /book/your-salon: choose which services it offers, then share the address on your website or social media."
    >
      {(link) => (
        <RecordRow
          href={`/catalog/booking-links/${link.id}`}
          name={link.name}
          badges={<ActiveBadge active={link.is_active} />}
          meta={
            <>
              <span className={styles.code}>{bookingPath(link.slug)}</span>
              {' · '}
              <span className={own.nowrap}>
                {link.service_ids.length} service{link.service_ids.length === 1 ? '' : 's'}
              </span>
            </>
          }
          actions={
            <>
              <OpenBookingPage slug={link.slug} name={link.name} />
              <CopyLinkButton slug={link.slug} name={link.name} />
            </>
          }
        />
      )}
    </RecordListCard>
  );
}
