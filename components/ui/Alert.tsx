import type { ReactNode } from 'react';
import styles from './Alert.module.css';

export type AlertTone = 'info' | 'error' | 'success' | 'warning';

const ICON_PATHS: Record<AlertTone, string> = {
  info: 'M8 7v4M8 5h.01',
  success: 'M5 8.2l2 2 4-4.4',
  warning: 'M8 4.5v4M8 11h.01',
  error: 'M8 4.5v4M8 11h.01',
};

/**
 * A message box. Errors are announced at once (role="alert"); the other tones
 * politely (role="status"), so a screen reader hears the result of an action.
 */
export function Alert({
  tone = 'info',
  title,
  children,
  className,
}: {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={[styles.alert, styles[tone], className].filter(Boolean).join(' ')}
    >
      <svg className={styles.icon} width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path
          d={ICON_PATHS[tone]}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
        />
      </svg>
      <div className={styles.content}>
        {title && <p className={styles.title}>{title}</p>}
        {children && <div>{children}</div>}
      </div>
    </div>
  );
}
