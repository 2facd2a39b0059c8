'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { apiFetch, errorMessage } from '@/components/api/apiFetch';
import { Alert, Button, Card, ConfirmDialog, Skeleton } from '@/components/ui';
import { LoadError } from '@/components/ui/LoadError';
import { LoadingOrOutage } from '@/components/ui/QueryView';
import { catalogKeys, useAvailability } from '../queries';
import type { AvailabilityRow, Resource } from '../types';
import { useFlash } from '../useFlash';
import { IntervalEditor } from './IntervalEditor';
import { DAY_NAMES, formatRange, toMinutes, WEEK_ORDER } from './time';
import styles from './WeekGrid.module.css';

const WEEKDAYS_AFTER_MONDAY = [2, 3, 4, 5];
const TICKS = [0, 6, 12, 18, 24];

type Editing = { day: number; row: AvailabilityRow | null } | null;

function byStart(a: AvailabilityRow, b: AvailabilityRow) {
  return toMinutes(a.start_time) - toMinutes(b.start_time);
}

/**
 * §6 weekly hours as a week: one row per day (Monday first), each interval a bar on a
 * 0–24 h track. Split shifts are several rows of the same day; every write is one row.
 */
export function WeekGrid({ resource }: { resource: Resource }) {
  const queryClient = useQueryClient();
  const hours = useAvailability(resource.id);
  const [editing, setEditing] = useState<Editing>(null);
  const [flash, showFlash] = useFlash();
  const [copying, setCopying] = useState(false);

  const rows = hours.data ?? [];
  const byDay = new Map<number, AvailabilityRow[]>(
    WEEK_ORDER.map((d) => [d, rows.filter((r) => r.day_of_week === d).sort(byStart)]),
  );
  const monday = byDay.get(1) ?? [];

  // Replace Tuesday–Friday with Monday's intervals, one row per request (§6 has no bulk write).
  const copyMonday = useMutation({
    mutationFn: async () => {
      for (const day of WEEKDAYS_AFTER_MONDAY) {
        for (const row of byDay.get(day) ?? [])
          await apiFetch(`/api/reservation-resource-availability/${row.id}`, { method: 'DELETE' });
        for (const row of monday)
          await apiFetch('/api/reservation-resource-availability', {
            method: 'POST',
            body: {
              resource_id: resource.id,
              day_of_week: day,
              start_time: row.start_time,
              end_time: row.end_time,
            },
          });
      }
    },
    onSuccess: () => {
      setCopying(false);
      showFlash('Copied Monday’s hours to Tuesday–Friday.');
    },
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: catalogKeys.availability(resource.id) }),
  });

  function finish(message: string | null) {
    setEditing(null);
    if (message) showFlash(message);
  }

  return (
    <Card
      id="weekly-hours"
      title="Weekly hours"
      description={`When ${resource.name} can be booked, in ${resource.timezone.replaceAll('_', ' ')} time. Add several intervals to a day for split shifts.`}
      actions={
        <Button
          size="sm"
          variant="secondary"
          disabled={monday.length === 0 || hours.isPending}
          title={monday.length === 0 ? 'Give Monday some hours first' : undefined}
          onClick={() => {
            copyMonday.reset();
            setCopying(true);
          }}
        >
          Copy Monday to weekdays
        </Button>
      }
    >
      {flash && (
        <div className={styles.flash}>
          <Alert tone="success">{flash}</Alert>
        </div>
      )}
      {hours.isPending ? (
        <LoadingOrOutage queries={[hours]}>
          <div role="status" aria-label="Loading weekly hours" className={styles.skeleton}>
            {WEEK_ORDER.map((d) => (
              <Skeleton key={d} height={36} />
            ))}
          </div>
        </LoadingOrOutage>
      ) : hours.isError ? (
        <LoadError what="weekly hours" error={hours.error} onRetry={() => void hours.refetch()} />
      ) : (
        <>
          {rows.length === 0 && (
            <p className={styles.emptyNote}>
              No weekly hours yet, so {resource.name} is never bookable. Add Monday’s hours, then
              copy them to the other weekdays.
            </p>
          )}
          <div className={styles.grid}>
            <div className={styles.scale} aria-hidden="true">
              {TICKS.map((h) => (
                <span key={h} style={{ left: `${(h / 24) * 100}%` }}>
                  {String(h).padStart(2, '0')}
                </span>
              ))}
            </div>
            {WEEK_ORDER.map((day) => {
              const intervals = byDay.get(day) ?? [];
              const dayName = DAY_NAMES[day];
              const isEditing = editing?.day === day;
              return (
                <Fragment key={day}>
                  <div
                    className={styles.day}
                    role="group"
                    aria-label={`${dayName}: ${
                      intervals.length
                        ? intervals.map((r) => formatRange(r.start_time, r.end_time)).join(', ')
                        : 'closed'
                    }`}
                  >
                    <div className={styles.dayLabel}>
                      <span className={styles.dayName}>{dayName}</span>
                      <span className={styles.daySummary} aria-hidden="true">
                        {intervals.length
                          ? intervals.map((r) => formatRange(r.start_time, r.end_time)).join(', ')
                          : 'Closed'}
                      </span>
                    </div>
                    <div className={styles.track}>
                      {intervals.map((r) => {
                        const start = toMinutes(r.start_time);
                        const end = toMinutes(r.end_time);
                        const selected = isEditing && editing?.row?.id === r.id;
                        return (
                          <button
                            key={r.id}
                            type="button"
                            className={styles.bar}
                            data-selected={selected || undefined}
                            style={{
                              left: `${(start / 1440) * 100}%`,
                              width: `${(Math.max(end - start, 0) / 1440) * 100}%`,
                            }}
                            aria-label={`Edit ${dayName} ${formatRange(r.start_time, r.end_time)}`}
                            aria-expanded={selected}
                            onClick={() => setEditing({ day, row: r })}
                          >
                            <span className={styles.barText}>
                              {formatRange(r.start_time, r.end_time)}
                            </span>
                          </button>
                        );
                      })}
                    </div>
                    <Button
                      size="sm"
                      variant="ghost"
                      className={styles.addButton}
                      aria-label={`Add hours on ${dayName}`}
                      aria-expanded={isEditing && editing?.row === null}
                      onClick={() => setEditing({ day, row: null })}
                    >
                      + Add
                    </Button>
                  </div>
                  {isEditing && (
                    <IntervalEditor
                      key={`${day}-${editing.row?.id ?? 'new'}`}
                      resourceId={resource.id}
                      day={day}
                      row={editing.row}
                      sameDay={intervals}
                      onDone={finish}
                    />
                  )}
                </Fragment>
              );
            })}
          </div>
        </>
      )}

      <ConfirmDialog
        open={copying}
        title="Copy Monday to Tuesday–Friday?"
        confirmLabel="Replace weekday hours"
        pending={copyMonday.isPending}
        error={copyMonday.isError ? errorMessage(copyMonday.error) : null}
        onCancel={() => setCopying(false)}
        onConfirm={() => copyMonday.mutate()}
      >
        Tuesday to Friday will have exactly Monday’s hours (
        {monday.map((r) => formatRange(r.start_time, r.end_time)).join(', ')}); their current hours
        are removed. Weekends stay as they are.
      </ConfirmDialog>
    </Card>
  );
}
