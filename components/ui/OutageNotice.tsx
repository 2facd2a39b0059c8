'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, type ReactNode } from 'react';
import { retryOutagesNow, type Outage } from '@/components/api/outage';
import { Alert } from './Alert';
import { Button } from './Button';
import { useCountdown } from './useCountdown';
import styles from './OutageNotice.module.css';

/** "Try again now" for reads: every read waiting for the server tries at once. */
export function useRetryOutagesNow(): () => void {
  const client = useQueryClient();
  return useCallback(() => retryOutagesNow(client), [client]);
}

/**
 * "Can't reach the server": the calm notice of an outage (components/api/outage.ts), in the info
 * tone, for the staff pages and the booking pages alike. It is a polite live region
 * (role="status"); the countdown itself is hidden from screen readers, which would otherwise
 * hear it every second, and they are told once that it retries by itself.
 *
 * `compact` is the one-line banner above data kept on screen; otherwise it stands in for what
 * could not be loaded. `children` says what happened (a write: "nothing was saved").
 */
export function OutageNotice({
  outage,
  onRetry,
  retryLabel = 'Try again now',
  compact = false,
  title = 'Can’t reach the server',
  children,
  className,
}: {
  outage: Outage;
  onRetry?: () => void;
  retryLabel?: string;
  compact?: boolean;
  title?: string;
  children?: ReactNode;
  className?: string;
}) {
  const left = useCountdown(outage.retryInSeconds ?? 0, outage.error);
  const text =
    children ??
    (compact
      ? 'Showing what was loaded earlier.'
      : outage.retrying
        ? null
        : 'Try again in a moment.');
  const status = outage.retrying && (
    <>
      <span aria-hidden="true">
        {outage.retryInSeconds !== null && left > 0
          ? `Retrying in ${left} s…`
          : outage.error
            ? 'Retrying…'
            : 'Retrying once the connection is back…'}
      </span>
      <span className="sr-only">Retrying automatically.</span>
    </>
  );
  return (
    <Alert
      tone="info"
      title={compact ? undefined : title}
      className={[compact && styles.compact, className].filter(Boolean).join(' ')}
    >
      <div className={styles.body}>
        <p className={styles.text}>
          {compact && <strong className={styles.title}>{title}. </strong>}
          {text}
          {text && status && ' '}
          {status}
        </p>
        {onRetry && (
          <Button size="sm" variant="secondary" onClick={onRetry}>
            {retryLabel}
          </Button>
        )}
      </div>
    </Alert>
  );
}
