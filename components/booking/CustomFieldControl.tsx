'use client';

import { useId } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { Select } from '@/components/ui/Select';
import { TextArea } from '@/components/ui/TextArea';
import { TextField } from '@/components/ui/TextField';
import type { BookingFormValues } from './formValues';
import type { PublicCustomField } from './types';
import styles from './BookingForm.module.css';

const INPUT_TYPES: Record<string, { type: string; inputMode?: 'decimal'; autoComplete?: string }> =
  {
    number: { type: 'text', inputMode: 'decimal' },
    date: { type: 'date' },
    email: { type: 'email', autoComplete: 'off' },
    phone: { type: 'tel', autoComplete: 'off' },
    url: { type: 'url' },
    text: { type: 'text' },
  };

/** One of the link's custom fields, as the input its type calls for. */
export function CustomFieldControl({ field }: { field: PublicCustomField }) {
  const { register, control, formState } = useFormContext<BookingFormValues>();
  const name = `custom_fields_by_key.${field.key}` as const;
  const error = formState.errors.custom_fields_by_key?.[field.key]?.message as string | undefined;
  const label = field.required ? field.label : `${field.label} (optional)`;
  const groupId = useId();

  if (field.type === 'textarea') {
    return <TextArea label={label} error={error} rows={3} {...register(name)} />;
  }
  if (field.type === 'select') {
    return (
      <Select
        label={label}
        error={error}
        options={[
          { value: '', label: 'Choose…' },
          ...field.options.map((o) => ({ value: o, label: o })),
        ]}
        {...register(name)}
      />
    );
  }
  if (field.type === 'boolean' || field.type === 'multiselect') {
    const multiple = field.type === 'multiselect';
    const options = multiple
      ? field.options.map((o) => ({ value: o, label: o }))
      : [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ];
    return (
      <Controller
        control={control}
        name={name}
        render={({ field: input }) => {
          const chosen = Array.isArray(input.value) ? input.value : [input.value];
          return (
            <fieldset
              className={styles.choices}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${groupId}-error` : undefined}
            >
              <legend className={styles.legend}>{label}</legend>
              <div className={multiple ? styles.checkList : styles.segmented}>
                {options.map((option, i) => (
                  <label key={option.value} className={styles.choice}>
                    <input
                      type={multiple ? 'checkbox' : 'radio'}
                      name={multiple ? undefined : name}
                      value={option.value}
                      checked={chosen.includes(option.value)}
                      ref={i === 0 ? input.ref : undefined}
                      onBlur={input.onBlur}
                      onChange={(event) => {
                        if (!multiple) return input.onChange(option.value);
                        const list = chosen.filter((v) => v !== option.value);
                        input.onChange(event.target.checked ? [...list, option.value] : list);
                      }}
                    />
                    <span>{option.label}</span>
                  </label>
                ))}
              </div>
              {error && (
                <p id={`${groupId}-error`} className={styles.choiceError}>
                  {error}
                </p>
              )}
            </fieldset>
          );
        }}
      />
    );
  }
  const input = INPUT_TYPES[field.type] ?? INPUT_TYPES.text!;
  return (
    <TextField
      label={label}
      error={error}
      type={input.type}
      inputMode={input.inputMode}
      autoComplete={input.autoComplete}
      placeholder={field.type === 'url' ? 'https://' : undefined}
      {...register(name)}
    />
  );
}
