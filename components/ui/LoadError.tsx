'use client';

import { errorMessage } from '@/components/api/apiFetch';
import { isOutageError } from '@/components/api/outage';
import { Alert } from './Alert';
import { Button } from './Button';
import { OutageNotice } from './OutageNotice';

/**
 * A failed load, with its reason and a retry. A server that could not be reached is not an
 * error of the page: that gets the calm outage notice.
 */
export function LoadError({
  what,
  error,
  onRetry,
}: {
  what: string;
  error: unknown;
  onRetry: () => void;
}) {
  if (isOutageError(error)) {
    return (
      <OutageNotice outage={{ error, retrying: false, retryInSeconds: null }} onRetry={onRetry}>
        Could not load {what}.
      </OutageNotice>
    );
  }
  return (
    <Alert tone="error" title={`Could not load ${what}.`}>
      {errorMessage(error)}{' '}
      <Button size="sm" variant="secondary" onClick={onRetry}>
        Try again
      </Button>
    </Alert>
  );
}
