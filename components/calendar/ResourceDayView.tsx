'use client';

import { useMemo, useRef, useState, type DragEvent } from 'react';
import { STATUS_LABELS, isMovable } from '@/components/reservations/status';
import { formatTimeRange, minutesInZone, zonedInstant } from '@/components/reservations/time';
import type { Reservation, Resource, Service } from '@/components/reservations/types';
import { serviceColor } from './colors';
import { layoutLanes } from './layoutLanes';
import styles from './ResourceDayView.module.css';

const HOUR_PX = 56;
const SNAP_MINUTES = 15;

export interface ResourceMove {
  reservationId: string;
  /** Set when the booking was dropped in another resource's column. */
  resourceId?: string;
  /** Set when it was dropped at another time. */
  startInstant?: string;
}

interface ResourceDayViewProps {
  date: string;
  timeZone: string;
  resources: readonly Resource[];
  reservations: readonly Reservation[];
  services: ReadonlyMap<string, Service>;
  onOpen: (reservationId: string) => void;
  onEmptySlot: (date: string, startInstant: string | null) => void;
  onMove: (move: ResourceMove) => void;
}

/**
 * One column per resource for one day (our own grid: FullCalendar's resource views are
 * premium). A booking that holds several resources shows in each of their columns. Drag a
 * booking to another column to re-allocate it (PATCH preferred_resource_id), or up/down to
 * move it; every booking is a button that opens the drawer.
 */
