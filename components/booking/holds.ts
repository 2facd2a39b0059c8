import { isOutageError } from '@/components/api/outage';
import { publicErrorMessage, publicFetch } from './publicApi';
import { isSlotUnavailable, unavailableSentence } from './reasons';
import type { HeldSlot, TimeNotice } from './types';

/**
 * §15 holds for the booking page. Loaded with the calendar (the flow imports it when a time is
 * first chosen), so none of it weighs on the page's first load.
 */

/** How long a chosen time is kept while the form is filled in, and each extension (§15). */
export const HOLD_SECONDS = 600;
/** The longest a hold may live from its creation, however often it is extended (§15). */
export const HOLD_MAX_SECONDS = 1800;

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
  return { ...hold, deadline: sentAt + HOLD_SECONDS * 1000, heldSince: sentAt };
}

/** The latest a hold can be kept until, on this device's clock. */
const lastDeadline = (hold: HeldSlot) => hold.heldSince + HOLD_MAX_SECONDS * 1000;

/** True while extending at `now` (ms, this device's clock) would add at least a minute. */
export function canExtend(hold: HeldSlot, now: number): boolean {
  return Math.min(now + HOLD_SECONDS * 1000, lastDeadline(hold)) - hold.deadline >= 60_000;
}

/** Keeps the held time another 10 minutes from now (never past 30 minutes from the first hold). */
export async function extendHold(slug: string, hold: HeldSlot): Promise<HeldSlot> {
  const sentAt = Date.now();
  const answer = await publicFetch<Omit<HeldSlot, 'deadline' | 'heldSince'>>(
    `/booking-links/${encodeURIComponent(slug)}/holds/${hold.id}`,
    { method: 'PATCH', body: { ttl_seconds: HOLD_SECONDS } },
  );
  return {
    ...hold,
    ...answer,
    deadline: Math.min(sentAt + HOLD_SECONDS * 1000, lastDeadline(hold)),
  };
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
