'use client';

import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef, type Ref } from 'react';
import { Alert } from '@/components/ui/Alert';
import { CalendarSkeleton } from './CalendarSkeleton';
import { dayKey, monthKey } from './calendarKeys';
import { SlotCalendar } from './lazySteps';
import { formatPrice } from './money';
import { publicFetch, SLOTS_STALE_MS } from './publicApi';
import { dayKeyOf, firstDayOf, formatDuration, lastDayOf, monthOf, type Visitor } from './time';
import type {
  DaysResponse,
  PublicBookingPage,
  PublicService,
  PublicSlot,
  SlotRange,
  SlotsResponse,
  TimeNotice,
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
  pendingStart,
  reopenAt,
  notice,
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
  /** The time being held. */
  pendingStart: string | null;
  /** Reopen on this time's day (going back, or after it was taken). */
  reopenAt: string | null;
  /** Why the time just chosen could not be kept; focused when it appears on this step. */
  notice: (TimeNotice & { focus: boolean }) | null;
  headingRef: Ref<HTMLHeadingElement>;
  onBack: (() => void) | null;
  onSelect: (slot: PublicSlot) => void;
}) {
  const queryClient = useQueryClient();
  const noticeRef = useRef<HTMLDivElement>(null);
  const base = `/booking-links/${encodeURIComponent(page.slug)}/`;
  const query = (range: SlotRange) =>
    new URLSearchParams({ service_id: service.id, party_size: String(partySize), ...range });
  const fetchSlots = (range: SlotRange) =>
    publicFetch<SlotsResponse>(`${base}slots?${query(range)}`);
  const fetchDays = (range: SlotRange) => publicFetch<DaysResponse>(`${base}days?${query(range)}`);
  const calendarKey = [...slotKey(page.slug, service.id), partySize];

  // The first month's days, then its first day's times, fetched while the calendar's code
  // loads (under the calendar's own keys).
  const zone = visitor?.timeZone;
  useEffect(() => {
    if (!zone || reopenAt) return;
    const today = dayKeyOf(new Date(), zone);
    const month = monthOf(today);
    const key = monthKey(calendarKey, zone, month, true);
    void queryClient
      .fetchQuery({
        queryKey: key,
        queryFn: () =>
          fetchDays({ date: firstDayOf(month), end_date: lastDayOf(month), timezone: zone }),
        staleTime: SLOTS_STALE_MS,
      })
      .then((data) => {
        const first = data.days.find((d) => d.slot_count > 0 && d.date >= today)?.date;
        if (!first) return;
        return queryClient.prefetchQuery({
          queryKey: dayKey(calendarKey, zone, first),
          queryFn: () => fetchSlots({ date: first, end_date: first, timezone: zone }),
          staleTime: SLOTS_STALE_MS,
        });
      })
      .catch(() => {
        // The calendar asks again and shows the error.
      });
    // Runs for what the key is made of; calendarKey and the fetchers are new each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [zone, reopenAt, service.id, partySize]);

  useEffect(() => {
    if (notice?.focus) noticeRef.current?.focus();
  }, [notice]);

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
            fetchDays={fetchDays}
            visitor={visitor}
            businessZone={page.organization.timezone}
            selectedStart={selectedStart}
            pendingStart={pendingStart}
            initialStart={reopenAt}
            maxAdvanceDays={service.max_advance_days}
            showPlacesLeft={service.capacity !== null}
            onSelect={onSelect}
            notice={
              notice && (
                <div ref={noticeRef} tabIndex={-1} className={styles.notice}>
                  <Alert tone={notice.tone} title={notice.title}>
                    {notice.text}
                  </Alert>
                </div>
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
