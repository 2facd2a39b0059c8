'use client';

import { errorMessage } from '@/components/api/apiFetch';
import { Alert } from './Alert';
import { Button } from './Button';

/** A failed load, with its reason and a retry. */
export function LoadError({
  what,
  error,
  onRetry,
}: {
  what: string;
  error: unknown;
  onRetry: () => void;
}) {
  return (
    <Alert tone="error" title={`Could not load ${what}.`}>
      {errorMessage(error)}{' '}
      <Button size="sm" variant="secondary" onClick={onRetry}>
        Try again
      </Button>
    </Alert>
  );
}
