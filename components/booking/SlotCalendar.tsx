'use client';

import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/Button';
import { OutageNotice, useRetryOutagesNow } from '@/components/ui/OutageNotice';
import { TimesSkeleton } from './CalendarSkeleton';
import { dayKey, monthKey } from './calendarKeys';
import { ErrorNotice } from './ErrorNotice';
import { MonthGrid } from './MonthGrid';
import { TimeList } from './TimeList';
import { SLOTS_STALE_MS } from './publicApi';
import { useCachedQuery } from './useCachedQuery';
import {
  addDays,
  addMonths,
  dayKeyOf,
  firstDayOf,
  formatDayKey,
  formatMonth,
  lastDayOf,
  monthOf,
  type Visitor,
} from './time';
import type { DaysResponse, PublicSlot, SlotRange, SlotsResponse } from './types';
import styles from './SlotCalendar.module.css';

export interface SlotCalendarProps {
  /** Identifies what is being booked; the visitor's zone and the month or day are appended. */
  queryKey: readonly unknown[];
  fetchSlots: (range: SlotRange) => Promise<SlotsResponse>;
  /**
   * The month's days with times (§16). Given, the month is one days query and only the chosen
   * day's slots are fetched; without it (the manage page) the month is one slot query.
   */
  fetchDays?: (range: SlotRange) => Promise<DaysResponse>;
  visitor: Visitor;
  businessZone: string;
  selectedStart: string | null;
  /** The time being held right now (its button says so). */
  pendingStart?: string | null;
  /** The booking being moved: shown, but not offered. */
  currentStart?: string | null;
  /** Opens on this instant's month and day (e.g. the time chosen before going back). */
  initialStart?: string | null;
  /** How far ahead the service takes bookings; the month arrows stop there. */
  maxAdvanceDays?: number;
  /** A group service: each time says how many places are left. */
  showPlacesLeft?: boolean;
  onSelect: (slot: PublicSlot) => void;
  /** A message above the calendar, e.g. "that time was just taken". */
  notice?: ReactNode;
}

/** How far the month arrows go when the service's own limit is not known. */
const MONTHS_AHEAD = 12;

/**
 * Day and time for a booking: a month calendar from ONE query per visible month (first to
 * last day, in the visitor's zone, cached per month), then the chosen day's times.
 */
