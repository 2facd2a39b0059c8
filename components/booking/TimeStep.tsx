'use client';

import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, type Ref } from 'react';
import { Alert } from '@/components/ui/Alert';
import { CalendarSkeleton } from './CalendarSkeleton';
import { SlotCalendar } from './lazySteps';
import { formatPrice } from './money';
import { publicFetch, SLOTS_STALE_MS } from './publicApi';
import { dayKeyOf, firstDayOf, formatDuration, lastDayOf, monthOf, type Visitor } from './time';
import type {
  PublicBookingPage,
  PublicService,
  PublicSlot,
  SlotRange,
  SlotsResponse,
} from './types';
import styles from './BookingFlow.module.css';

export const slotKey = (slug: string, serviceId?: string) =>
  serviceId ? ['booking-slots', slug, serviceId] : ['booking-slots', slug];

/** The "Date & time" step: the chosen service, party size when it matters, the calendar. */
export function TimeStep({
  page,
  service,
  partySize,
  onPartySize,
  visitor,
  selectedStart,
  reopenAt,
  taken,
  headingRef,
  onBack,
  onSelect,
}: {
  page: PublicBookingPage;
  service: PublicService;
  partySize: number;
  onPartySize: (size: number) => void;
  visitor: Visitor | null;
  selectedStart: string | null;
  /** Reopen on this time's day (going back, or after it was taken). */
  reopenAt: string | null;
  /** The chosen time was just taken by someone else. */
  taken: boolean;
  headingRef: Ref<HTMLHeadingElement>;
  onBack: (() => void) | null;
  onSelect: (slot: PublicSlot) => void;
}) {
  const queryClient = useQueryClient();
  const fetchSlots = (range: SlotRange) =>
    publicFetch<SlotsResponse>(
      `/booking-links/${encodeURIComponent(page.slug)}/slots?${new URLSearchParams({
        service_id: service.id,
        party_size: String(partySize),
        ...range,
      })}`,
    );
  const calendarKey = [...slotKey(page.slug, service.id), partySize];

  // The first month's slots, fetched while the calendar's code loads (under its own key).
  const zone = visitor?.timeZone;
  useEffect(() => {
    if (!zone || reopenAt) return;
    const month = monthOf(dayKeyOf(new Date(), zone));
    void queryClient.prefetchQuery({
      queryKey: [...calendarKey, zone, month],
      queryFn: () =>
        fetchSlots({ date: firstDayOf(month), end_date: lastDayOf(month), timezone: zone }),
      staleTime: SLOTS_STALE_MS,
    });
    // Runs for what the key is made of; calendarKey and fetchSlots are new each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [zone, reopenAt, service.id, partySize]);

  const price = formatPrice(service.price_amount, service.currency);
  const sizes = Array.from(
    { length: Math.min(service.max_party_size, 100) - service.min_party_size + 1 },
    (_, i) => service.min_party_size + i,
  );

  return (
    <section className={styles.step} aria-labelledby="step-heading">
      <div className={styles.stepTop}>
        <h2 id="step-heading" ref={headingRef} tabIndex={-1} className={styles.heading}>
          Choose a date and time
        </h2>
        {onBack && (
          <button type="button" className={styles.back} onClick={onBack}>
            ← Services
          </button>
        )}
      </div>
      <p className={styles.serviceLine}>
        <span className={styles.serviceName}>{service.name}</span>
        <span className="muted">
          {formatDuration(service.duration_minutes)}
          {price ? ` · ${price}` : ''}
        </span>
      </p>
      {service.max_party_size > 1 && (
        <div className={styles.party}>
          <label htmlFor="party-size">Number of people</label>
          <select
            id="party-size"
            value={partySize}
            onChange={(event) => onPartySize(Number(event.target.value))}
          >
            {sizes.map((n) => (
              <option key={n} value={n}>
                {n} {n === 1 ? 'person' : 'people'}
              </option>
            ))}
          </select>
        </div>
      )}
      {visitor ? (
        <Suspense fallback={<CalendarSkeleton />}>
          <SlotCalendar
            key={`${service.id}:${partySize}`}
            queryKey={calendarKey}
            fetchSlots={fetchSlots}
            visitor={visitor}
            businessZone={page.organization.timezone}
            selectedStart={selectedStart}
            initialStart={reopenAt}
            onSelect={onSelect}
            notice={
              taken && (
                <Alert tone="warning" title="Sorry, that time was just taken">
                  Someone booked it a moment before you. Please choose another time — what you typed
                  is kept.
                </Alert>
              )
            }
          />
        </Suspense>
      ) : (
        <CalendarSkeleton />
      )}
    </section>
  );
}
