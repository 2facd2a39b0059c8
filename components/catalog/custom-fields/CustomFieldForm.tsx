'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { apiFetch } from '@/components/api/apiFetch';
import { applyServerErrors } from '@/components/api/applyServerErrors';
import { Alert, Button, Select, TextField } from '@/components/ui';
import { Checkbox } from '@/components/ui/Checkbox';
import { CUSTOM_FIELD_TYPES } from '@/db/schema';
import { CustomFieldCreateSchema } from '@/lib/custom-fields/schemas';
import { friendlyMessages } from '../formHelpers';
import { suggestKey } from '../format';
import { catalogKeys } from '../queries';
import type { CustomField, CustomFieldEntity } from '../types';
import { OptionsEditor } from './OptionsEditor';
import styles from '../catalog.module.css';
import own from './customFields.module.css';

type FieldValues = z.input<typeof CustomFieldCreateSchema>;
const FIELDS = [
  'entity_type',
  'key',
  'label',
  'type',
  'required',
  'options',
  'position',
  'is_active',
] as const satisfies readonly (keyof FieldValues)[];

export const TYPE_LABELS: Record<(typeof CUSTOM_FIELD_TYPES)[number], string> = {
  text: 'Text',
  textarea: 'Long text',
  number: 'Number',
  boolean: 'Yes / no',
  date: 'Date',
  select: 'Choice (one)',
  multiselect: 'Choices (several)',
  email: 'Email',
  phone: 'Phone',
  url: 'Web address',
};
const TYPE_OPTIONS = CUSTOM_FIELD_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }));
const CHOICE_TYPES = new Set(['select', 'multiselect']);

/**
 * Creates or edits a §10 custom field, validated by the API's CustomFieldCreateSchema
 * (an edit keeps its fixed key and entity type, and sends only what may change).
 */
export function CustomFieldForm({
  entity,
  field,
  nextPosition,
  onDone,
}: {
  entity: CustomFieldEntity;
  field?: CustomField;
  nextPosition: number;
  onDone: (message: string | null) => void;
}) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [keyTouched, setKeyTouched] = useState(Boolean(field));
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<FieldValues, unknown, z.output<typeof CustomFieldCreateSchema>>({
    resolver: zodResolver(CustomFieldCreateSchema, friendlyMessages),
    defaultValues: field
      ? {
          entity_type: field.entity_type,
          key: field.key,
          label: field.label,
          type: field.type as FieldValues['type'],
          required: field.required,
          options: field.options ?? [],
          position: field.position,
          is_active: field.is_active,
        }
      : {
          entity_type: entity,
          key: '',
          label: '',
          type: 'text',
          required: false,
          options: [],
          position: nextPosition,
          is_active: true,
        },
  });
  const type = useWatch({ control, name: 'type' });
  const isChoice = CHOICE_TYPES.has(type);
  const labelField = register('label');

  async function onSubmit(values: z.output<typeof CustomFieldCreateSchema>) {
    setFormError(null);
    // Options only mean something for choices (the API refuses them elsewhere).
    const options = isChoice ? (values.options ?? []) : [];
    try {
      if (field) {
        const { entity_type: _e, key: _k, ...patch } = values;
        void _e;
        void _k;
        await apiFetch<CustomField>(`/api/custom-fields/${field.id}`, {
          method: 'PATCH',
          body: { ...patch, options },
        });
      } else {
        await apiFetch<CustomField>('/api/custom-fields', {
          method: 'POST',
          body: { ...values, options },
        });
      }
      await queryClient.invalidateQueries({ queryKey: catalogKeys.allCustomFields });
      onDone(`${field ? 'Saved' : 'Added'} “${values.label}”.`);
    } catch (error) {
      setFormError(applyServerErrors<FieldValues>(error, FIELDS, setError));
    }
  }

  const optionErrors = Array.isArray(errors.options)
    ? (errors.options as ({ message?: string } | undefined)[]).map((e) => e?.message)
    : undefined;

  return (
    <form
      className={styles.form}
      style={{ gap: 'var(--space-2)' }}
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      aria-label={field ? `Edit ${field.label}` : 'New custom field'}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onDone(null);
        }
      }}
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className={styles.grid2}>
        <TextField
          label="Label"
          autoComplete="off"
          placeholder="e.g. Allergies"
          autoFocus
          error={errors.label?.message}
          {...labelField}
          onChange={(e) => {
            void labelField.onChange(e);
            if (!keyTouched) setValue('key', suggestKey(e.target.value), { shouldDirty: true });
          }}
        />
        <TextField
          label="Key"
          autoComplete="off"
          spellCheck={false}
          readOnly={Boolean(field)}
          className={field ? own.readOnly : undefined}
          hint={
            field
              ? 'Fixed once created: stored values and API clients use it.'
              : 'Used by the API and stored values; cannot change later.'
          }
          error={errors.key?.message}
          {...register('key', { onChange: () => setKeyTouched(true) })}
        />
        <Select
          label="Type"
          options={TYPE_OPTIONS}
          error={errors.type?.message}
          {...register('type')}
        />
      </div>
      {isChoice && (
        <Controller
          control={control}
          name="options"
          render={({ field: options }) => (
            <OptionsEditor
              value={options.value ?? []}
              onChange={options.onChange}
              error={errors.options?.message}
              itemErrors={optionErrors}
            />
          )}
        />
      )}
      <Checkbox
        label="Required"
        hint="New reservations/contacts must fill it in."
        error={errors.required?.message}
        {...register('required')}
      />
      <Checkbox
        label="Active"
        hint="Inactive fields are hidden from forms and refuse new values."
        error={errors.is_active?.message}
        {...register('is_active')}
      />
      <div className={styles.formActions}>
        <Button variant="secondary" onClick={() => onDone(null)} disabled={isSubmitting}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={isSubmitting}>
          {field ? 'Save field' : 'Add field'}
        </Button>
      </div>
    </form>
  );
}
