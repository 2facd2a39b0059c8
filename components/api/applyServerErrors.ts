import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './apiFetch';
import { isOutageError, OUTAGE_WRITE_MESSAGE } from './outage';

/**
 * Puts a server's validation/conflict details on the form fields they name
 * (details[].path), and returns what is left for a form-level alert.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): string | null {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.';
  if (isOutageError(error)) return OUTAGE_WRITE_MESSAGE;
  let placed = false;
  for (const detail of error.details) {
    const field = fields.find((f) => f === detail.path);
    if (field) {
      setError(field, { type: 'server', message: detail.message }, { shouldFocus: !placed });
      placed = true;
    }
  }
  if (placed) return null;
  if (error.status >= 500) return 'Something went wrong on our side. Try again in a moment.';
  return error.message;
}
