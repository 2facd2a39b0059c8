import { createHash } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { holds } from '@/db/schema';
import type { Db } from '@/db/types';
import { AppError } from '@/lib/http/errors';

/**
 * Anonymous holds (§15, issue 23): a public client may hold capacity for nothing, so what one
 * client — and all of them together — can keep at once on a booking link is capped, and a
 * public hold lives at most 10 minutes at a time (the page extends it while it is open).
 * Holds made through the staff API are not concerned.
 */

/** A public hold's TTL, and each extension's, at most (the total stays ≤ 1800 s, §15). */
export const PUBLIC_HOLD_TTL_MAX_S = 600;

const positiveInt = (raw: string | undefined, fallback: number) => {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export interface PublicHoldCaps {
  /** Live holds one client IP may keep on one link. */
  perClient: number;
  /** Live public holds on one link, all clients together. */
  perLink: number;
}

export function publicHoldCaps(): PublicHoldCaps {
  return {
    perClient: positiveInt(process.env.PUBLIC_HOLDS_PER_CLIENT, 3),
    perLink: positiveInt(process.env.PUBLIC_HOLDS_PER_LINK, 100),
  };
}

/** What is stored of the client: a hash of its IP, enough to count, not to know who. */
export function clientKey(ip: string): string {
  return createHash('sha256').update(`public-hold:${ip}`).digest('base64url').slice(0, 22);
}

/**
 * Serializes public hold creation on one link, so two at once cannot both pass the caps. A
 * transaction advisory lock taken before the write's row locks (write-lock.ts): no other write
 * takes it, so it adds no lock cycle.
 */
export async function lockLinkHolds(tx: Db, bookingLinkId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`public-holds:${bookingLinkId}`}, 0))`,
  );
}

/** Refuses (429 `rate_limited`) a new public hold over either cap; call under lockLinkHolds. */
export async function checkPublicHoldCaps(
  tx: Db,
  args: { bookingLinkId: string; clientKey: string; now: Date; caps: PublicHoldCaps },
): Promise<void> {
  const rows = await tx
    .select({ client_key: holds.client_key, expires_at: holds.expires_at })
    .from(holds)
    .where(and(eq(holds.booking_link_id, args.bookingLinkId), gt(holds.expires_at, args.now)));
  const mine = rows.filter((r) => r.client_key === args.clientKey);
  const full = (list: typeof rows, cap: number) => {
    if (list.length < cap) return;
    // Free again when the earliest of those holds expires (or is used or released sooner).
    const soonest = Math.min(...list.map((r) => r.expires_at.getTime()));
    const retryAfter = Math.max(1, Math.ceil((soonest - args.now.getTime()) / 1000));
    throw new AppError(
      'rate_limited',
      429,
      `Too many times are held at once; book or let one go, or try again in ${retryAfter} seconds.`,
      undefined,
      { 'Retry-After': String(retryAfter) },
    );
  };
  full(mine, args.caps.perClient);
  full(rows, args.caps.perLink);
}
