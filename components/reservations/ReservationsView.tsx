'use client';

import { useCalendarController } from '@fullcalendar/react';
import { useDeferredValue, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { firstOutage } from '@/components/api/outage';
import { ReservationCalendar, type VisibleRange } from '@/components/calendar/ReservationCalendar';
import { ResourceDayView, type ResourceMove } from '@/components/calendar/ResourceDayView';
import { Alert, Button, Skeleton, Spinner } from '@/components/ui';
import { OutageNotice, useRetryOutagesNow } from '@/components/ui/OutageNotice';
import { ToastProvider, useToast } from '@/components/ui/Toast';
import { CalendarToolbar, type ViewName } from './CalendarToolbar';
import { actionFailure, bookingErrorMessage } from './errors';
import { FiltersBar } from './FiltersBar';
import {
  usePatchReservation,
  useReservationsInRange,
  useResources,
  useServices,
  type ReservationPatchBody,
} from './queries';
import { ReservationDrawer } from './ReservationDrawer';
import { ReservationFormDialog, type FormDialogState } from './ReservationFormDialog';
import { addDaysToDate, dateInZone, formatInZone, zonedInstant, zoneLabel } from './time';
import { EMPTY_FILTERS, type Organization, type ReservationFilters, type Service } from './types';
import { useMediaQuery } from './useMediaQuery';
import styles from './ReservationsView.module.css';

const WIDE_VIEWS: ViewName[] = [
  'timeGridDay',
  'timeGridWeek',
  'dayGridMonth',
  'listWeek',
  'resourceDay',
];
// Week and month grids are unreadable at 375 px: phones get day, list and resources.
const NARROW_VIEWS: ViewName[] = ['timeGridDay', 'listWeek', 'resourceDay'];

const noopSubscribe = () => () => {};

export function ReservationsView({ organization }: { organization: Organization }) {
  return (
    <ToastProvider>
      <ReservationsScreen organization={organization} />
    </ToastProvider>
  );
}

function ReservationsScreen({ organization }: { organization: Organization }) {
  const timeZone = organization.timezone;
  const toast = useToast();
  const controller = useCalendarController();
  const hydrated = useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
  const narrow = useMediaQuery('(max-width: 640px)');

  const [chosenView, setChosenView] = useState<ViewName>('timeGridWeek');
  const view: ViewName = narrow && !NARROW_VIEWS.includes(chosenView) ? 'listWeek' : chosenView;
  const [anchor, setAnchor] = useState(() => dateInZone(new Date(), timeZone));
  const [fcRange, setFcRange] = useState<VisibleRange | null>(null);
  const [filters, setFilters] = useState<ReservationFilters>(EMPTY_FILTERS);
  const deferredSearch = useDeferredValue(filters.search);
  const [debouncedSearch, setDebouncedSearch] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [form, setForm] = useState<FormDialogState | null>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => setDebouncedSearch(deferredSearch), 300);
    return () => window.clearTimeout(timer);
  }, [deferredSearch]);
  const queryFilters = useMemo(
    () => ({ ...filters, search: debouncedSearch }),
    [filters, debouncedSearch],
  );

  // FullCalendar owns its view after mounting; follow changes (e.g. a phone rotating).
  useEffect(() => {
    if (view !== 'resourceDay' && controller.view && controller.view.type !== view) {
      controller.changeView(view);
    }
  }, [view, controller]);

  const isResourceDay = view === 'resourceDay';
  const range = isResourceDay
    ? {
        from: zonedInstant(anchor, timeZone).toISOString(),
        to: zonedInstant(addDaysToDate(anchor, 1), timeZone).toISOString(),
        title: formatInZone(zonedInstant(anchor, timeZone, 12 * 60), timeZone, 'EEEE d MMMM yyyy'),
      }
    : fcRange;

  const services = useServices();
  const resources = useResources();
  const reservations = useReservationsInRange(range?.from ?? '', range?.to ?? '', queryFilters);
  const servicesById = useMemo(
    () => new Map<string, Service>((services.data ?? []).map((s) => [s.id, s])),
    [services.data],
  );
  const rows = useMemo(() => reservations.data ?? [], [reservations.data]);
  const selected = rows.find((r) => r.id === selectedId) ?? null;

  const patch = usePatchReservation();
  const retryNow = useRetryOutagesNow();

  function move(id: string, body: ReservationPatchBody, describe: string, revert?: () => void) {
    patch.mutate(
      { id, patch: body },
      {
        onSuccess: () => toast(describe, 'success'),
        onError: (error) => {
          revert?.();
          const failure = actionFailure(error);
          toast(failure.message, failure.tone);
        },
      },
    );
  }

  function handleFcMove(id: string, startInstant: string, revert: () => void) {
    move(
      id,
      { start_datetime: startInstant },
      `Moved to ${formatInZone(startInstant, timeZone, 'EEE d MMM, HH:mm')}.`,
      revert,
    );
  }

  function handleResourceMove(m: ResourceMove) {
    const body: ReservationPatchBody = {};
    const parts: string[] = [];
    if (m.resourceId) {
      body.preferred_resource_id = m.resourceId;
      const name = resources.data?.find((r) => r.id === m.resourceId)?.name;
      parts.push(`to ${name ?? 'another resource'}`);
    }
    if (m.startInstant) {
      body.start_datetime = m.startInstant;
      parts.push(`at ${formatInZone(m.startInstant, timeZone, 'HH:mm')}`);
    }
    move(m.reservationId, body, `Moved ${parts.join(' ')}.`);
  }

  function changeView(next: ViewName) {
    if (next === view) return;
    if (next === 'resourceDay' && controller.view) {
      // The day the calendar is on (its "current date"), in the organization's zone.
      const date = controller.getDate();
      if (date) setAnchor(controller.view.calendar.formatIso(date, true).slice(0, 10));
    }
    setChosenView(next);
  }

  function nav(step: -1 | 1 | 0) {
    if (isResourceDay) {
      setAnchor(step === 0 ? dateInZone(new Date(), timeZone) : addDaysToDate(anchor, step));
      return;
    }
    if (step === 0) controller.today();
    else if (step < 0) controller.prev();
    else controller.next();
  }

  const openCreate = (date?: string, start?: string | null) =>
    setForm({ mode: 'create', date: date ?? anchor, start: start ?? null });

  // While the server cannot be reached the queries keep retrying (Providers): the calendar
  // keeps what it shows, under a small banner, instead of an error or an endless spinner.
  const outage = firstOutage([reservations, services, resources]);
  const refreshing = reservations.isFetching && !outage;
  const loading = !range || reservations.isPending;
  const empty = !loading && !reservations.isError && !outage && rows.length === 0;
  const filtered =
    queryFilters.search || filters.service_id || filters.resource_id || filters.status;

  return (
    // The app shell widens <main> for a page marked wide (AppShell.module.css): the week grid
    // needs the room.
    <div data-page-width="wide">
      <div className={styles.header}>
        <div className={styles.headerText}>
          <h1>Reservations</h1>
          <p className="muted">
            Times in {organization.name}’s time zone, <strong>{zoneLabel(timeZone)}</strong>
          </p>
        </div>
        <Button variant="primary" onClick={() => openCreate()}>
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="2" />
          </svg>
          New reservation
        </Button>
      </div>

      <FiltersBar
        filters={filters}
        onChange={setFilters}
        services={services.data ?? []}
        resources={resources.data ?? []}
      />

      <section className={styles.board} aria-label="Calendar">
        <CalendarToolbar
          title={range?.title ?? ''}
          view={view}
          views={narrow ? NARROW_VIEWS : WIDE_VIEWS}
          onView={changeView}
          onPrev={() => nav(-1)}
          onNext={() => nav(1)}
          onToday={() => nav(0)}
          busy={refreshing}
        />
        {outage && (
          <OutageNotice compact outage={outage} onRetry={retryNow} className={styles.error}>
            {reservations.data
              ? 'Showing the reservations loaded earlier.'
              : 'The calendar fills in once it answers.'}
          </OutageNotice>
        )}
        {reservations.isError && !outage && (
          <Alert tone="error" className={styles.error}>
            Could not load reservations: {bookingErrorMessage(reservations.error)}{' '}
            <button
              type="button"
              className={styles.linkButton}
              onClick={() => reservations.refetch()}
            >
              Try again
            </button>
          </Alert>
        )}
        <div className={styles.stage} aria-busy={refreshing || undefined}>
          {!hydrated ? (
            <div className={styles.skeleton} aria-hidden="true">
              {Array.from({ length: 8 }, (_, i) => (
                <Skeleton key={i} height={36} />
              ))}
            </div>
          ) : isResourceDay ? (
            <ResourceDayView
              date={anchor}
              timeZone={timeZone}
              resources={(resources.data ?? []).filter(
                (r) => r.is_active && (!filters.resource_id || r.id === filters.resource_id),
              )}
              reservations={rows}
              services={servicesById}
              onOpen={setSelectedId}
              onEmptySlot={openCreate}
              onMove={handleResourceMove}
            />
          ) : (
            <ReservationCalendar
              controller={controller}
              timeZone={timeZone}
              initialView={view}
              initialDate={anchor}
              reservations={rows}
              services={servicesById}
              onRangeChange={(next) => {
                setFcRange(next);
                setAnchor(next.anchor);
              }}
              onOpen={setSelectedId}
              onEmptySlot={openCreate}
              onMove={handleFcMove}
            />
          )}
          {hydrated && refreshing && (
            <div className={styles.loading}>
              <Spinner size={18} label="Loading reservations" />
            </div>
          )}
          {empty && (
            <p className={styles.emptyHint} role="status">
              {filtered
                ? 'No reservations match these filters in this range.'
                : 'No reservations in this range. Click a free time or use “New reservation”.'}
            </p>
          )}
        </div>
      </section>

      <ReservationDrawer
        reservation={selected}
        open={selected !== null}
        timeZone={timeZone}
        services={servicesById}
        resources={resources.data ?? []}
        onClose={() => setSelectedId(null)}
        onEdit={(reservation) => setForm({ mode: 'edit', reservation })}
      />

      {form && (
        <ReservationFormDialog
          key={form.mode === 'edit' ? form.reservation.id : `new-${form.date}-${form.start}`}
          state={form}
          timeZone={timeZone}
          services={services.data ?? []}
          resources={resources.data ?? []}
          onClose={() => setForm(null)}
          onSaved={(reservation, created) => {
            setForm(null);
            toast(
              created
                ? `Reservation created for ${reservation.contact?.name ?? 'the contact'}, ${formatInZone(reservation.start_datetime, timeZone, 'EEE d MMM, HH:mm')}.`
                : 'Reservation updated.',
              'success',
            );
            if (created) setSelectedId(reservation.id);
          }}
        />
      )}
    </div>
  );
}
