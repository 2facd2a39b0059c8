'use client';

import { useEffect, useRef } from 'react';
import { buttonClassName } from '@/components/ui/Button';
import { BookingSummary } from './BookingSummary';
import { ManageLinkBox } from './ManageLinkBox';
import { formatDateIn, type Visitor } from './time';
import type { BookingResult, PublicBookingPage, PublicService } from './types';
import styles from './BookingConfirmation.module.css';

/** Done: what was booked, the business's message, a calendar file and the manage link. */
export function BookingConfirmation({
  page,
  service,
  result,
  visitor,
  onBookAnother,
}: {
  page: PublicBookingPage;
  service: PublicService;
  result: BookingResult;
  visitor: Visitor;
  onBookAnother: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { reservation, manage_token: token } = result;
  const pending = reservation.status === 'pending';
  const managePath = `/book/manage/${token}`;

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section className={styles.done} aria-labelledby="booking-done">
      <div className={styles.hero}>
        <span className={styles.icon} data-pending={pending || undefined} aria-hidden="true">
          {pending ? (
            <svg width="28" height="28" viewBox="0 0 24 24">
              <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" />
              <path
                d="M12 7v5l3 2"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
              />
            </svg>
          ) : (
            <svg width="28" height="28" viewBox="0 0 24 24">
              <path
                d="M5 12.5l4.5 4.5L19 7.5"
                fill="none"
                stroke="currentColor"
                strokeWidth="2.4"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
          )}
        </span>
        <h2 id="booking-done" ref={headingRef} tabIndex={-1} className={styles.heading}>
          {pending ? 'Booking requested' : 'You’re booked!'}
        </h2>
        <p className={styles.lead}>
          {pending
            ? `${page.organization.name} will confirm your booking. Until then it is a request.`
            : `See you on ${formatDateIn(reservation.start_datetime, visitor.timeZone, visitor.locale)}.`}
        </p>
      </div>
      {page.page_config.confirmation_message && (
        <p className={styles.message}>{page.page_config.confirmation_message}</p>
      )}
      <BookingSummary
        booking={{
          status: reservation.status,
          start_datetime: reservation.start_datetime,
          end_datetime: reservation.end_datetime,
          party_size: reservation.party_size,
          serviceName: reservation.service?.name ?? service.name,
          durationMinutes: reservation.service?.duration_minutes ?? service.duration_minutes,
          price: { amount: service.price_amount, currency: service.currency },
        }}
        visitor={visitor}
        businessZone={page.organization.timezone}
        showPartySize={service.max_party_size > 1}
      />
      <a
        href={`${managePath}/calendar.ics`}
        download="booking.ics"
        className={buttonClassName({ variant: 'secondary', block: true })}
      >
        <CalendarIcon />
        Add to calendar
      </a>
      <ManageLinkBox path={managePath} />
      <button type="button" className={styles.again} onClick={onBookAnother}>
        Book something else
      </button>
    </section>
  );
}

function CalendarIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <rect
        x="2"
        y="3"
        width="12"
        height="11"
        rx="2"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      />
      <path
        d="M2 6.5h12M5.5 1.5v3M10.5 1.5v3"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
      />
    </svg>
  );
}
