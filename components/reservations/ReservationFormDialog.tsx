'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import {
  FormProvider,
  useForm,
  useWatch,
  type FieldErrors,
  type Path,
  type Resolver,
} from 'react-hook-form';
import { ApiError, apiFetch } from '@/components/api/apiFetch';
import { applyServerErrors } from '@/components/api/applyServerErrors';
import { failureTone } from '@/components/api/outage';
import { Alert, Button, Select, TextField, WholeNumberField } from '@/components/ui';
import { Modal } from '@/components/ui/Modal';
import { ReservationCreateSchema, ReservationPatchSchema } from '@/lib/reservations/schemas';
import { ContactPicker } from './ContactPicker';
import { CustomFieldInput } from './CustomFieldInput';
import { bookingErrorMessage, type ActionFailure } from './errors';
import {
  emptyFormValues,
  formValuesOf,
  missingRequired,
  toCreateBody,
  toPatchBody,
  type ReservationFormValues,
} from './formValues';
import {
  reservationKeys,
  slotKeys,
  useReservationCustomFields,
  useServiceResourceLinks,
} from './queries';
import { SlotPicker } from './SlotPicker';
import type { CustomField, Reservation, Resource, Service } from './types';
import styles from './ReservationFormDialog.module.css';

export type FormDialogState =
  | { mode: 'create'; date: string; start: string | null }
  | { mode: 'edit'; reservation: Reservation };

interface ReservationFormDialogProps {
  state: FormDialogState;
  timeZone: string;
  services: readonly Service[];
  resources: readonly Resource[];
  onClose: () => void;
  onSaved: (reservation: Reservation, created: boolean) => void;
}

const createResolver = zodResolver(ReservationCreateSchema, undefined, { raw: true });
const patchResolver = zodResolver(ReservationPatchSchema, undefined, { raw: true });

/**
 * The form validates the §9 body it is about to send with the API's own schema (through
 * zodResolver), plus what that schema leaves to the server: a chosen time and contact, and
 * the organization's required custom fields.
 */
function makeResolver(
  state: FormDialogState,
  customFields: readonly CustomField[],
): Resolver<ReservationFormValues> {
  return async (values, context, options) => {
    const errors: FieldErrors<ReservationFormValues> = {};
    const body =
      state.mode === 'create' ? toCreateBody(values) : toPatchBody(values, state.reservation);
    const result =
      state.mode === 'create'
        ? await createResolver(body as never, context, options as never)
        : await patchResolver(body as never, context, options as never);
    Object.assign(errors, result.errors);
    if (!values.service_id) errors.service_id = { type: 'required', message: 'Choose a service.' };
    if (!values.start_datetime)
      errors.start_datetime = { type: 'required', message: 'Choose a free time.' };
    if (state.mode === 'create' && values.contact_mode === 'existing' && !values.contact_id)
      errors.contact_id = {
        type: 'required',
        message: 'Choose a contact, or add a new one.',
      };
    if (state.mode === 'create' && values.contact_mode === 'new') delete errors.contact_id;
    const missing = missingRequired(customFields, values.custom_fields_by_key);
    if (missing.length > 0) {
      const custom: Record<string, { type: string; message: string }> = {};
      for (const m of missing) custom[m.key] = { type: 'required', message: m.message };
      errors.custom_fields_by_key =
        custom as FieldErrors<ReservationFormValues>['custom_fields_by_key'];
    }
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };
}

