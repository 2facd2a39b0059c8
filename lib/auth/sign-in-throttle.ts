import { getDb } from '@/db/client';
import { clientIp } from '@/lib/http/client-ip';
import { enforceRateLimit } from '@/lib/http/rate-limit';

/**
 * Password guessing is slowed per account and client IP together, and per client IP: each
 * sign-in attempt counts in the database-backed one-minute windows the public endpoints use,
 * so every app process shares them. The account's window is per source, so a stranger
 * hammering someone's account throttles only themselves, never locks the owner out.
 * Limits: SIGN_IN_PER_MINUTE_ACCOUNT (default 5, per account and address),
 * SIGN_IN_PER_MINUTE_IP (default 30, whatever the account). Over the limit → 429
 * `rate_limited` with Retry-After, before the password is even checked.
 */
const SIGN_IN_PATH = /\/api\/auth\/sign-in\/email\/?$/;

function limit(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export async function throttleSignIn(req: Request, now = new Date()): Promise<void> {
  if (req.method !== 'POST' || !SIGN_IN_PATH.test(new URL(req.url).pathname)) return;
  let email: string | null = null;
  try {
    const body = (await req.clone().json()) as { email?: unknown };
    if (typeof body.email === 'string') email = body.email.trim().toLowerCase().slice(0, 320);
  } catch {
    // Better Auth answers malformed bodies itself; the IP limit still counts them.
  }
  const db = await getDb();
  const ip = clientIp(req);
  await enforceRateLimit(db, `sign-in:ip:${ip}`, limit('SIGN_IN_PER_MINUTE_IP', 30), now);
  if (email) {
    await enforceRateLimit(
      db,
      `sign-in:account:${email}:ip:${ip}`,
      limit('SIGN_IN_PER_MINUTE_ACCOUNT', 5),
      now,
    );
  }
}
