'use client';

import { Button } from '@/components/ui';
import styles from './ReservationsView.module.css';

export type ViewName = 'timeGridDay' | 'timeGridWeek' | 'dayGridMonth' | 'listWeek' | 'resourceDay';

const VIEW_LABELS: Record<ViewName, string> = {
  timeGridDay: 'Day',
  timeGridWeek: 'Week',
  dayGridMonth: 'Month',
  listWeek: 'List',
  resourceDay: 'Resources',
};

interface CalendarToolbarProps {
  title: string;
  view: ViewName;
  views: readonly ViewName[];
  onView: (view: ViewName) => void;
  onPrev: () => void;
  onNext: () => void;
  onToday: () => void;
  busy: boolean;
}

/** Date navigation and the view switcher (a radio-like group of toggle buttons). */
export function CalendarToolbar({
  title,
  view,
  views,
  onView,
  onPrev,
  onNext,
  onToday,
  busy,
}: CalendarToolbarProps) {
  return (
    <div className={styles.toolbar}>
      <div className={styles.nav}>
        <Button size="sm" variant="secondary" onClick={onToday}>
          Today
        </Button>
        <Button size="sm" variant="ghost" onClick={onPrev} aria-label="Previous">
          <Chevron dir="left" />
        </Button>
        <Button size="sm" variant="ghost" onClick={onNext} aria-label="Next">
          <Chevron dir="right" />
        </Button>
        <h2 className={styles.rangeTitle} aria-live="polite" aria-busy={busy || undefined}>
          {title}
        </h2>
      </div>
      <div className={styles.views} role="group" aria-label="Calendar view">
        {views.map((name) => (
          <button
            key={name}
            type="button"
            className={styles.viewButton}
            aria-pressed={view === name}
            onClick={() => onView(name)}
          >
            {VIEW_LABELS[name]}
          </button>
        ))}
      </div>
    </div>
  );
}

function Chevron({ dir }: { dir: 'left' | 'right' }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d={dir === 'left' ? 'M10 3.5L5.5 8l4.5 4.5' : 'M6 3.5L10.5 8 6 12.5'}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
