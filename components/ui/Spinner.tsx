import styles from './Spinner.module.css';

/** A small busy indicator. Pass label="" when the surrounding text already says what is loading. */
export function Spinner({ size = 20, label = 'Loading…' }: { size?: number; label?: string }) {
  return (
    <span
      className={styles.spinner}
      style={{ width: size, height: size }}
      role={label ? 'status' : undefined}
      aria-label={label || undefined}
      aria-hidden={label ? undefined : true}
    />
  );
}
