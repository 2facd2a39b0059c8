import { ApiError } from '@/components/api/apiFetch';

/**
 * §18: why a slot cannot be booked, in a customer's words. The API's own `message`s name
 * the business's resources ("Chair 2 is already booked…"), so the page says these instead.
 */
const SENTENCES: Record<string, string> = {
  inactive: 'This service can’t be booked online right now.',
  min_notice: 'That’s too soon to book online.',
  max_advance: 'That’s too far ahead to book online.',
  off_grid: 'That isn’t one of the start times on offer.',
  capacity_full: 'That class is full.',
  party_size_capacity: 'There isn’t room for that many people at that time.',
  resource_busy: 'Someone else has just booked it.',
  blocked: 'The business has blocked off that time.',
  outside_hours: 'The business isn’t open at that time any more.',
};

/** When several reasons come back (one per resource), the one that explains most. */
const ORDER = Object.keys(SENTENCES);

/** One sentence for a 409 `slot_unavailable` (or anything else that refused a time). */
export function unavailableSentence(error: unknown): string {
  const reasons =
    error instanceof ApiError ? error.details.map((d) => (d as { reason?: string }).reason) : [];
  const reason = ORDER.find((r) => reasons.includes(r));
  return reason ? SENTENCES[reason]! : 'That time is no longer available.';
}

export const isSlotUnavailable = (error: unknown) =>
  error instanceof ApiError && error.code === 'slot_unavailable';
