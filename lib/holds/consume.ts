import { eq } from 'drizzle-orm';
import { allocations, holds, type Hold, type Service } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Ctx } from '@/lib/http/context';
import { AppError, fieldError, type ErrorDetail, validationError } from '@/lib/http/errors';
import { findLiveHold, holdExpired } from './holds';

/**
 * §15: `POST /api/reservations {hold_id}` takes the hold's place atomically. Fields sent with
 * it must match it (400); the hold is found, the write's locks are taken (write-lock.ts), and
 * then the hold itself is locked and checked again (a second consumer waits, then finds it
 * gone: 409 `hold_expired`). No engine check runs: the capacity is already the hold's, admitted
 * under the rules of its time — but a service deactivated since takes no booking (§3).
 */
export interface SentSlotFields {
  service_id?: string;
  start_datetime?: Date;
  party_size?: number;
  preferred_resource_id?: string | null;
}

/** The hold a booking names, unlocked, or 409 `hold_expired`. */
export async function findHoldForBooking(
  tx: Db,
  ctx: Pick<Ctx, 'organization' | 'now'>,
  holdId: string,
  sent: SentSlotFields,
  bookingLinkId: string | null,
): Promise<Hold> {
  const hold = await findLiveHold(tx, ctx, holdId);
  // A public booking may use only a hold taken through the same link.
  if (!hold || (bookingLinkId !== null && hold.booking_link_id !== bookingLinkId)) {
    throw holdExpired();
  }
  const issues: ErrorDetail[] = [];
  const mismatch = (path: string) => issues.push({ path, message: 'Does not match the hold.' });
  if (sent.service_id !== undefined && sent.service_id !== hold.service_id) mismatch('service_id');
  if (
    sent.start_datetime !== undefined &&
    sent.start_datetime.getTime() !== hold.start_datetime.getTime()
  )
    mismatch('start_datetime');
  if (sent.party_size !== undefined && sent.party_size !== hold.party_size) mismatch('party_size');
  // The hold's units were chosen for its preference: another one would contradict them.
  if (
    sent.preferred_resource_id !== undefined &&
    sent.preferred_resource_id !== hold.preferred_resource_id
  )
    mismatch('preferred_resource_id');
  if (issues.length) throw validationError('The booking does not match its hold.', issues);
  return hold;
}

/** Under the write's locks: the hold, locked and still live, on a service still bookable. */
export async function lockHeldSlot(
  tx: Db,
  ctx: Pick<Ctx, 'organization' | 'now'>,
  hold: Hold,
  service: Service | null,
): Promise<Hold> {
  const locked = await findLiveHold(tx, ctx, hold.id, true);
  if (!locked) throw holdExpired();
  if (!service?.is_active) {
    const message = 'This service is no longer taking bookings.';
    throw new AppError('slot_unavailable', 409, message, [
      { reason: 'inactive', path: 'hold_id', message },
    ]);
  }
  return locked;
}

/**
 * Before the reservation row: a session hold gives up its seats first, so the seats the
 * reservation then takes never count twice against the session's limit (a CHECK).
 */
export function vacateSessionHold(tx: Db, hold: Hold): Promise<unknown> {
  if (!hold.occurrence_id) return Promise.resolve();
  return tx.delete(holds).where(eq(holds.id, hold.id)).execute();
}

/**
 * After the reservation row exists: a private hold's allocation becomes the reservation's and
 * the hold goes; a session hold (already vacated) leaves the session's units to its new member.
 */
export async function transferHold(tx: Db, hold: Hold, reservationId: string): Promise<string[]> {
  if (hold.occurrence_id) {
    const rows = await tx
      .select({ resource_id: allocations.resource_id })
      .from(allocations)
      .where(eq(allocations.occurrence_id, hold.occurrence_id));
    return [...new Set(rows.map((r) => r.resource_id))];
  }
  const rows = await tx
    .update(allocations)
    .set({ hold_id: null, reservation_id: reservationId })
    .where(eq(allocations.hold_id, hold.id))
    .returning({ resource_id: allocations.resource_id });
  await tx.delete(holds).where(eq(holds.id, hold.id));
  return [...new Set(rows.map((r) => r.resource_id))];
}

export const missingSlotFields = () =>
  fieldError('service_id', 'Send service_id and start_datetime, or a hold_id.');
