'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerErrors } from '@/components/api/applyServerErrors';
import { Alert, TextField, WholeNumberField } from '@/components/ui';
import { Checkbox } from '@/components/ui/Checkbox';
import { TextArea } from '@/components/ui/TextArea';
import { ServiceCreateSchema } from '@/lib/catalog/schemas';
import { ChoiceTile } from '../ChoiceTile';
import { formatMinutes } from '../format';
import { friendlyMessages, toInt, toIntOrNull, toTextOrNull } from '../formHelpers';
import { catalogKeys } from '../queries';
import { SaveActions } from '../SaveActions';
import { saveRecord } from '../saveRecord';
import type { Service } from '../types';
import { ColorField } from './ColorField';
import { PriceField } from './PriceField';
import { ServiceImageField } from './ServiceImageField';
import styles from '../catalog.module.css';

export type ServiceFormValues = z.input<typeof ServiceCreateSchema>;

const FIELDS = [
  'name',
  'description',
  'duration_minutes',
  'slot_interval_minutes',
  'buffer_before_minutes',
  'buffer_after_minutes',
  'min_notice_minutes',
  'max_advance_days',
  'capacity',
  'min_party_size',
  'max_party_size',
  'requires_confirmation',
  'price_amount',
  'currency',
  'image_url',
  'color',
  'is_active',
] as const satisfies readonly (keyof ServiceFormValues)[];

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'AUD', 'SEK', 'NOK', 'DKK', 'PLN', 'JPY'];

function valuesOf(service: Service | undefined, currency: string | null): ServiceFormValues {
  if (!service) {
    return {
      name: '',
      description: null,
      duration_minutes: 60,
      slot_interval_minutes: null,
      buffer_before_minutes: 0,
      buffer_after_minutes: 0,
      min_notice_minutes: 0,
      max_advance_days: 365,
      capacity: null,
      min_party_size: 1,
      max_party_size: 1,
      requires_confirmation: false,
      price_amount: null,
      currency,
      image_url: null,
      color: '#3656D6',
      is_active: true,
    };
  }
  return Object.fromEntries(FIELDS.map((f) => [f, service[f]])) as ServiceFormValues;
}

/**
 * Every §3 field of a service, grouped as people think about them. Validated by the API's
 * own ServiceCreateSchema; cross-field rules (party sizes, price needs a currency) come back
 * from the server on the field they concern.
 */
