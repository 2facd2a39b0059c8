import { eq } from 'drizzle-orm';
import { allocations, holds, type Hold } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Ctx } from '@/lib/http/context';
import { fieldError, type ErrorDetail, validationError } from '@/lib/http/errors';
import { findLiveHold, holdExpired } from './holds';

/**
 * §15: `POST /api/reservations {hold_id}` takes the hold's place atomically. The hold is
 * locked first (a second consumer waits, then finds it gone: 409 `hold_expired`), fields sent
 * with it must match it (400), and no engine check runs: the capacity is already the hold's.
 */
export interface HoldClaim {
  hold: Hold;
}

export async function lockHoldForBooking(
  tx: Db,
  ctx: Pick<Ctx, 'organization' | 'now'>,
  holdId: string,
  sent: {
    service_id?: string;
    start_datetime?: Date;
    party_size?: number;
  },
  bookingLinkId: string | null,
): Promise<Hold> {
  const hold = await findLiveHold(tx, ctx, holdId, true);
  // A public booking may use only a hold taken through the same link.
  if (!hold || (bookingLinkId !== null && hold.booking_link_id !== bookingLinkId)) {
    throw holdExpired();
  }
  const issues: ErrorDetail[] = [];
  if (sent.service_id !== undefined && sent.service_id !== hold.service_id)
    issues.push({ path: 'service_id', message: 'Does not match the hold.' });
  if (
    sent.start_datetime !== undefined &&
    sent.start_datetime.getTime() !== hold.start_datetime.getTime()
  )
    issues.push({ path: 'start_datetime', message: 'Does not match the hold.' });
  if (sent.party_size !== undefined && sent.party_size !== hold.party_size)
    issues.push({ path: 'party_size', message: 'Does not match the hold.' });
  if (issues.length) throw validationError('The booking does not match its hold.', issues);
  return hold;
}

/** After the reservation row exists: its allocation becomes the reservation's, the hold goes. */
export async function transferHold(tx: Db, hold: Hold, reservationId: string): Promise<string[]> {
  let resourceIds: string[];
  if (hold.occurrence_id) {
    const rows = await tx
      .select({ resource_id: allocations.resource_id })
      .from(allocations)
      .where(eq(allocations.occurrence_id, hold.occurrence_id));
    resourceIds = rows.map((r) => r.resource_id);
  } else {
    const rows = await tx
      .update(allocations)
      .set({ hold_id: null, reservation_id: reservationId })
      .where(eq(allocations.hold_id, hold.id))
      .returning({ resource_id: allocations.resource_id });
    resourceIds = rows.map((r) => r.resource_id);
  }
  await tx.delete(holds).where(eq(holds.id, hold.id));
  return [...new Set(resourceIds)];
}

export const missingSlotFields = () =>
  fieldError('service_id', 'Send service_id and start_datetime, or a hold_id.');
