'use client';

import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/Button';
import { TimesSkeleton } from './CalendarSkeleton';
import { ErrorNotice } from './ErrorNotice';
import { MonthGrid } from './MonthGrid';
import { TimeList } from './TimeList';
import { SLOTS_STALE_MS } from './publicApi';
import { useCachedQuery } from './useCachedQuery';
import {
  addMonths,
  dayKeyOf,
  firstDayOf,
  formatDayKey,
  formatMonth,
  lastDayOf,
  monthOf,
  type Visitor,
} from './time';
import type { PublicSlot, SlotRange, SlotsResponse } from './types';
import styles from './SlotCalendar.module.css';

export interface SlotCalendarProps {
  /** Identifies what is being booked; the visitor's zone and the month are appended. */
  queryKey: readonly unknown[];
  fetchSlots: (range: SlotRange) => Promise<SlotsResponse>;
  visitor: Visitor;
  businessZone: string;
  selectedStart: string | null;
  /** The booking being moved: shown, but not offered. */
  currentStart?: string | null;
  /** Opens on this instant's month and day (e.g. the time chosen before going back). */
  initialStart?: string | null;
  onSelect: (slot: PublicSlot) => void;
  /** A message above the calendar, e.g. "that time was just taken". */
  notice?: ReactNode;
}

/** How far ahead the month arrows go (the service's own limit is not public). */
const MONTHS_AHEAD = 12;

/**
 * Day and time for a booking: a month calendar from ONE slot query per visible month
 * (first to last day, in the visitor's zone, cached per month), then the chosen day's times.
 */
export function SlotCalendar({
  queryKey,
  fetchSlots,
  visitor,
  businessZone,
  selectedStart,
  currentStart,
  initialStart,
  onSelect,
  notice,
}: SlotCalendarProps) {
  const zone = visitor.timeZone;
  const today = dayKeyOf(new Date(), zone);
  const minMonth = monthOf(today);
  const maxMonth = addMonths(minMonth, MONTHS_AHEAD);
  const startDay = initialStart ?? selectedStart ?? currentStart;
  const [initialMonth] = useState(() => {
    const wanted = startDay ? monthOf(dayKeyOf(startDay, zone)) : minMonth;
    return wanted < minMonth ? minMonth : wanted;
  });
  const [month, setMonth] = useState(initialMonth);
  const [pickedDay, setPickedDay] = useState<string | null>(() =>
    startDay ? dayKeyOf(startDay, zone) : null,
  );
  // Near the end of a month there may be nothing left in it: open on the next one, once.
  const [auto, setAuto] = useState<{ done: boolean; skipped: string | null }>({
    done: Boolean(startDay),
    skipped: null,
  });
  const timesRef = useRef<HTMLDivElement>(null);
  const liveId = useId();

  const query = useCachedQuery(
    [...queryKey, zone, month],
    () => fetchSlots({ date: firstDayOf(month), end_date: lastDayOf(month), timezone: zone }),
    SLOTS_STALE_MS,
  );

  const byDay = useMemo(() => {
    if (!query.data) return null;
    const days = new Map<string, PublicSlot[]>();
    for (const slot of query.data.slots) {
      const day = dayKeyOf(slot.start_datetime, zone);
      if (monthOf(day) !== month || day < today) continue;
      if (!days.has(day)) days.set(day, []);
      days.get(day)!.push(slot);
    }
    return days;
  }, [query.data, zone, month, today]);

  const availableDays = useMemo(() => {
    if (!byDay) return null;
    const days = new Set<string>();
    for (const [day, slots] of byDay) {
      if (slots.some((s) => s.start_datetime !== currentStart)) days.add(day);
    }
    return days;
  }, [byDay, currentStart]);

  if (!auto.done && availableDays && month === initialMonth) {
    const skip = availableDays.size === 0 && month < maxMonth;
    setAuto({ done: true, skipped: skip ? month : null });
    if (skip) setMonth(addMonths(month, 1));
  }

  const sortedDays = availableDays ? [...availableDays].sort() : [];
  const day =
    pickedDay && availableDays?.has(pickedDay) && monthOf(pickedDay) === month
      ? pickedDay
      : (sortedDays[0] ?? null);
  const daySlots = day ? (byDay?.get(day) ?? []) : [];
  const monthLabel = formatMonth(month, visitor.locale);
  const dayLabel = day
    ? formatDayKey(day, visitor.locale, { weekday: 'long', day: 'numeric', month: 'long' })
    : '';

  const announcement = query.isLoading
    ? `Loading available times for ${monthLabel}…`
    : query.isError
      ? ''
      : availableDays?.size
        ? `${availableDays.size} day${availableDays.size === 1 ? '' : 's'} with times in ${monthLabel}.` +
          (day ? ` ${daySlots.length} times on ${dayLabel}.` : '')
        : `No times left in ${monthLabel}.`;

  function changeMonth(next: string) {
    setMonth(next);
    setAuto({ done: true, skipped: null });
  }

  function pickDay(next: string) {
    setPickedDay(next);
    const narrow = window.matchMedia('(max-width: 719px)').matches;
    const calm = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (narrow) {
      requestAnimationFrame(() =>
        timesRef.current?.scrollIntoView({ behavior: calm ? 'auto' : 'smooth', block: 'start' }),
      );
    }
  }

  return (
    <div className={styles.wrap}>
      <p id={liveId} className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {notice}
      {zone !== businessZone && (
        <p className={styles.zoneNote}>
          <GlobeIcon />
          <span>
            Times shown in your time zone, <strong>{zone}</strong>. The business is in{' '}
            {businessZone}.
          </span>
        </p>
      )}
      {auto.skipped && month === addMonths(auto.skipped, 1) && (
        <p className={styles.skipNote}>
          No times left in {formatMonth(auto.skipped, visitor.locale)}, so we’re showing{' '}
          {monthLabel}.
        </p>
      )}
      <div className={styles.picker}>
        <div className={styles.calendarPane}>
          <MonthGrid
            month={month}
            today={today}
            locale={visitor.locale}
            availableDays={query.isLoading || query.isError ? null : availableDays}
            selectedDay={day}
            minMonth={minMonth}
            maxMonth={maxMonth}
            onSelectDay={pickDay}
            onMonthChange={changeMonth}
          />
        </div>
        <div ref={timesRef} className={styles.timesPane} aria-busy={query.isLoading || undefined}>
          {query.isError ? (
            <ErrorNotice
              title="We couldn’t load the available times."
              error={query.error}
              onRetry={query.refetch}
            />
          ) : query.isLoading ? (
            <TimesSkeleton />
          ) : day ? (
            <TimeList
              heading={dayLabel}
              slots={daySlots}
              visitor={visitor}
              selectedStart={selectedStart}
              currentStart={currentStart ?? null}
              onSelect={onSelect}
            />
          ) : (
            <div className={styles.empty}>
              <p className={styles.emptyTitle}>No times left in {monthLabel}</p>
              {month < maxMonth ? (
                <>
                  <p className="muted">Try next month — new times open up regularly.</p>
                  <Button variant="primary" onClick={() => changeMonth(addMonths(month, 1))}>
                    Show {formatMonth(addMonths(month, 1), visitor.locale)}
                  </Button>
                </>
              ) : (
                <p className="muted">Please contact the business to book.</p>
              )}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

function GlobeIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" className={styles.icon}>
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path
        d="M1.5 8h13M8 1.5c2 2 2.8 4 2.8 6.5S10 12.5 8 14.5C6 12.5 5.2 10.5 5.2 8S6 3.5 8 1.5z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.2"
      />
    </svg>
  );
}
