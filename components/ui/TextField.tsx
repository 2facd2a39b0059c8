import type { InputHTMLAttributes, Ref } from 'react';
import { FieldFrame } from './FieldFrame';
import styles from './Field.module.css';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  /** Shown under the input and announced with it; also marks the input invalid. */
  error?: string;
  hint?: string;
  id?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input with its hint and error wired to aria-describedby / aria-invalid. */
export function TextField({
  label,
  error,
  hint,
  id,
  className,
  type = 'text',
  ...rest
}: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} id={id} className={className}>
      {(control) => <input {...control} type={type} className={styles.control} {...rest} />}
    </FieldFrame>
  );
}
