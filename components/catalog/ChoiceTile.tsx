import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import styles from './catalog.module.css';

/**
 * A radio button or checkbox as a bordered tile: a bold title and a line under it. The tile
 * is the label, so all of it is clickable; it turns accent-coloured while checked.
 */
export function ChoiceTile({
  title,
  description,
  className,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'title' | 'type'> & {
  type: 'radio' | 'checkbox';
  title: ReactNode;
  description: ReactNode;
  ref?: Ref<HTMLInputElement>;
}) {
  return (
    <label className={[styles.radio, className].filter(Boolean).join(' ')}>
      <input {...input} />
      <span className={styles.radioText}>
        <strong>{title}</strong>
        <span>{description}</span>
      </span>
    </label>
  );
}
