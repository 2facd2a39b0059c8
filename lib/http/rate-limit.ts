import { lt, sql } from 'drizzle-orm';
import { rateLimitHits } from '@/db/schema';
import type { Db } from '@/db/types';
import { AppError } from './errors';

/**
 * A fixed one-minute window per client, counted in the database so that every app process
 * shares it (§11). One upsert per request; windows older than an hour are swept now and then.
 */
const WINDOW_MS = 60_000;
const SWEEP_EVERY = 200;
let callsSinceSweep = 0;

/** A positive integer setting (requests per minute), else the default. */
export function perMinuteSetting(name: string, fallback: number): number {
  const configured = Number(process.env[name]);
  return Number.isInteger(configured) && configured > 0 ? configured : fallback;
}

export function publicLimitPerMinute(): number {
  const configured = Number(process.env.RATE_LIMIT_PUBLIC_PER_MINUTE);
  return Number.isInteger(configured) && configured > 0 ? configured : 60;
}

export async function enforceRateLimit(
  db: Db,
  bucket: string,
  limit: number,
  now: Date,
): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const [row] = await db
    .insert(rateLimitHits)
    .values({ bucket, window_start: windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimitHits.bucket, rateLimitHits.window_start],
      set: { hits: sql`${rateLimitHits.hits} + 1` },
    })
    .returning({ hits: rateLimitHits.hits });
  if (++callsSinceSweep >= SWEEP_EVERY) {
    callsSinceSweep = 0;
    await db
      .delete(rateLimitHits)
      .where(lt(rateLimitHits.window_start, new Date(now.getTime() - 60 * WINDOW_MS)));
  }
  if (row!.hits > limit) {
    const retryAfter = Math.max(
      1,
      Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000),
    );
    throw new AppError(
      'rate_limited',
      429,
      `Too many requests; try again in ${retryAfter} seconds.`,
      undefined,
      { 'Retry-After': String(retryAfter) },
    );
  }
}
