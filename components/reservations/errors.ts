import { ApiError, errorMessage } from '@/components/api/apiFetch';
import { failureTone } from '@/components/api/outage';

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

/** A failed change as the page shows it: its sentence, calm when the server was unreachable. */
export interface ActionFailure {
  message: string;
  tone: 'info' | 'error';
}

export function actionFailure(error: unknown): ActionFailure {
  return { message: bookingErrorMessage(error), tone: failureTone(error) };
}
