import { isOutageError } from '@/components/api/outage';
import { publicErrorMessage, publicFetch } from './publicApi';
import { isSlotUnavailable, unavailableSentence } from './reasons';
import type { HeldSlot, TimeNotice } from './types';

/**
 * §15 holds for the booking page. Loaded with the calendar (the flow imports it when a time is
 * first chosen), so none of it weighs on the page's first load.
 */

/** How long a chosen time is kept while the form is filled in (the API's default). */
export const HOLD_SECONDS = 600;

export async function takeHold(
  slug: string,
  slot: { service_id: string; start_datetime: string; party_size: number },
): Promise<HeldSlot> {
  // The countdown runs from when we asked, on this device's clock: never later than the
  // server's own expiry, however wrong the device's clock is.
  const sentAt = Date.now();
  const hold = await publicFetch<Omit<HeldSlot, 'deadline'>>(
    `/booking-links/${encodeURIComponent(slug)}/holds`,
    { method: 'POST', body: { ...slot, ttl_seconds: HOLD_SECONDS } },
  );
  return { ...hold, deadline: sentAt + HOLD_SECONDS * 1000 };
}

/** What to say above the calendar when `time` could not be held (or booked). */
export function holdFailureNotice(error: unknown, time: string): TimeNotice {
  if (isOutageError(error)) {
    // Not retried by itself: a hold is a write without an Idempotency-Key.
    return {
      tone: 'info',
      title: 'Can’t reach the server',
      text: `We couldn’t hold ${time} for you. Please try again in a moment.`,
    };
  }
  return isSlotUnavailable(error)
    ? {
        tone: 'warning',
        title: `Sorry, ${time} is no longer available`,
        text: `${unavailableSentence(error)} Please choose another time.`,
      }
    : {
        tone: 'error',
        title: `We couldn’t hold ${time} for you`,
        text: publicErrorMessage(error),
      };
}
