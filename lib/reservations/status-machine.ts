import { AppError } from '@/lib/http/errors';
import type { ReservationStatus } from './schemas';

/** §9 status transitions; anything else is 409 `invalid_transition`. */
const TRANSITIONS: Record<ReservationStatus, ReservationStatus[]> = {
  pending: ['confirmed', 'cancelled'],
  confirmed: ['cancelled', 'completed', 'no_show'],
  completed: ['no_show'],
  no_show: ['completed'],
  cancelled: ['pending', 'confirmed'],
};

export function allowedTransitions(from: ReservationStatus): ReservationStatus[] {
  return TRANSITIONS[from];
}

export function assertTransition(
  from: ReservationStatus,
  to: ReservationStatus,
  start: Date,
  now: Date,
): void {
  if (from === to) return;
  if (!TRANSITIONS[from].includes(to)) {
    throw new AppError('invalid_transition', 409, `A ${from} reservation cannot become ${to}.`, [
      {
        path: 'status',
        message: `Allowed from ${from}: ${TRANSITIONS[from].join(', ') || 'none'}.`,
      },
    ]);
  }
  if ((to === 'completed' || to === 'no_show') && start.getTime() > now.getTime()) {
    throw new AppError(
      'invalid_transition',
      409,
      `A reservation can be marked ${to} only once it has started.`,
      [{ path: 'status', message: 'The reservation has not started yet.' }],
    );
  }
}

/** Statuses that hold their allocation (§8 rule 6). */
export const holdsCapacity = (status: string) => status !== 'cancelled';