export function ServiceForm({
  service,
  defaultCurrency = null,
  onSaved,
}: {
  service?: Service;
  defaultCurrency?: string | null;
  onSaved: (service: Service, created: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm({
    resolver: zodResolver(ServiceCreateSchema, friendlyMessages),
    defaultValues: valuesOf(service, defaultCurrency),
  });
  const capacity = useWatch({ control, name: 'capacity' });
  const [isGroup, setIsGroup] = useState(capacity !== null && capacity !== undefined);
  // Remounts the price input (which keeps the typed text) when the form is reset.
  const [resets, setResets] = useState(0);
  const currency = useWatch({ control, name: 'currency' });
  const minNotice = useWatch({ control, name: 'min_notice_minutes' });
  const duration = useWatch({ control, name: 'duration_minutes' });

  async function onSubmit(values: z.output<typeof ServiceCreateSchema>) {
    setFormError(null);
    if (isGroup && (values.capacity === null || values.capacity === undefined)) {
      setError('capacity', { message: 'Enter how many people one session holds.' });
      return;
    }
    try {
      const saved = await saveRecord<Service>('/api/reservation-services', service?.id, values);
      void queryClient.invalidateQueries({ queryKey: catalogKeys.services });
      reset(valuesOf(saved, null));
      onSaved(saved, !service);
    } catch (error) {
      setFormError(applyServerErrors<ServiceFormValues>(error, FIELDS, setError));
    }
  }

  const intField = { setValueAs: toInt };
  const nullableInt = { setValueAs: toIntOrNull };

  return (
    <form className={styles.form} onSubmit={handleSubmit(onSubmit)} noValidate>
      {formError && <Alert tone="error">{formError}</Alert>}

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Basics</legend>
        <TextField
          label="Name"
          autoComplete="off"
          error={errors.name?.message}
          {...register('name')}
        />
        <TextArea
          label="Description"
          hint="Shown to customers on the booking page. Optional."
          error={errors.description?.message}
          {...register('description', { setValueAs: toTextOrNull })}
        />
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Timing</legend>
        <div className={styles.grid3}>
          <WholeNumberField
            label="Duration (minutes)"
            min={5}
            max={1440}
            step={5}
            hint={
              typeof duration === 'number' && duration > 0 ? formatMinutes(duration) : undefined
            }
            error={errors.duration_minutes?.message}
            {...register('duration_minutes', intField)}
          />
          <WholeNumberField
            label="Start times every (minutes)"
            min={5}
            max={1440}
            placeholder={typeof duration === 'number' ? String(duration) : ''}
            hint="Empty: every duration."
            error={errors.slot_interval_minutes?.message}
            {...register('slot_interval_minutes', nullableInt)}
          />
          <WholeNumberField
            label="Buffer before (minutes)"
            min={0}
            max={1440}
            hint="Set-up time kept free."
            error={errors.buffer_before_minutes?.message}
            {...register('buffer_before_minutes', intField)}
          />
          <WholeNumberField
            label="Buffer after (minutes)"
            min={0}
            max={1440}
            hint="Clean-up time kept free."
            error={errors.buffer_after_minutes?.message}
            {...register('buffer_after_minutes', intField)}
          />
          <WholeNumberField
            label="Minimum notice (minutes)"
            min={0}
            hint={
              typeof minNotice === 'number' && minNotice > 0
                ? `Book at least ${formatMinutes(minNotice)} ahead.`
                : 'Bookable until the last minute.'
            }
            error={errors.min_notice_minutes?.message}
            {...register('min_notice_minutes', intField)}
          />
          <WholeNumberField
            label="Bookable up to (days ahead)"
            min={1}
            max={3650}
            error={errors.max_advance_days?.message}
            {...register('max_advance_days', intField)}
          />
        </div>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Group &amp; party</legend>
        <div className={styles.radioGroup} role="radiogroup" aria-label="Who shares a session">
          <ChoiceTile
            type="radio"
            name="service-kind"
            checked={!isGroup}
            onChange={() => {
              setIsGroup(false);
              setValue('capacity', null, { shouldDirty: true });
            }}
            title="Private"
            description="Each booking gets the resources to itself."
          />
          <ChoiceTile
            type="radio"
            name="service-kind"
            checked={isGroup}
            onChange={() => {
              setIsGroup(true);
              setValue('capacity', 10, { shouldDirty: true });
            }}
            title="Group"
            description="Several bookings share one session, up to a number of seats."
          />
        </div>
        <div className={styles.grid3}>
          {isGroup && (
            <WholeNumberField
              label="Seats per session"
              min={1}
              error={errors.capacity?.message}
              {...register('capacity', nullableInt)}
            />
          )}
          <WholeNumberField
            label="Smallest party"
            min={1}
            max={1000}
            error={errors.min_party_size?.message}
            {...register('min_party_size', intField)}
          />
          <WholeNumberField
            label="Largest party"
            min={1}
            max={1000}
            error={errors.max_party_size?.message}
            {...register('max_party_size', intField)}
          />
        </div>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Price</legend>
        <div className={styles.grid2}>
          <Controller
            control={control}
            name="price_amount"
            render={({ field, fieldState }) => (
              <PriceField
                key={resets}
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                currency={currency}
                error={fieldState.error?.message}
              />
            )}
          />
          <TextField
            label="Currency"
            list="catalog-currencies"
            autoComplete="off"
            placeholder="EUR"
            maxLength={3}
            hint="ISO code, such as EUR or USD."
            error={errors.currency?.message}
            {...register('currency', {
              setValueAs: (v: unknown) => toTextOrNull(v)?.toUpperCase() ?? null,
            })}
          />
          <datalist id="catalog-currencies">
            {CURRENCIES.map((code) => (
              <option key={code} value={code} />
            ))}
          </datalist>
        </div>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Appearance</legend>
        <Controller
          control={control}
          name="color"
          render={({ field, fieldState }) => (
            <ColorField
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="image_url"
          render={({ field, fieldState }) => (
            <ServiceImageField
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
            />
          )}
        />
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Booking</legend>
        <Checkbox
          label="Requires confirmation"
          hint="New bookings wait as pending until staff confirm them."
          error={errors.requires_confirmation?.message}
          {...register('requires_confirmation')}
        />
        <Checkbox
          label="Active"
          hint="Inactive services have no slots and take no bookings."
          error={errors.is_active?.message}
          {...register('is_active')}
        />
      </fieldset>

      <SaveActions
        noun="service"
        editing={Boolean(service)}
        isDirty={isDirty}
        isSubmitting={isSubmitting}
        onDiscard={() => {
          reset();
          setResets((n) => n + 1);
          setIsGroup(service?.capacity !== null);
          setFormError(null);
        }}
      />
    </form>
  );
}
