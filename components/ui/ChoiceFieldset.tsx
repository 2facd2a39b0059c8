import { useId, type ReactNode } from 'react';
import styles from './Field.module.css';

/**
 * A group of choices (checkboxes, tiles) under a legend and a hint, with the group's error below
 * it. The fieldset is described by its error while there is one, otherwise by its hint.
 * `children` renders the choices, given the error's id for the inputs to name.
 */
export function ChoiceFieldset({
  legend,
  hint,
  error,
  className,
  legendClassName,
  hintClassName,
  children,
}: {
  legend: ReactNode;
  hint: ReactNode;
  error?: string;
  className?: string;
  legendClassName?: string;
  hintClassName?: string;
  children: (errorId: string) => ReactNode;
}) {
  const hintId = useId();
  const errorId = useId();
  return (
    <fieldset className={className} aria-describedby={error ? errorId : hintId}>
      <legend className={legendClassName}>{legend}</legend>
      <p className={hintClassName} id={hintId}>
        {hint}
      </p>
      {children(errorId)}
      {error && (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
