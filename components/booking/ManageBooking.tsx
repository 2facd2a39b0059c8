'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button, buttonClassName } from '@/components/ui/Button';
import { BookingSummary } from './BookingSummary';
import { CancelPanel } from './CancelPanel';
import { focusHeading } from './focus';
import { publicFetch } from './publicApi';
import { RescheduleCard } from './RescheduleCard';
import { formatDateIn, formatTimeIn, useVisitor } from './time';
import type { BookingStatus, ManagedReservation } from './types';
import styles from './ManageBooking.module.css';

type Mode = 'view' | 'reschedule' | 'cancel';

/** Why the booking can no longer be changed online, in the customer's words. */
function lockedReason(booking: ManagedReservation): string | null {
  if (booking.can_cancel && booking.can_reschedule) return null;
  const business = booking.organization.name;
  if (booking.status === 'cancelled') {
    return booking.cancelled_by === 'customer'
      ? 'You cancelled this booking, so it can’t be changed any more.'
      : `${business} cancelled this booking, so it can’t be changed any more.`;
  }
  if (new Date(booking.start_datetime).getTime() <= Date.now()) {
    return `This booking has already started, so it can’t be changed online. Please contact ${business}.`;
  }
  return `This booking can’t be changed online. Please contact ${business}.`;
}

/**
 * `/book/manage/:token`: the customer's own booking. They can move it to another time of the
 * same service or cancel it, each after a confirmation step, while the server says it is
 * still changeable; otherwise the actions stay visible, disabled, with the reason.
 */
export function ManageBooking({ token, initial }: { token: string; initial: ManagedReservation }) {
  const visitor = useVisitor(initial.organization.timezone);
  const [booking, setBooking] = useState(initial);
  const [mode, setMode] = useState<Mode>('view');
  const [outcome, setOutcome] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const lockedId = useId();
  const returnFocus = useRef(false);

  // Back to the booking (after a change, or "keep"): its heading takes focus again.
  useEffect(() => {
    if (mode !== 'view' || !returnFocus.current) return;
    returnFocus.current = false;
    focusHeading(headingRef.current);
  });

  function open(next: Mode) {
    setOutcome(null);
    setMode(next);
    returnFocus.current = next === 'view';
  }

  function settle(view: ManagedReservation, message: string) {
    setBooking(view);
    setMode('view');
    setOutcome(message);
    returnFocus.current = true;
  }

  /** The booking changed meanwhile (409 invalid_transition): show it as it is now. */
  async function refresh() {
    try {
      setBooking(
        await publicFetch<ManagedReservation>(`/reservations/${encodeURIComponent(token)}`),
      );
    } catch {
      // Keep what we have; the error itself is on screen.
    }
  }

  function moved(view: ManagedReservation) {
    const zone = visitor?.timeZone ?? view.organization.timezone;
    const locale = visitor?.locale ?? 'en-GB';
    const when = `${formatDateIn(view.start_datetime, zone, locale)} at ${formatTimeIn(view.start_datetime, zone, locale)}`;
    settle(view, `Your booking has been moved to ${when}.`);
  }

  const locked = lockedReason(booking);
  const cancelled = booking.status === 'cancelled';
  const link = booking.booking_link;

  return (
    <div className={styles.layout}>
      <section className={styles.card} aria-labelledby="manage-heading">
        <h2 id="manage-heading" ref={headingRef} tabIndex={-1} className={styles.heading}>
          {cancelled ? 'Cancelled booking' : 'Your booking'}
        </h2>
        {outcome && <Alert tone="success">{outcome}</Alert>}
        <BookingSummary
          booking={{
            status: booking.status as BookingStatus,
            start_datetime: booking.start_datetime,
            end_datetime: booking.end_datetime,
            party_size: booking.party_size,
            serviceName: booking.service.name,
            durationMinutes: booking.service.duration_minutes,
            price: { amount: booking.service.price_amount, currency: booking.service.currency },
          }}
          visitor={visitor}
          businessZone={booking.organization.timezone}
        />
        {booking.status === 'pending' && (
          <p className={styles.note}>
            {booking.organization.name} hasn’t confirmed this booking yet. It stays a request until
            they do.
          </p>
        )}
        {!cancelled && link?.confirmation_message && (
          <p className={styles.message}>{link.confirmation_message}</p>
        )}

        {locked && mode === 'view' && (
          <p id={lockedId} className={styles.locked}>
            {locked}
          </p>
        )}
        {mode === 'view' && (
          <div className={styles.actions}>
            {!cancelled && (
              <a
                href={`/book/manage/${token}/calendar.ics`}
                download="booking.ics"
                className={buttonClassName({ variant: 'secondary' })}
              >
                Add to calendar
              </a>
            )}
            <Button
              variant="secondary"
              disabled={!booking.can_reschedule}
              aria-describedby={locked ? lockedId : undefined}
              onClick={() => open('reschedule')}
            >
              Change time
            </Button>
            <Button
              variant="dangerGhost"
              disabled={!booking.can_cancel}
              aria-describedby={locked ? lockedId : undefined}
              onClick={() => open('cancel')}
            >
              Cancel booking
            </Button>
          </div>
        )}
        {cancelled && link && (
          <a href={`/book/${link.slug}`} className={buttonClassName({ variant: 'primary' })}>
            Book again
          </a>
        )}
        {mode === 'cancel' && (
          <CancelPanel
            token={token}
            businessName={booking.organization.name}
            onCancelled={(view) =>
              settle(view, `Your booking is cancelled. ${view.organization.name} has been told.`)
            }
            onKeep={() => open('view')}
            onStale={() => void refresh()}
          />
        )}
      </section>

      {mode === 'reschedule' && (
        <RescheduleCard
          token={token}
          booking={booking}
          visitor={visitor}
          onMoved={moved}
          onClose={() => open('view')}
          onStale={() => void refresh()}
        />
      )}
    </div>
  );
}
