'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '@/components/api/apiFetch';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { CalendarSkeleton } from './CalendarSkeleton';
import { ErrorNotice } from './ErrorNotice';
import { focusHeading } from './focus';
import { publicFetch } from './publicApi';
import { isSlotUnavailable, unavailableSentence } from './reasons';
import { SlotCalendar } from './SlotCalendar';
import { refreshCached } from './useCachedQuery';
import { formatDateIn, formatTime, type Visitor } from './time';
import type { ManagedReservation, PublicSlot, SlotRange, SlotsResponse } from './types';
import styles from './ManageBooking.module.css';

export const manageSlotsKey = (token: string) => ['manage-slots', token];

/**
 * "Choose a new time": the booking calendar against the manage slots endpoint (the booking's
 * own time shown but not offered), then a confirmation of the move. A time taken meanwhile
 * (409 slot_unavailable) sends the customer back to fresh times, the booking unchanged.
 */
export function RescheduleCard({
  token,
  booking,
  visitor,
  onMoved,
  onClose,
  onStale,
}: {
  token: string;
  booking: ManagedReservation;
  visitor: Visitor | null;
  onMoved: (view: ManagedReservation) => void;
  onClose: () => void;
  onStale: () => void;
}) {
  const queryClient = useQueryClient();
  const [newSlot, setNewSlot] = useState<PublicSlot | null>(null);
  /** The time just refused (409 slot_unavailable), and why. */
  const [taken, setTaken] = useState<{ time: string; why: string } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const base = `/reservations/${encodeURIComponent(token)}`;

  // The calendar or the confirmation takes focus when it replaces the other.
  const showing = newSlot ? 'confirm' : 'calendar';
  useEffect(() => {
    focusHeading(showing === 'confirm' ? confirmRef.current : headingRef.current);
  }, [showing]);

  const move = useMutation({
    mutationFn: (slot: PublicSlot) =>
      publicFetch<ManagedReservation>(`${base}/reschedule`, {
        method: 'POST',
        body: { start_datetime: slot.start_datetime },
      }),
    onSuccess: (view) => {
      void refreshCached(queryClient, manageSlotsKey(token));
      onMoved(view);
    },
    onError: (error, slot) => {
      if (isSlotUnavailable(error)) {
        setNewSlot(null);
        setTaken({
          time: visitor ? formatTime(slot.start_datetime, visitor) : 'That time',
          why: unavailableSentence(error),
        });
        move.reset();
        void refreshCached(queryClient, manageSlotsKey(token));
      } else if (error instanceof ApiError && error.code === 'invalid_transition') {
        onStale();
      }
    },
  });

  const fetchSlots = (range: SlotRange) =>
    publicFetch<SlotsResponse>(`${base}/slots?${new URLSearchParams({ ...range })}`);

  return (
    <section className={styles.card} aria-labelledby="move-heading">
      <div className={styles.cardTop}>
        <h2 id="move-heading" ref={headingRef} tabIndex={-1} className={styles.heading}>
          Choose a new time
        </h2>
        <button type="button" className={styles.close} onClick={onClose}>
          Keep current time
        </button>
      </div>
      {newSlot && visitor ? (
        <div className={styles.panel} role="group" aria-labelledby="confirm-move-heading">
          <h3
            id="confirm-move-heading"
            ref={confirmRef}
            tabIndex={-1}
            className={styles.panelHeading}
          >
            Move your booking?
          </h3>
          <MoveComparison from={booking} to={newSlot} visitor={visitor} />
          {move.isError && <ErrorNotice title="Your booking wasn’t moved." error={move.error} />}
          <div className={styles.panelActions}>
            <Button variant="primary" loading={move.isPending} onClick={() => move.mutate(newSlot)}>
              Confirm new time
            </Button>
            <Button
              variant="secondary"
              disabled={move.isPending}
              onClick={() => {
                move.reset();
                setNewSlot(null);
              }}
            >
              Choose another time
            </Button>
          </div>
        </div>
      ) : visitor ? (
        <SlotCalendar
          queryKey={manageSlotsKey(token)}
          fetchSlots={fetchSlots}
          visitor={visitor}
          businessZone={booking.organization.timezone}
          selectedStart={null}
          currentStart={booking.start_datetime}
          initialStart={booking.start_datetime}
          onSelect={(slot) => {
            setTaken(null);
            setNewSlot(slot);
          }}
          notice={
            taken && (
              <Alert tone="warning" title={`Sorry, ${taken.time} is no longer available`}>
                {taken.why} Please choose another time — your booking hasn’t changed.
              </Alert>
            )
          }
        />
      ) : (
        <CalendarSkeleton />
      )}
    </section>
  );
}

/** "From 10:30–11:15 / To Wed 2 Dec, 11:00–11:45", the old date only when the day changes. */
function MoveComparison({
  from,
  to,
  visitor,
}: {
  from: { start_datetime: string; end_datetime: string };
  to: PublicSlot;
  visitor: Visitor;
}) {
  const day = (iso: string) => formatDateIn(iso, visitor.timeZone, visitor.locale);
  const range = (start: string, end: string) => (
    <span className={styles.nowrap}>
      {formatTime(start, visitor)}–{formatTime(end, visitor)}
    </span>
  );
  const sameDay = day(from.start_datetime) === day(to.start_datetime);
  return (
    <dl className={styles.move}>
      <div>
        <dt>From</dt>
        <dd className={styles.from}>
          {!sameDay && <span>{day(from.start_datetime)}, </span>}
          {range(from.start_datetime, from.end_datetime)}
        </dd>
      </div>
      <div>
        <dt>To</dt>
        <dd>
          <strong>
            {day(to.start_datetime)}, {range(to.start_datetime, to.end_datetime)}
          </strong>
        </dd>
      </div>
    </dl>
  );
}