export function ResourceDayView({
  date,
  timeZone,
  resources,
  reservations,
  services,
  onOpen,
  onEmptySlot,
  onMove,
}: ResourceDayViewProps) {
  const grab = useRef<{ id: string; offsetPx: number; fromResource: string } | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);

  const placed = useMemo(
    () =>
      reservations.map((r) => {
        const start = minutesInZone(r.start_datetime, timeZone);
        const lengthMin = Math.max(
          15,
          (new Date(r.end_datetime).getTime() - new Date(r.start_datetime).getTime()) / 60_000,
        );
        return { r, start, end: start + lengthMin };
      }),
    [reservations, timeZone],
  );

  // Business-ish hours, stretched to whatever is booked that day.
  const firstHour = Math.min(8, ...placed.map((p) => Math.floor(p.start / 60)));
  const lastHour = Math.max(20, ...placed.map((p) => Math.ceil(p.end / 60)));
  const hours = Array.from({ length: lastHour - firstHour }, (_, i) => firstHour + i);
  const heightPx = hours.length * HOUR_PX;
  const pxPerMinute = HOUR_PX / 60;

  const columns = resources.map((resource) => {
    const mine = placed.filter((p) => p.r.resource_ids.includes(resource.id));
    return { resource, items: layoutLanes(mine) };
  });
  const unallocated = placed.filter((p) => p.r.resource_ids.length === 0);

  function minutesAt(event: DragEvent<HTMLElement> | React.MouseEvent<HTMLElement>, offsetPx = 0) {
    const rect = event.currentTarget.getBoundingClientRect();
    const y = event.clientY - rect.top - offsetPx;
    const raw = firstHour * 60 + y / pxPerMinute;
    return Math.max(0, Math.round(raw / SNAP_MINUTES) * SNAP_MINUTES);
  }

  function handleDrop(event: DragEvent<HTMLDivElement>, resourceId: string) {
    event.preventDefault();
    setDropTarget(null);
    const current = grab.current;
    grab.current = null;
    if (!current) return;
    const item = placed.find((p) => p.r.id === current.id);
    if (!item) return;
    const minutes = minutesAt(event, current.offsetPx);
    const move: ResourceMove = { reservationId: current.id };
    if (resourceId !== current.fromResource) move.resourceId = resourceId;
    if (Math.abs(minutes - item.start) >= SNAP_MINUTES) {
      move.startInstant = zonedInstant(date, timeZone, minutes).toISOString();
    }
    if (move.resourceId || move.startInstant) onMove(move);
  }

  if (resources.length === 0) {
    return <p className={styles.empty}>No resources yet. Add staff, rooms or equipment first.</p>;
  }

  return (
    <div className={styles.scroller} role="region" aria-label="Bookings by resource" tabIndex={0}>
      <div
        className={styles.grid}
        style={{ gridTemplateColumns: `56px repeat(${columns.length}, minmax(140px, 1fr))` }}
      >
        <div className={styles.corner} aria-hidden="true" />
        {columns.map(({ resource }) => (
          <div key={resource.id} className={styles.head} role="columnheader">
            <span className={styles.headName}>{resource.name}</span>
            <span className={styles.headMeta}>
              {resource.type}
              {resource.quantity > 1 ? ` × ${resource.quantity}` : ''}
            </span>
          </div>
        ))}

        <div
          className={styles.gutter}
          style={{ height: heightPx, backgroundSize: `100% ${HOUR_PX}px` }}
          aria-hidden="true"
        >
          {hours.map((h) => (
            <span key={h} className={styles.hour} style={{ top: (h - firstHour) * HOUR_PX }}>
              {String(h).padStart(2, '0')}:00
            </span>
          ))}
        </div>

        {columns.map(({ resource, items }) => (
          <div
            key={resource.id}
            className={`${styles.column} ${dropTarget === resource.id ? styles.dropTarget : ''}`}
            style={{
              height: heightPx,
              backgroundSize: `100% ${HOUR_PX}px, 100% ${HOUR_PX / 2}px`,
            }}
            role="list"
            aria-label={`${resource.name}: ${items.length} booking${items.length === 1 ? '' : 's'}`}
            onDragOver={(event) => {
              if (!grab.current) return;
              event.preventDefault();
              event.dataTransfer.dropEffect = 'move';
              if (dropTarget !== resource.id) setDropTarget(resource.id);
            }}
            onDragLeave={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget as Node | null))
                setDropTarget(null);
            }}
            onDrop={(event) => handleDrop(event, resource.id)}
            onClick={(event) => {
              if (event.target !== event.currentTarget) return;
              onEmptySlot(date, zonedInstant(date, timeZone, minutesAt(event)).toISOString());
            }}
          >
            {items.map(({ item, lane, lanes }) => {
              const { r } = item;
              const service = services.get(r.service_id);
              const movable = isMovable(r.status);
              const height = Math.max(22, (item.end - item.start) * pxPerMinute - 2);
              // Too short for stacked lines: time and name share the one line there is.
              const compact = height < 40;
              return (
                <div
                  key={r.id}
                  role="listitem"
                  className={styles.slot}
                  style={{
                    top: (item.start - firstHour * 60) * pxPerMinute,
                    height,
                    left: `calc(${(lane / lanes) * 100}% + 2px)`,
                    width: `calc(${100 / lanes}% - 4px)`,
                  }}
                >
                  <button
                    type="button"
                    className={`${styles.event} ${compact ? styles.compact : ''} ${
                      styles[`status_${r.status}`] ?? ''
                    }`}
                    style={{ '--event-color': serviceColor(service?.color) } as React.CSSProperties}
                    draggable={movable}
                    onDragStart={(event) => {
                      const rect = event.currentTarget.getBoundingClientRect();
                      grab.current = {
                        id: r.id,
                        offsetPx: event.clientY - rect.top,
                        fromResource: resource.id,
                      };
                      event.dataTransfer.effectAllowed = 'move';
                      event.dataTransfer.setData('text/plain', r.id);
                    }}
                    onDragEnd={() => {
                      grab.current = null;
                      setDropTarget(null);
                    }}
                    onClick={() => onOpen(r.id)}
                    aria-label={`${formatTimeRange(r.start_datetime, r.end_datetime, timeZone)}, ${
                      r.contact?.name ?? 'Unknown contact'
                    }, ${r.service?.name ?? ''}, ${STATUS_LABELS[r.status]}`}
                  >
                    <span className={styles.eventTime}>
                      {formatTimeRange(r.start_datetime, r.end_datetime, timeZone)}
                    </span>
                    <span className={styles.eventTitle}>
                      {r.contact?.name ?? 'Unknown contact'}
                    </span>
                    <span className={styles.eventMeta}>
                      {r.service?.name}
                      {r.status !== 'confirmed' && (
                        <span className={styles.badge}>{STATUS_LABELS[r.status]}</span>
                      )}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
        ))}
      </div>
      {unallocated.length > 0 && (
        <p className={styles.note}>
          {unallocated.length} cancelled booking{unallocated.length === 1 ? '' : 's'} hold no
          resource and are not shown here.
        </p>
      )}
    </div>
  );
}