export function ReservationFormDialog({
  state,
  timeZone,
  services,
  resources,
  onClose,
  onSaved,
}: ReservationFormDialogProps) {
  const client = useQueryClient();
  const customFields = useReservationCustomFields();
  const fields = useMemo(() => customFields.data ?? [], [customFields.data]);
  const editing = state.mode === 'edit' ? state.reservation : null;
  const [formError, setFormError] = useState<ActionFailure | null>(null);

  const resolver = useMemo(() => makeResolver(state, fields), [state, fields]);
  const form = useForm<ReservationFormValues>({
    resolver,
    defaultValues: editing
      ? formValuesOf(editing, timeZone)
      : emptyFormValues(state.mode === 'create' ? state.date : ''),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, handleSubmit, setValue, setError, control, formState } = form;
  const { errors } = formState;

  const serviceId = useWatch({ control, name: 'service_id' });
  const date = useWatch({ control, name: 'date' });
  const partySize = useWatch({ control, name: 'party_size' });
  const preferred = useWatch({ control, name: 'preferred_resource_id' });
  const start = useWatch({ control, name: 'start_datetime' });
  const service = services.find((s) => s.id === serviceId);
  const links = useServiceResourceLinks(serviceId);
  const pool = (links.data ?? [])
    .filter((l) => !l.is_required)
    .map((l) => resources.find((r) => r.id === l.resource_id))
    .filter((r): r is Resource => Boolean(r));

  // A click on a calendar time pre-selects that start; the slot list confirms it is free.
  const clickedStart = state.mode === 'create' ? state.start : null;
  useEffect(() => {
    if (clickedStart && serviceId && !start) setValue('start_datetime', clickedStart);
  }, [clickedStart, serviceId, start, setValue]);

  const save = useMutation({
    mutationFn: (values: ReservationFormValues) =>
      editing
        ? apiFetch<Reservation>(`/api/reservations/${editing.id}`, {
            method: 'PATCH',
            body: toPatchBody(values, editing),
          })
        : apiFetch<Reservation>('/api/reservations', {
            method: 'POST',
            body: toCreateBody(values),
          }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: reservationKeys.all });
      void client.invalidateQueries({ queryKey: slotKeys.all });
    },
    onSuccess: (reservation) => onSaved(reservation, !editing),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        // The slot went while the form was open: say why, and the slot list refetches.
        const message = bookingErrorMessage(error);
        setError('start_datetime', { type: 'server', message }, { shouldFocus: true });
        return;
      }
      const names: Path<ReservationFormValues>[] = [
        'service_id',
        'start_datetime',
        'party_size',
        'preferred_resource_id',
        'contact_id',
        'contact',
        'contact.name',
        'contact.email',
        'contact.phone',
        'notes',
        ...fields.map((f) => `custom_fields_by_key.${f.key}` as const),
      ];
      // The dialog stays open with what was typed; an outage is not retried (a create carries
      // no Idempotency-Key) and is said calmly: nothing was saved.
      const message = applyServerErrors(error, names, setError);
      setFormError(message === null ? null : { message, tone: failureTone(error) });
    },
  });

  const slotRef = register('start_datetime').ref;
  return (
    <Modal
      open
      size="lg"
      title={editing ? `Edit reservation · ${editing.contact?.name ?? ''}` : 'New reservation'}
      onClose={onClose}
      busy={save.isPending}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={save.isPending}>
            Cancel
          </Button>
          <Button
            variant="primary"
            type="submit"
            form="reservation-form"
            loading={save.isPending}
            disabled={editing !== null && !formState.isDirty}
          >
            {editing ? 'Save changes' : 'Create reservation'}
          </Button>
        </>
      }
    >
      <FormProvider {...form}>
        <form
          id="reservation-form"
          className={styles.form}
          noValidate
          onSubmit={handleSubmit((values) => {
            setFormError(null);
            save.mutate(values);
          })}
        >
          {formError && <Alert tone={formError.tone}>{formError.message}</Alert>}

          <div className={styles.grid2}>
            <Select
              label="Service"
              {...register('service_id', {
                onChange: () => setValue('start_datetime', ''),
              })}
              error={errors.service_id?.message}
              options={[
                { value: '', label: 'Choose a service…' },
                ...services
                  .filter((s) => s.is_active || s.id === serviceId)
                  .map((s) => ({ value: s.id, label: `${s.name} · ${s.duration_minutes} min` })),
              ]}
              className={styles.span2}
            />
            <TextField
              label="Date"
              type="date"
              {...register('date', { onChange: () => setValue('start_datetime', '') })}
              error={errors.date?.message}
            />
            <WholeNumberField
              label="Party size"
              min={service?.min_party_size ?? 1}
              max={service?.max_party_size ?? 1000}
              hint={
                service && service.max_party_size > 1
                  ? `${service.min_party_size}–${service.max_party_size} guests`
                  : undefined
              }
              {...register('party_size', { valueAsNumber: true })}
              error={errors.party_size?.message}
            />
            {pool.length > 1 && (
              <Select
                label="Preferred resource"
                {...register('preferred_resource_id', {
                  onChange: () => setValue('start_datetime', ''),
                })}
                error={errors.preferred_resource_id?.message}
                options={[
                  { value: '', label: 'Any available' },
                  ...pool.map((r) => ({ value: r.id, label: r.name })),
                ]}
                className={styles.span2}
              />
            )}
          </div>

          <SlotPicker
            serviceId={serviceId}
            date={date}
            partySize={partySize}
            preferredResourceId={preferred}
            timeZone={timeZone}
            value={start}
            currentStart={editing?.start_datetime}
            groupService={service?.capacity != null}
            onChange={(value) =>
              setValue('start_datetime', value, {
                shouldValidate: formState.isSubmitted,
                shouldDirty: true,
              })
            }
            error={errors.start_datetime?.message}
            inputRef={slotRef}
          />
          {editing ? (
            <p className={styles.readonly}>
              <span className={styles.label}>Contact</span>
              <span>
                {editing.contact?.name}{' '}
                <span className="muted">
                  {[editing.contact?.email, editing.contact?.phone].filter(Boolean).join(' · ')}
                </span>
              </span>
            </p>
          ) : (
            <ContactPicker />
          )}

          {fields.length > 0 && (
            <fieldset className={styles.fieldset}>
              <legend className={styles.legend}>Details</legend>
              <div className={styles.grid2}>
                {fields.map((field) => (
                  <div
                    key={field.key}
                    className={
                      field.type === 'textarea' || field.type === 'multiselect'
                        ? styles.span2
                        : undefined
                    }
                  >
                    <CustomFieldInput
                      field={field}
                      control={control}
                      error={
                        (
                          errors.custom_fields_by_key as
                            Record<string, { message?: string; type?: string }> | undefined
                        )?.[field.key] as never
                      }
                    />
                  </div>
                ))}
              </div>
            </fieldset>
          )}

          <div className={styles.field}>
            <label htmlFor="reservation-notes" className={styles.label}>
              Notes <span className="muted">(staff only)</span>
            </label>
            <textarea
              id="reservation-notes"
              className={styles.textarea}
              rows={3}
              {...register('notes')}
              aria-invalid={errors.notes ? true : undefined}
            />
            {errors.notes?.message && <p className={styles.error}>{errors.notes.message}</p>}
          </div>
        </form>
      </FormProvider>
    </Modal>
  );
}
