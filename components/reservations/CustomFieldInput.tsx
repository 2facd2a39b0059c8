'use client';

import { useId } from 'react';
import { Controller, type Control, type FieldError } from 'react-hook-form';
import { Select, TextField } from '@/components/ui';
import type { ReservationFormValues } from './formValues';
import type { CustomField } from './types';
import styles from './ReservationFormDialog.module.css';

const INPUT_TYPES: Partial<Record<CustomField['type'], string>> = {
  text: 'text',
  email: 'email',
  phone: 'tel',
  url: 'url',
  date: 'date',
};

/** One of the organization's reservation custom fields (§10), as the input its type calls for. */
export function CustomFieldInput({
  field,
  control,
  error,
}: {
  field: CustomField;
  control: Control<ReservationFormValues>;
  error?: FieldError;
}) {
  const id = useId();
  const label = field.required ? `${field.label} (required)` : field.label;
  const message = error?.message;
  return (
    <Controller
      control={control}
      name={`custom_fields_by_key.${field.key}`}
      render={({ field: input }) => {
        const value = input.value;
        switch (field.type) {
          case 'textarea':
            return (
              <div className={styles.field}>
                <label htmlFor={id} className={styles.label}>
                  {label}
                </label>
                <textarea
                  id={id}
                  ref={input.ref}
                  className={styles.textarea}
                  rows={3}
                  value={typeof value === 'string' ? value : ''}
                  onChange={(event) => input.onChange(event.target.value)}
                  onBlur={input.onBlur}
                  aria-invalid={message ? true : undefined}
                  aria-describedby={message ? `${id}-error` : undefined}
                />
                {message && (
                  <p id={`${id}-error`} className={styles.error}>
                    {message}
                  </p>
                )}
              </div>
            );
          case 'number':
            return (
              <TextField
                label={label}
                type="number"
                inputMode="decimal"
                step="any"
                ref={input.ref}
                value={typeof value === 'number' ? value : ''}
                onChange={(event) =>
                  input.onChange(event.target.value === '' ? '' : event.target.valueAsNumber)
                }
                onBlur={input.onBlur}
                error={message}
              />
            );
          case 'boolean':
            return (
              <div className={styles.field}>
                <label className={styles.check}>
                  <input
                    type="checkbox"
                    ref={input.ref}
                    checked={value === true}
                    onChange={(event) => input.onChange(event.target.checked)}
                    onBlur={input.onBlur}
                    aria-invalid={message ? true : undefined}
                  />
                  {label}
                </label>
                {message && <p className={styles.error}>{message}</p>}
              </div>
            );
          case 'select':
            return (
              <Select
                label={label}
                ref={input.ref}
                value={typeof value === 'string' ? value : ''}
                onChange={(event) => input.onChange(event.target.value)}
                onBlur={input.onBlur}
                options={[
                  { value: '', label: field.required ? 'Choose…' : 'Not set' },
                  ...(field.options ?? []).map((o) => ({ value: o, label: o })),
                ]}
                error={message}
              />
            );
          case 'multiselect': {
            const chosen = Array.isArray(value) ? (value as string[]) : [];
            return (
              <fieldset className={styles.fieldset} aria-invalid={message ? true : undefined}>
                <legend className={styles.label}>{label}</legend>
                <div className={styles.checks}>
                  {(field.options ?? []).map((option, index) => (
                    <label key={option} className={styles.check}>
                      <input
                        type="checkbox"
                        ref={index === 0 ? input.ref : undefined}
                        checked={chosen.includes(option)}
                        onChange={(event) =>
                          input.onChange(
                            event.target.checked
                              ? [...chosen, option]
                              : chosen.filter((c) => c !== option),
                          )
                        }
                      />
                      {option}
                    </label>
                  ))}
                </div>
                {message && <p className={styles.error}>{message}</p>}
              </fieldset>
            );
          }
          default:
            return (
              <TextField
                label={label}
                type={INPUT_TYPES[field.type] ?? 'text'}
                ref={input.ref}
                value={typeof value === 'string' ? value : ''}
                onChange={(event) => input.onChange(event.target.value)}
                onBlur={input.onBlur}
                error={message}
              />
            );
        }
      }}
    />
  );
}