export function SlotCalendar({
  queryKey,
  fetchSlots,
  fetchDays,
  visitor,
  businessZone,
  selectedStart,
  pendingStart,
  currentStart,
  initialStart,
  maxAdvanceDays,
  showPlacesLeft,
  onSelect,
  notice,
}: SlotCalendarProps) {
  const zone = visitor.timeZone;
  const today = dayKeyOf(new Date(), zone);
  const minMonth = monthOf(today);
  const lastDay = maxAdvanceDays === undefined ? null : addDays(today, maxAdvanceDays);
  const maxMonth = lastDay ? monthOf(lastDay) : addMonths(minMonth, MONTHS_AHEAD);
  const startDay = initialStart ?? selectedStart ?? currentStart;
  const [initialMonth] = useState(() => {
    const wanted = startDay ? monthOf(dayKeyOf(startDay, zone)) : minMonth;
    return wanted < minMonth ? minMonth : wanted > maxMonth ? maxMonth : wanted;
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
  const byDays = Boolean(fetchDays);

  const range = (from: string, to: string): SlotRange => ({
    date: from,
    end_date: to,
    timezone: zone,
  });
  const monthQuery = useCachedQuery<DaysResponse | SlotsResponse>(
    monthKey(queryKey, zone, month, byDays),
    () =>
      fetchDays
        ? fetchDays(range(firstDayOf(month), lastDayOf(month)))
        : fetchSlots(range(firstDayOf(month), lastDayOf(month))),
    SLOTS_STALE_MS,
  );

  // Slots mode: the month's slots by day (the booking being moved does not make a day count).
  const byDay = useMemo(() => {
    const data = monthQuery.data;
    if (!data || !('slots' in data)) return null;
    const days = new Map<string, PublicSlot[]>();
    for (const slot of data.slots) {
      const day = dayKeyOf(slot.start_datetime, zone);
      if (!days.has(day)) days.set(day, []);
      days.get(day)!.push(slot);
    }
    return days;
  }, [monthQuery.data, zone]);

  const availableDays = daysWithTimes(monthQuery.data, byDay, month, today, currentStart);

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

  // Days mode: the chosen day's slots, fetched on their own.
  const dayQuery = useCachedQuery(
    dayKey(queryKey, zone, day),
    () => fetchSlots(range(day!, day!)),
    SLOTS_STALE_MS,
    byDays && day !== null,
  );
  const daySlots = !day
    ? []
    : byDays
      ? (dayQuery.data?.slots.filter((s) => dayKeyOf(s.start_datetime, zone) === day) ?? [])
      : (byDay?.get(day) ?? []);
  const timesLoading = monthQuery.isLoading || (byDays && dayQuery.isLoading);
  const timesError = monthQuery.isError ? monthQuery : byDays && dayQuery.isError ? dayQuery : null;
  // The server cannot be reached: the reads retry by themselves. The notice stands in for
  // times not loaded yet, or sits above the calendar when what it shows is kept.
  const outage = monthQuery.outage ?? (byDays ? dayQuery.outage : null);
  const outageInTimes = outage !== null && (timesLoading || timesError !== null);
  const retryNow = useRetryOutagesNow();
  // The day said it had times, but they went meanwhile: refresh the month so it greys out.
  const dayEmptied = byDays && Boolean(day) && dayQuery.data !== undefined && !daySlots.length;
  const refetchMonth = monthQuery.refetch;
  useEffect(() => {
    if (dayEmptied) refetchMonth();
    // refetchMonth is a new function each render; the month is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dayEmptied, month]);

  const monthLabel = formatMonth(month, visitor.locale);
  const dayLabel = day
    ? formatDayKey(day, visitor.locale, { weekday: 'long', day: 'numeric', month: 'long' })
    : '';

  const announcement = outage
    ? '' // the notice is a live region of its own
    : monthQuery.isLoading
      ? `Loading available times for ${monthLabel}…`
      : timesError
        ? ''
        : availableDays?.size
          ? `${availableDays.size} day${availableDays.size === 1 ? '' : 's'} with times in ${monthLabel}.` +
            (day && !timesLoading ? ` ${daySlots.length} times on ${dayLabel}.` : '')
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

  const nextMonth = addMonths(month, 1);

  return (
    <div className={styles.wrap}>
      <p id={liveId} className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {notice}
      {outage && !outageInTimes && (
        <OutageNotice compact outage={outage} onRetry={retryNow}>
          Showing the times loaded earlier.
        </OutageNotice>
      )}
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
            availableDays={monthQuery.isLoading || monthQuery.isError ? null : availableDays}
            selectedDay={day}
            minMonth={minMonth}
            maxMonth={maxMonth}
            onSelectDay={pickDay}
            onMonthChange={changeMonth}
          />
        </div>
        <div
          ref={timesRef}
          className={styles.timesPane}
          aria-busy={(timesLoading && !outage) || undefined}
        >
          {outageInTimes ? (
            <OutageNotice outage={outage} onRetry={retryNow}>
              The available times show once it answers.
            </OutageNotice>
          ) : timesError ? (
            <ErrorNotice
              title="We couldn’t load the available times."
              error={timesError.error}
              onRetry={timesError.refetch}
            />
          ) : timesLoading ? (
            <TimesSkeleton />
          ) : day && daySlots.length ? (
            <TimeList
              heading={dayLabel}
              slots={daySlots}
              visitor={visitor}
              selectedStart={selectedStart}
              pendingStart={pendingStart ?? null}
              currentStart={currentStart ?? null}
              showPlacesLeft={showPlacesLeft}
              onSelect={onSelect}
            />
          ) : day ? (
            <div className={styles.empty}>
              <p className={styles.emptyTitle}>No times left on {dayLabel}</p>
              <p className="muted">They were booked a moment ago. Please choose another day.</p>
            </div>
          ) : (
            <div className={styles.empty}>
              <p className={styles.emptyTitle}>No times left in {monthLabel}</p>
              {month < maxMonth ? (
                <>
                  <p className="muted">Try next month — new times open up regularly.</p>
                  <Button variant="primary" onClick={() => changeMonth(nextMonth)}>
                    Show {formatMonth(nextMonth, visitor.locale)}
                  </Button>
                </>
              ) : lastDay ? (
                <p className="muted">
                  Online booking opens {maxAdvanceDays} days ahead, up to{' '}
                  {formatDayKey(lastDay, visitor.locale, { day: 'numeric', month: 'long' })}.
                </p>
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

/** The month's days (from today) with a time to offer; null while the month loads. */
function daysWithTimes(
  data: DaysResponse | SlotsResponse | undefined,
  byDay: Map<string, PublicSlot[]> | null,
  month: string,
  today: string,
  currentStart: string | null | undefined,
): Set<string> | null {
  if (!data) return null;
  const days = new Set<string>();
  const offered = (day: string) => monthOf(day) === month && day >= today;
  if ('days' in data) {
    for (const d of data.days) if (d.slot_count > 0 && offered(d.date)) days.add(d.date);
  } else {
    for (const [day, slots] of byDay ?? []) {
      if (offered(day) && slots.some((s) => s.start_datetime !== currentStart)) days.add(day);
    }
  }
  return days;
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
