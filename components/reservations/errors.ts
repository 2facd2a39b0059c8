import { ApiError, errorMessage } from '@/components/api/apiFetch';

/**
 * A sentence for a failed booking change. A 409 `slot_unavailable` says why (§18) in its
 * details; those messages are more useful than the generic one.
 */
export function bookingErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 409 && error.details.length > 0) {
    const reasons = [...new Set(error.details.map((d) => d.message).filter(Boolean))];
    if (reasons.length > 0) {
      return reasons.includes(error.message)
        ? reasons.join(' ')
        : `${error.message} ${reasons.join(' ')}`;
    }
  }
  return errorMessage(error);
}
