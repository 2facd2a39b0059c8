import { allowedTransitions } from '@/lib/reservations/status-machine';
import type { Reservation, ReservationStatus } from './types';

export const STATUS_LABELS: Record<ReservationStatus, string> = {
  pending: 'Pending',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  completed: 'Completed',
  no_show: 'No-show',
};

export interface StatusAction {
  to: ReservationStatus;
  label: string;
  variant: 'primary' | 'secondary' | 'dangerGhost';
}

const ACTION_LABELS: Record<ReservationStatus, string> = {
  confirmed: 'Confirm',
  cancelled: 'Cancel reservation',
  completed: 'Complete',
  no_show: 'No-show',
  pending: 'Reopen as pending',
};

/**
 * The actions the drawer offers: the server's own transition table (§9), minus
 * completed/no_show before the start, which the server would refuse anyway.
 */
export function statusActions(reservation: Reservation, now: Date = new Date()): StatusAction[] {
  const started = new Date(reservation.start_datetime).getTime() <= now.getTime();
  return allowedTransitions(reservation.status)
    .filter((to) => started || (to !== 'completed' && to !== 'no_show'))
    .map((to) => ({
      to,
      label:
        reservation.status === 'cancelled' && to === 'confirmed'
          ? 'Reopen as confirmed'
          : ACTION_LABELS[to],
      variant: to === 'cancelled' ? 'dangerGhost' : to === 'confirmed' ? 'primary' : 'secondary',
    }));
}

/** Whether the booking still holds a time (drag and reschedule make sense). */
export function isMovable(status: ReservationStatus): boolean {
  return status === 'pending' || status === 'confirmed';
}
