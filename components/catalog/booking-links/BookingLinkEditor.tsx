'use client';

import { Alert } from '@/components/ui';
import { ActiveBadge } from '../ActiveBadge';
import { DeleteRecordCard } from '../DeleteRecordCard';
import { EditorFrame } from '../EditorFrame';
import { useEditorStatus } from '../useEditorStatus';
import { BookingLinkForm } from './BookingLinkForm';
import { bookingPath, CopyLinkButton, OpenBookingPage } from './LinkActions';
import { bookingLinkKeys, useBookingLink } from './queries';
import type { BookingLink } from './types';
import styles from '../catalog.module.css';
import own from './bookingLinks.module.css';

/** One booking link: its address, its settings beside a preview, and deleting it. */
export function BookingLinkEditor({
  id,
  organizationName,
}: {
  id: string;
  organizationName: string;
}) {
  const link = useBookingLink(id);
  const { justCreated, saved, onSaved } = useEditorStatus<BookingLink>(bookingLinkKeys.one(id));

  return (
    <EditorFrame
      backHref="/catalog/booking-links"
      backLabel="All booking links"
      what="booking link"
      query={link}
    >
      {(l) => (
        <>
          <div className={styles.editorHeader}>
            <h2>{l.name}</h2>
            <ActiveBadge active={l.is_active} />
            <div className={own.addressRow}>
              <span className={styles.code}>{bookingPath(l.slug)}</span>
              <OpenBookingPage slug={l.slug} name={l.name} />
              <CopyLinkButton slug={l.slug} name={l.name} />
            </div>
          </div>
          {justCreated && (
            <Alert tone="success" title={`${l.name} was created.`}>
              {l.is_active
                ? 'Customers can book at its address now: copy the link and share it.'
                : 'It is inactive: tick Active and save when customers may use it.'}
            </Alert>
          )}

          <BookingLinkForm
            key={l.id}
            link={l}
            organizationName={organizationName}
            title="Settings"
            flash={saved}
            onSaved={onSaved}
          />

          <DeleteRecordCard
            what="booking link"
            name={l.name}
            apiPath={`/api/reservation-booking-links/${id}`}
            listKey={bookingLinkKeys.all}
            backHref="/catalog/booking-links"
            explanation="Reservations made through it stay as they are. To stop new bookings for a while, untick Active instead."
            consequence={`${bookingPath(l.slug)} will show customers “not found”, and anyone you shared it with loses the way in. This cannot be undone.`}
          />
        </>
      )}
    </EditorFrame>
  );
}
