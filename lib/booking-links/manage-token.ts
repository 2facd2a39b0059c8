import { createHmac } from 'node:crypto';
import { derivedKey } from '@/lib/auth/secret';
import { hashToken } from '@/lib/auth/api-key-token';

/**
 * A booking's manage token is an HMAC of its id under a server-derived key: 256 bits nobody
 * can guess without the secret. Only its SHA-256 is stored (lookup is by hash, so no token is
 * ever compared character by character), and the server can re-derive it to replay an
 * idempotent booking response without keeping the token anywhere.
 */
export function manageTokenFor(reservationId: string): string {
  return createHmac('sha256', derivedKey('manage-token')).update(reservationId).digest('base64url');
}

export const manageTokenHash = (token: string) => hashToken(token);

/** Tokens are 43 base64url characters; anything else cannot name a booking. */
export const isWellFormedToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);
