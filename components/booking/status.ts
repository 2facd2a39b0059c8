import type { BookingStatus } from './types';

/** What each status means to a customer. */
export const STATUS_LABELS: Record<BookingStatus, string> = {
  pending: 'Requested',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  completed: 'Completed',
  no_show: 'Missed',
};
