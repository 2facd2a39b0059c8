'use client';

import { useId } from 'react';
import { formatTime, hourOf, type Visitor } from './time';
import type { PublicSlot } from './types';
import styles from './TimeList.module.css';

const PARTS = [
  { name: 'Morning', from: 0, until: 12 },
  { name: 'Afternoon', from: 12, until: 17 },
  { name: 'Evening', from: 17, until: 24 },
] as const;

/** One day's start times as buttons, grouped into morning, afternoon and evening. */
export function TimeList({
  heading,
  slots,
  visitor,
  selectedStart,
  pendingStart = null,
  currentStart,
  showPlacesLeft,
  onSelect,
}: {
  heading: string;
  slots: readonly PublicSlot[];
  visitor: Visitor;
  selectedStart: string | null;
  /** Being held: the button says so, and no other time can be chosen meanwhile. */
  pendingStart?: string | null;
  currentStart: string | null;
  /** A group service: "3 places left" under each time. */
  showPlacesLeft?: boolean;
  onSelect: (slot: PublicSlot) => void;
}) {
  const headingId = useId();
  const groups = PARTS.map((part) => ({
    name: part.name,
    slots: slots.filter((slot) => {
      const hour = hourOf(slot.start_datetime, visitor.timeZone);
      return hour >= part.from && hour < part.until;
    }),
  })).filter((g) => g.slots.length);

  return (
    <section className={styles.list} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {heading}
      </h3>
      {groups.map((group) => (
        <div key={group.name} className={styles.group}>
          {groups.length > 1 && <h4 className={styles.groupName}>{group.name}</h4>}
          <ul className={styles.times} aria-label={`${group.name} times`}>
            {group.slots.map((slot) => {
              const current = slot.start_datetime === currentStart;
              const pending = slot.start_datetime === pendingStart;
              const places = slot.remaining_capacity;
              return (
                <li key={slot.start_datetime}>
                  <button
                    type="button"
                    className={styles.time}
                    aria-pressed={slot.start_datetime === selectedStart}
                    aria-busy={pending || undefined}
                    data-pending={pending || undefined}
                    disabled={current}
                    onClick={() => {
                      if (!pendingStart) onSelect(slot);
                    }}
                  >
                    {formatTime(slot.start_datetime, visitor)}
                    {current && <span className={styles.tag}>Current</span>}
                    {pending ? (
                      <span className={styles.tag}>Holding…</span>
                    ) : (
                      showPlacesLeft && (
                        <span className={styles.places} data-few={places <= 3 || undefined}>
                          {places} {places === 1 ? 'place' : 'places'} left
                        </span>
                      )
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
