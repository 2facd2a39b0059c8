'use client';

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  addDays,
  addMonths,
  firstDayOf,
  firstWeekday,
  formatDayKey,
  formatMonth,
  isoWeekday,
  lastDayOf,
  monthOf,
} from './time';
import styles from './MonthGrid.module.css';

export interface MonthGridProps {
  month: string;
  today: string;
  locale: string;
  /** Days with at least one slot; null while the month's slots load. */
  availableDays: ReadonlySet<string> | null;
  selectedDay: string | null;
  minMonth: string;
  maxMonth: string;
  onSelectDay: (day: string) => void;
  onMonthChange: (month: string) => void;
}

/** The month's days as six weeks, padded with nulls, starting on the locale's first weekday. */
function weeksOf(month: string, weekStart: number): (string | null)[][] {
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  const lead = (isoWeekday(first) - weekStart + 7) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = first; day <= last; day = addDays(day, 1)) cells.push(day);
  // Always six rows, so switching months never moves what is below the calendar.
  while (cells.length < 42) cells.push(null);
  const weeks = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * A month of days as an ARIA grid: one tab stop, arrows move by day and week, Home/End to the
 * week's ends, PageUp/PageDown by month. Days without times stay focusable (so arrows can
 * cross them) but say they have no times and cannot be chosen.
 */
export function MonthGrid({
  month,
  today,
  locale,
  availableDays,
  selectedDay,
  minMonth,
  maxMonth,
  onSelectDay,
  onMonthChange,
}: MonthGridProps) {
  const weekStart = useMemo(() => firstWeekday(locale), [locale]);
  const weeks = useMemo(() => weeksOf(month, weekStart), [month, weekStart]);
  const weekdays = useMemo(
    () =>
      weeks[1]!.map((day) => ({
        short: formatDayKey(day!, locale, { weekday: 'short' }),
        long: formatDayKey(day!, locale, { weekday: 'long' }),
      })),
    [weeks, locale],
  );
  const gridRef = useRef<HTMLTableElement>(null);
  const [focusDay, setFocusDay] = useState<string | null>(null);
  const moveFocusTo = useRef<string | null>(null);

  // The tab stop: the selected day, else the first day with times, else today, else the 1st.
  const firstAvailable = availableDays
    ? [...availableDays].filter((d) => monthOf(d) === month).sort()[0]
    : undefined;
  const tabStop =
    [focusDay, selectedDay, firstAvailable, today].find((d) => d && monthOf(d) === month) ??
    firstDayOf(month);

  useEffect(() => {
    const target = moveFocusTo.current;
    if (!target || monthOf(target) !== month) return;
    moveFocusTo.current = null;
    gridRef.current?.querySelector<HTMLButtonElement>(`[data-day="${target}"]`)?.focus();
  }, [month, focusDay]);

  function focus(day: string) {
    const target = monthOf(day);
    if (target < minMonth || target > maxMonth) return;
    moveFocusTo.current = day;
    setFocusDay(day);
    if (target !== month) onMonthChange(target);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const day = (event.target as HTMLElement).dataset.day;
    if (!day) return;
    const weekday = (isoWeekday(day) - weekStart + 7) % 7;
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(day, -1),
      ArrowRight: () => addDays(day, 1),
      ArrowUp: () => addDays(day, -7),
      ArrowDown: () => addDays(day, 7),
      Home: () => addDays(day, -weekday),
      End: () => addDays(day, 6 - weekday),
      PageUp: () => shiftMonth(day, -1),
      PageDown: () => shiftMonth(day, 1),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    focus(move());
  }

  const loading = availableDays === null;
  const monthLabel = formatMonth(month, locale);

  return (
    <div className={styles.calendar}>
      <div className={styles.header}>
        <h3 className={styles.month} id={`month-${month}`}>
          {monthLabel}
        </h3>
        <div className={styles.nav}>
          <button
            type="button"
            className={styles.navButton}
            onClick={() => onMonthChange(addMonths(month, -1))}
            disabled={month <= minMonth}
            aria-label="Previous month"
          >
            <Chevron direction="left" />
          </button>
          <button
            type="button"
            className={styles.navButton}
            onClick={() => onMonthChange(addMonths(month, 1))}
            disabled={month >= maxMonth}
            aria-label="Next month"
          >
            <Chevron direction="right" />
          </button>
        </div>
      </div>
      <table
        ref={gridRef}
        role="grid"
        className={styles.grid}
        aria-labelledby={`month-${month}`}
        aria-busy={loading || undefined}
        onKeyDown={onKeyDown}
      >
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th key={w.long} scope="col" abbr={w.long} className={styles.weekday}>
                {w.short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={i}>
              {week.map((day, j) => {
                if (!day) return <td key={`pad-${j}`} className={styles.pad} />;
                const past = day < today;
                const available = !past && Boolean(availableDays?.has(day));
                const selected = day === selectedDay;
                const state = past
                  ? 'past'
                  : loading
                    ? 'loading'
                    : available
                      ? 'available'
                      : 'unavailable';
                const label = [
                  formatDayKey(day, locale, { weekday: 'long', day: 'numeric', month: 'long' }),
                  day === today ? 'today' : null,
                  loading && !past
                    ? 'checking times'
                    : available
                      ? 'times available'
                      : 'no times available',
                ]
                  .filter(Boolean)
                  .join(', ');
                return (
                  <td key={day} role="gridcell" aria-selected={selected} className={styles.cell}>
                    <button
                      type="button"
                      data-day={day}
                      data-state={state}
                      className={styles.day}
                      tabIndex={day === tabStop ? 0 : -1}
                      aria-label={label}
                      aria-current={day === today ? 'date' : undefined}
                      aria-disabled={!available || undefined}
                      aria-pressed={selected}
                      onClick={() => {
                        setFocusDay(day);
                        if (available) onSelectDay(day);
                      }}
                    >
                      {Number(day.slice(8))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function shiftMonth(day: string, months: number): string {
  const target = addMonths(monthOf(day), months);
  const last = lastDayOf(target);
  const wanted = `${target}-${day.slice(8)}`;
  return wanted > last ? last : wanted;
}

function Chevron({ direction }: { direction: 'left' | 'right' }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d={direction === 'left' ? 'M10 3.5L5.5 8l4.5 4.5' : 'M6 3.5L10.5 8 6 12.5'}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
