import { useId, type ReactNode } from 'react';
import styles from './Field.module.css';

/** The props that tie a control to its label, hint and error. */
export interface ControlWiring {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface Messages {
  hint?: ReactNode;
  error?: string;
}

/**
 * The ids and ARIA wiring of a labelled control with an optional hint and error. By default the
 * error replaces the hint while shown: one message at a time, and never the same twice.
 */
export function useFieldWiring({
  id,
  hint,
  error,
  keepHint = false,
}: Messages & { id?: string; keepHint?: boolean }) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const showHint = Boolean(hint) && (keepHint || !error);
  const describedBy = [showHint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;
  const control: ControlWiring = {
    id: controlId,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  };
  return { control, hintId, errorId, showHint };
}

/** A control's hint and error lines, with the ids its aria-describedby names. */
export function FieldMessages({
  hint,
  error,
  hintId,
  errorId,
  showHint,
  classes = styles,
}: Messages & {
  hintId: string;
  errorId: string;
  showHint: boolean;
  classes?: { hint?: string; error?: string };
}) {
  return (
    <>
      {showHint && (
        <p id={hintId} className={classes.hint}>
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className={classes.error}>
          {error}
        </p>
      )}
    </>
  );
}

/**
 * A labelled field: the label above the control, then its hint or error. The control itself is
 * rendered by `children` with the props that wire it to the label and messages.
 */
export function FieldFrame({
  label,
  hint,
  error,
  id,
  className,
  children,
}: Messages & {
  label: ReactNode;
  id?: string;
  className?: string;
  children: (control: ControlWiring) => ReactNode;
}) {
  const { control, ...messages } = useFieldWiring({ id, hint, error });
  return (
    <div className={[styles.field, className].filter(Boolean).join(' ')}>
      <label className={styles.label} htmlFor={control.id}>
        {label}
      </label>
      {children(control)}
      <FieldMessages hint={hint} error={error} {...messages} />
    </div>
  );
}
