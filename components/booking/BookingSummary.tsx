'use client';

import { formatPrice } from './money';
import { STATUS_LABELS } from './status';
import { formatDateIn, formatDuration, formatTimeIn, type Visitor } from './time';
import type { BookingStatus } from './types';
import styles from './BookingSummary.module.css';

export interface SummaryBooking {
  status: BookingStatus;
  start_datetime: string;
  end_datetime: string;
  party_size: number;
  serviceName: string;
  durationMinutes: number;
  price?: { amount: number | null; currency: string | null };
}

/**
 * What was booked: service, day and time in the visitor's zone and (when it differs) the
 * business's, party size and status. Before the visitor's zone is known (server render) the
 * business's zone is shown.
 */
export function BookingSummary({
  booking,
  visitor,
  businessZone,
  showPartySize,
}: {
  booking: SummaryBooking;
  visitor: Visitor | null;
  businessZone: string;
  showPartySize?: boolean;
}) {
  const locale = visitor?.locale ?? 'en-GB';
  const zone = visitor?.timeZone ?? businessZone;
  const range = (tz: string) => (
    <span className={styles.nowrap}>
      {formatTimeIn(booking.start_datetime, tz, locale)}–
      {formatTimeIn(booking.end_datetime, tz, locale)}
    </span>
  );
  const otherZone = zone !== businessZone;
  const businessDay = formatDateIn(booking.start_datetime, businessZone, locale);
  const price = booking.price ? formatPrice(booking.price.amount, booking.price.currency) : null;
  const cancelled = booking.status === 'cancelled';

  return (
    <dl className={styles.summary}>
      <div className={styles.row}>
        <dt>Service</dt>
        <dd>
          <span className={styles.strong}>{booking.serviceName}</span>
          <span className={styles.sub}>
            {formatDuration(booking.durationMinutes)}
            {price ? ` · ${price}` : ''}
          </span>
        </dd>
      </div>
      <div className={styles.row}>
        <dt>When</dt>
        <dd className={cancelled ? styles.struck : undefined}>
          <span className={styles.strong}>
            {formatDateIn(booking.start_datetime, zone, locale)}
          </span>
          <span>
            {range(zone)}{' '}
            <span className={styles.sub}>({otherZone ? `your time, ${zone}` : zone})</span>
          </span>
          {otherZone && (
            <span className={styles.sub}>
              {range(businessZone)}{' '}
              {businessDay !== formatDateIn(booking.start_datetime, zone, locale)
                ? `on ${businessDay} `
                : ''}
              at the business ({businessZone})
            </span>
          )}
        </dd>
      </div>
      {(showPartySize || booking.party_size > 1) && (
        <div className={styles.row}>
          <dt>People</dt>
          <dd>{booking.party_size}</dd>
        </div>
      )}
      <div className={styles.row}>
        <dt>Status</dt>
        <dd>
          <span className={styles.badge} data-status={booking.status}>
            {STATUS_LABELS[booking.status] ?? booking.status}
          </span>
        </dd>
      </div>
    </dl>
  );
}
