'use client';

import FullCalendar, {
  type CalendarController,
  type DateClickInfo,
  type DatesSetInfo,
  type EventClickInfo,
  type EventDisplayInfo,
  type EventDropInfo,
  type EventInput,
} from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { useMemo } from 'react';
import { STATUS_LABELS, isMovable } from '@/components/reservations/status';
import type { Reservation, Service } from '@/components/reservations/types';
import { calendarStrToInstant } from './calendarTime';
import { serviceColor } from './colors';
import styles from './ReservationCalendar.module.css';

export type CalendarView = 'timeGridDay' | 'timeGridWeek' | 'dayGridMonth' | 'listWeek';

export interface VisibleRange {
  from: string;
  to: string;
  title: string;
  /** The date the view is about (`YYYY-MM-DD` in the zone), for other views to pick up. */
  anchor: string;
}

interface ReservationCalendarProps {
  controller: CalendarController;
  timeZone: string;
  initialView: CalendarView;
  initialDate: string;
  reservations: readonly Reservation[];
  services: ReadonlyMap<string, Service>;
  onRangeChange: (range: VisibleRange) => void;
  onOpen: (reservationId: string) => void;
  onEmptySlot: (date: string, startInstant: string | null) => void;
  onMove: (reservationId: string, startInstant: string, revert: () => void) => void;
}

/** Week/day/month/list calendar of reservations, in the organization's time zone. */
export function ReservationCalendar({
  controller,
  timeZone,
  initialView,
  initialDate,
  reservations,
  services,
  onRangeChange,
  onOpen,
  onEmptySlot,
  onMove,
}: ReservationCalendarProps) {
  const events = useMemo<EventInput[]>(
    () =>
      reservations.map((r) => {
        const color = serviceColor(services.get(r.service_id)?.color);
        return {
          id: r.id,
          title: `${r.contact?.name ?? 'Unknown contact'} · ${r.service?.name ?? 'Service'}`,
          start: r.start_datetime,
          end: r.end_datetime,
          color,
          // Duration is fixed by the service: drag to move, never resize.
          startEditable: isMovable(r.status),
          durationEditable: false,
          extendedProps: { reservation: r },
        };
      }),
    [reservations, services],
  );

  return (
    <div className={styles.calendar}>
      <FullCalendar
        controller={controller}
        plugins={[classicThemePlugin, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
        // The page shows its own empty-range hint; FullCalendar's would sit on top of it.
        noEventsContent={() => null}
        initialView={initialView}
        initialDate={initialDate}
        timeZone={timeZone}
        headerToolbar={false}
        height="100%"
        events={events}
        editable
        eventDurationEditable={false}
        firstDay={1}
        nowIndicator
        allDaySlot={false}
        slotMinTime="06:00:00"
        slotMaxTime="23:00:00"
        scrollTime="08:00:00"
        slotDuration="00:30:00"
        eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        slotHeaderFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        dayMaxEvents={3}
        navLinks={false}
        eventClass={eventClass}
        columnEventClass={styles.block}
        eventContent={EventContent}
        datesSet={(info: DatesSetInfo) => {
          const from = calendarStrToInstant(info.startStr, timeZone);
          const to = calendarStrToInstant(info.endStr, timeZone);
          const anchor = info.view.calendar.formatIso(info.view.currentStart, true).slice(0, 10);
          onRangeChange({ from, to, title: info.view.title, anchor });
        }}
        eventClick={(info: EventClickInfo) => {
          info.jsEvent.preventDefault();
          onOpen(info.event.id);
        }}
        dateClick={(info: DateClickInfo) => {
          const date = info.dateStr.slice(0, 10);
          onEmptySlot(date, info.allDay ? null : calendarStrToInstant(info.dateStr, timeZone));
        }}
        eventDrop={(info: EventDropInfo) => {
          onMove(info.event.id, calendarStrToInstant(info.event.startStr, timeZone), info.revert);
        }}
      />
    </div>
  );
}

function eventClass(info: EventDisplayInfo): string {
  const status = (info.event.extendedProps.reservation as Reservation).status;
  return `${styles.event} ${styles[`status_${status}`] ?? ''}`;
}

function EventContent(info: EventDisplayInfo) {
  const r = info.event.extendedProps.reservation as Reservation;
  return (
    <div className={styles.content}>
      <span className={styles.line}>
        <span className={styles.time}>{info.timeText}</span>
        {r.status !== 'confirmed' && (
          <span className={styles.badge}>{STATUS_LABELS[r.status]}</span>
        )}
      </span>
      <span className={`${styles.line} ${styles.title}`}>
        {r.contact?.name ?? 'Unknown contact'}
        {r.party_size > 1 && <span className={styles.service}> ×{r.party_size}</span>}
      </span>
      <span className={`${styles.line} ${styles.service}`}>{r.service?.name}</span>
    </div>
  );
}
