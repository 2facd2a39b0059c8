'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { apiFetch } from '@/components/api/apiFetch';
import { applyServerErrors } from '@/components/api/applyServerErrors';
import { Alert, Button, Select, TextField } from '@/components/ui';
import { Checkbox } from '@/components/ui/Checkbox';
import { ExceptionCreateSchema } from '@/lib/catalog/schemas';
import { ChoiceTile } from '../ChoiceTile';
import { friendlyMessages, toTextOrNull } from '../formHelpers';
import { catalogKeys } from '../queries';
import type { ResourceException } from '../types';
import { formatDate, timeOptions } from './time';
import styles from '../catalog.module.css';

type ExceptionValues = z.input<typeof ExceptionCreateSchema>;
const FIELDS = ['date', 'end_date', 'kind', 'start_time', 'end_time', 'reason'] as const;

const TIMES = [{ value: '', label: '—' }, ...timeOptions().map((t) => ({ value: t, label: t }))];

/** A blank form (explicit nulls, so a reset clears every input, not only the defaults). */
function emptyValues(
  resourceId: string,
  kind: ExceptionValues['kind'],
  today: string,
): ExceptionValues {
  return {
    resource_id: resourceId,
    kind,
    date: today,
    end_date: null,
    start_time: null,
    end_time: null,
    reason: null,
  };
}

/**
 * §7: a closure (blocked, whole days or some hours) or special hours that replace the
 * weekly hours on the dates they cover.
 */
export function ExceptionForm({
  resourceId,
  today,
  onAdded,
}: {
  resourceId: string;
  today: string;
  onAdded: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [partOfDay, setPartOfDay] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ExceptionValues, unknown, z.output<typeof ExceptionCreateSchema>>({
    resolver: zodResolver(ExceptionCreateSchema, friendlyMessages),
    defaultValues: emptyValues(resourceId, 'blocked', today),
  });
  const kind = useWatch({ control, name: 'kind' });
  const showTimes = kind === 'special_hours' || partOfDay;

  async function onSubmit(values: z.output<typeof ExceptionCreateSchema>) {
    setFormError(null);
    const body = showTimes ? values : { ...values, start_time: null, end_time: null };
    if (kind === 'special_hours' && (!body.start_time || !body.end_time)) {
      if (!body.start_time) setError('start_time', { message: 'Special hours need a start.' });
      if (!body.end_time) setError('end_time', { message: 'Special hours need an end.' });
      return;
    }
    try {
      const saved = await apiFetch<ResourceException>('/api/reservation-resource-exceptions', {
        method: 'POST',
        body,
      });
      await queryClient.invalidateQueries({ queryKey: catalogKeys.exceptions(resourceId) });
      const range =
        saved.end_date && saved.end_date !== saved.date
          ? `${formatDate(saved.date)} – ${formatDate(saved.end_date)}`
          : formatDate(saved.date);
      onAdded(`${saved.kind === 'blocked' ? 'Closed' : 'Special hours'}: ${range}.`);
      reset(emptyValues(resourceId, values.kind, today));
    } catch (error) {
      setFormError(applyServerErrors<ExceptionValues>(error, FIELDS, setError));
    }
  }

  return (
    <form
      className={styles.form}
      style={{ gap: 'var(--space-2)' }}
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      aria-labelledby="add-exception-title"
    >
      <h3 id="add-exception-title" className={styles.legend} style={{ fontSize: '0.9375rem' }}>
        Add an exception
      </h3>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className={styles.radioGroup} role="radiogroup" aria-label="Kind of exception">
        <ChoiceTile
          type="radio"
          value="blocked"
          {...register('kind')}
          title="Closed"
          description="Holidays, time off, maintenance: no bookings."
        />
        <ChoiceTile
          type="radio"
          value="special_hours"
          {...register('kind')}
          title="Special hours"
          description="Different opening hours that replace the week’s."
        />
      </div>
      <div className={styles.grid2}>
        <TextField
          label="From date"
          type="date"
          error={errors.date?.message}
          {...register('date')}
        />
        <TextField
          label="Until date (optional)"
          type="date"
          hint="Empty: just the one day."
          error={errors.end_date?.message}
          {...register('end_date', { setValueAs: toTextOrNull })}
        />
      </div>
      {kind === 'blocked' && (
        <Checkbox
          label="Only part of the day"
          hint="Otherwise the whole day is closed."
          checked={partOfDay}
          onChange={(e) => setPartOfDay(e.target.checked)}
        />
      )}
      {showTimes && (
        <div className={styles.grid2}>
          <Select
            label={kind === 'blocked' ? 'Closed from' : 'Open from'}
            options={TIMES}
            error={errors.start_time?.message}
            {...register('start_time', { setValueAs: toTextOrNull })}
          />
          <Select
            label="Until"
            options={TIMES}
            error={errors.end_time?.message}
            {...register('end_time', { setValueAs: toTextOrNull })}
          />
        </div>
      )}
      <TextField
        label="Reason (optional)"
        placeholder="e.g. Public holiday, training day"
        autoComplete="off"
        maxLength={500}
        error={errors.reason?.message}
        {...register('reason', { setValueAs: toTextOrNull })}
      />
      <div className={styles.formActions}>
        <Button type="submit" variant="primary" loading={isSubmitting}>
          Add exception
        </Button>
      </div>
    </form>
  );
}
