'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { apiFetch, errorMessage } from '@/components/api/apiFetch';
import { applyServerErrors } from '@/components/api/applyServerErrors';
import { Alert, Button, Select } from '@/components/ui';
import { AvailabilityCreateSchema } from '@/lib/catalog/schemas';
import { friendlyMessages } from '../formHelpers';
import { catalogKeys } from '../queries';
import type { AvailabilityRow } from '../types';
import { DAY_NAMES, formatRange, fromMinutes, timeOptions, toMinutes } from './time';
import styles from './WeekGrid.module.css';

type IntervalValues = z.input<typeof AvailabilityCreateSchema>;
const FIELDS = ['start_time', 'end_time', 'day_of_week'] as const;

/** A sensible new interval: after the day's last one, else a 09:00–17:00 working day. */
function nextInterval(sameDay: AvailabilityRow[]): { start: string; end: string } {
  if (sameDay.length === 0) return { start: '09:00', end: '17:00' };
  const lastEnd = Math.max(...sameDay.map((r) => toMinutes(r.end_time)));
  const start = Math.min(Math.ceil((lastEnd + 60) / 15) * 15, 1380);
  return { start: fromMinutes(start), end: fromMinutes(Math.min(start + 240, 1440)) };
}

/**
 * Adds or edits one weekly interval (one availability row; §6 allows several per day).
 * The API checks start < end and answers on end_time.
 */
export function IntervalEditor({
  resourceId,
  day,
  row,
  sameDay,
  onDone,
}: {
  resourceId: string;
  day: number;
  row: AvailabilityRow | null;
  sameDay: AvailabilityRow[];
  onDone: (message: string | null) => void;
}) {
  const queryClient = useQueryClient();
  const titleId = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const initial = row ? { start: row.start_time, end: row.end_time } : nextInterval(sameDay);
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<IntervalValues, unknown, z.output<typeof AvailabilityCreateSchema>>({
    resolver: zodResolver(AvailabilityCreateSchema, friendlyMessages),
    defaultValues: {
      resource_id: resourceId,
      day_of_week: day,
      start_time: initial.start,
      end_time: initial.end,
    },
  });
  const options = timeOptions([row?.start_time, row?.end_time]).map((t) => ({
    value: t,
    label: t,
  }));
  const start = useWatch({ control, name: 'start_time' });
  const end = useWatch({ control, name: 'end_time' });
  const others = sameDay.filter((r) => r.id !== row?.id);
  const overlap = others.find(
    (r) => toMinutes(r.start_time) < toMinutes(end) && toMinutes(start) < toMinutes(r.end_time),
  );
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: catalogKeys.availability(resourceId) });

  async function onSubmit(values: z.output<typeof AvailabilityCreateSchema>) {
    setFormError(null);
    try {
      if (row) {
        await apiFetch(`/api/reservation-resource-availability/${row.id}`, {
          method: 'PATCH',
          body: { start_time: values.start_time, end_time: values.end_time },
        });
      } else {
        await apiFetch('/api/reservation-resource-availability', { method: 'POST', body: values });
      }
      await refresh();
      onDone(
        `${row ? 'Changed' : 'Added'} ${DAY_NAMES[day]} ${formatRange(values.start_time, values.end_time)}.`,
      );
    } catch (error) {
      setFormError(applyServerErrors<IntervalValues>(error, FIELDS, setError));
    }
  }

  async function remove() {
    if (!row) return;
    setDeleting(true);
    setFormError(null);
    try {
      await apiFetch(`/api/reservation-resource-availability/${row.id}`, { method: 'DELETE' });
      await refresh();
      onDone(`Removed ${DAY_NAMES[day]} ${formatRange(row.start_time, row.end_time)}.`);
    } catch (error) {
      setFormError(errorMessage(error));
      setDeleting(false);
    }
  }

  return (
    <form
      className={styles.editor}
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onDone(null);
        }
      }}
    >
      <p id={titleId} className={styles.editorTitle}>
        {row
          ? `Edit ${DAY_NAMES[day]} ${formatRange(row.start_time, row.end_time)}`
          : `Add hours on ${DAY_NAMES[day]}`}
      </p>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className={styles.editorFields}>
        <Select
          label="From"
          options={options}
          error={errors.start_time?.message}
          autoFocus
          {...register('start_time')}
        />
        <Select
          label="Until"
          options={options}
          error={errors.end_time?.message}
          {...register('end_time')}
        />
      </div>
      {overlap && !errors.end_time && (
        <p className={styles.note}>
          Overlaps {formatRange(overlap.start_time, overlap.end_time)}: overlapping hours simply
          count once.
        </p>
      )}
      <div className={styles.editorActions}>
        {row && (
          <Button
            variant="dangerGhost"
            onClick={() => void remove()}
            loading={deleting}
            disabled={isSubmitting}
          >
            Remove interval
          </Button>
        )}
        <span className={styles.spacer} />
        <Button
          variant="secondary"
          onClick={() => onDone(null)}
          disabled={isSubmitting || deleting}
        >
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={isSubmitting} disabled={deleting}>
          {row ? 'Save' : 'Add'}
        </Button>
      </div>
    </form>
  );
}
