'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerErrors } from '@/components/api/applyServerErrors';
import { Alert, Select, TextField, WholeNumberField } from '@/components/ui';
import { Checkbox } from '@/components/ui/Checkbox';
import { RESOURCE_TYPES } from '@/db/schema';
import { ResourceCreateSchema } from '@/lib/catalog/schemas';
import { friendlyMessages, toInt, toIntOrNull, toTextOrNull } from '../formHelpers';
import { catalogKeys } from '../queries';
import { SaveActions } from '../SaveActions';
import { saveRecord } from '../saveRecord';
import type { Resource } from '../types';
import { RESOURCE_TYPE_LABELS } from './ResourcesList';
import styles from '../catalog.module.css';

type ResourceValues = z.input<typeof ResourceCreateSchema>;
const FIELDS = [
  'name',
  'type',
  'quantity',
  'capacity',
  'timezone',
  'image_url',
  'is_active',
] as const satisfies readonly (keyof ResourceValues)[];

const TYPE_OPTIONS = RESOURCE_TYPES.map((t) => ({ value: t, label: RESOURCE_TYPE_LABELS[t] }));

function valuesOf(resource: Resource | undefined, timeZone: string): ResourceValues {
  if (!resource)
    return {
      name: '',
      type: 'person',
      quantity: 1,
      capacity: null,
      timezone: timeZone,
      image_url: null,
      is_active: true,
    };
  return Object.fromEntries(FIELDS.map((f) => [f, resource[f]])) as ResourceValues;
}

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** A resource's §4 fields, validated by the API's ResourceCreateSchema. */
export function ResourceForm({
  resource,
  defaultTimeZone,
  onSaved,
}: {
  resource?: Resource;
  defaultTimeZone: string;
  onSaved: (resource: Resource) => void;
}) {
  const queryClient = useQueryClient();
  const zones = useMemo(() => timeZones(), []);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<ResourceValues, unknown, z.output<typeof ResourceCreateSchema>>({
    resolver: zodResolver(ResourceCreateSchema, friendlyMessages),
    defaultValues: valuesOf(resource, defaultTimeZone),
  });

  async function onSubmit(values: z.output<typeof ResourceCreateSchema>) {
    setFormError(null);
    try {
      const saved = await saveRecord<Resource>('/api/reservation-resources', resource?.id, values);
      void queryClient.invalidateQueries({ queryKey: catalogKeys.resources });
      reset(valuesOf(saved, defaultTimeZone));
      onSaved(saved);
    } catch (error) {
      setFormError(applyServerErrors<ResourceValues>(error, FIELDS, setError));
    }
  }

  return (
    <form className={styles.form} onSubmit={handleSubmit(onSubmit)} noValidate>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className={styles.grid2}>
        <TextField
          label="Name"
          autoComplete="off"
          placeholder="e.g. Anna, Room 2, Four-seat tables"
          error={errors.name?.message}
          {...register('name')}
        />
        <Select
          label="Type"
          options={TYPE_OPTIONS}
          error={errors.type?.message}
          {...register('type')}
        />
        <WholeNumberField
          label="Identical units"
          min={1}
          hint="“5 four-seat tables” is one resource with 5 units."
          error={errors.quantity?.message}
          {...register('quantity', { setValueAs: toInt })}
        />
        <WholeNumberField
          label="Guests one unit holds"
          min={1}
          placeholder="No limit"
          hint="Empty: no limit."
          error={errors.capacity?.message}
          {...register('capacity', { setValueAs: toIntOrNull })}
        />
        <TextField
          label="Time zone"
          list="catalog-time-zones"
          autoComplete="off"
          spellCheck={false}
          hint="Weekly hours and exceptions are in this zone."
          error={errors.timezone?.message}
          {...register('timezone', {
            setValueAs: (v: unknown) => (typeof v === 'string' ? v.trim() : v),
          })}
        />
        <datalist id="catalog-time-zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <TextField
          label="Image URL"
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="https://…"
          hint="An https address or a path on this site. Optional."
          error={errors.image_url?.message}
          {...register('image_url', { setValueAs: toTextOrNull })}
        />
      </div>
      <Checkbox
        label="Active"
        hint="Inactive resources are never allocated to new bookings."
        error={errors.is_active?.message}
        {...register('is_active')}
      />
      <SaveActions
        noun="resource"
        editing={Boolean(resource)}
        isDirty={isDirty}
        isSubmitting={isSubmitting}
        onDiscard={() => reset()}
      />
    </form>
  );
}
