'use client';

import { useEffect, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { PublicApiError, publicErrorMessage } from './publicApi';

/** Seconds left of a 429's Retry-After, counting down; 0 once the wait is over. */
export function useRetryWait(error: unknown): number {
  const wait = error instanceof PublicApiError ? (error.retryAfterSeconds ?? 0) : 0;
  const [left, setLeft] = useState({ error, left: wait });
  const current = left.error === error ? left.left : wait;
  if (left.error !== error) setLeft({ error, left: wait });
  useEffect(() => {
    if (current <= 0) return;
    const timer = window.setTimeout(() => setLeft({ error, left: current - 1 }), 1000);
    return () => window.clearTimeout(timer);
  }, [current, error]);
  return current;
}

/**
 * An error for the visitor, with a retry button. A rate-limit answer counts down and keeps
 * the button disabled until the wait is over.
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
  const limited = error instanceof PublicApiError && error.status === 429;
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
