'use client';

import { ApiError } from '@/components/api/apiFetch';
import { isOutageError } from '@/components/api/outage';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { OutageNotice } from '@/components/ui/OutageNotice';
import { useCountdown } from '@/components/ui/useCountdown';
import { publicErrorMessage } from './publicApi';

/** Seconds left of a 429's Retry-After, counting down; 0 once the wait is over. */
export function useRetryWait(error: unknown): number {
  const limited = error instanceof ApiError && error.status === 429;
  return useCountdown(limited ? (error.retryAfterSeconds ?? 0) : 0, error);
}

/**
 * An error for the visitor, with a retry button. A rate-limit answer counts down and keeps
 * the button disabled until the wait is over. A server that could not be reached is not the
 * visitor's trouble: that is the calm outage notice, saying what did not happen (`title`).
 */
export function ErrorNotice({
  error,
  title,
  message: override,
  onRetry,
  retryLabel = 'Try again',
}: {
  error: unknown;
  title?: string;
  /** Replaces the error's own sentence (not the rate limit's countdown). */
  message?: string;
  onRetry?: () => void;
  retryLabel?: string;
}) {
  const wait = useRetryWait(error);
  if (isOutageError(error)) {
    return (
      <OutageNotice
        outage={{ error, retrying: false, retryInSeconds: null }}
        onRetry={onRetry}
        retryLabel={retryLabel}
      >
        {override ?? (title ? `${title} Please try again in a moment.` : publicErrorMessage(error))}
      </OutageNotice>
    );
  }
  const limited = error instanceof ApiError && error.status === 429;
  const message = limited
    ? wait > 0
      ? `Too many attempts. Please try again in ${wait} second${wait === 1 ? '' : 's'}.`
      : 'You can try again now.'
    : (override ?? publicErrorMessage(error));
  return (
    <Alert tone={limited && wait === 0 ? 'info' : 'error'} title={title}>
      <p>{message}</p>
      {onRetry && (
        <Button size="sm" onClick={onRetry} disabled={wait > 0} style={{ marginTop: 8 }}>
          {retryLabel}
        </Button>
      )}
    </Alert>
  );
}
