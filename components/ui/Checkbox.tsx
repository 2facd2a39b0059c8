import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { FieldMessages, useFieldWiring } from './FieldFrame';
import styles from './Checkbox.module.css';

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  label: ReactNode;
  /** A sentence under the label saying what checking it does. */
  hint?: ReactNode;
  error?: string;
  id?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A native checkbox with its label, hint and error wired for assistive technology. */
export function Checkbox({ label, hint, error, id, className, ...rest }: CheckboxProps) {
  // Beside a checkbox the hint says what ticking it means: it stays while an error shows.
  const { control, ...messages } = useFieldWiring({ id, hint, error, keepHint: true });
  return (
    <div className={[styles.checkbox, className].filter(Boolean).join(' ')}>
      <input {...control} type="checkbox" className={styles.input} {...rest} />
      <div className={styles.text}>
        <label htmlFor={control.id} className={styles.label}>
          {label}
        </label>
        <FieldMessages hint={hint} error={error} classes={styles} {...messages} />
      </div>
    </div>
  );
}
