import { createHmac } from 'node:crypto';

/**
 * The server's one secret (BETTER_AUTH_SECRET; `npm run dev`/`start` create one in the data
 * directory). Other keys are derived from it per purpose, so one leak cannot forge another.
 */
export function serverSecret(): string {
  const secret = process.env.BETTER_AUTH_SECRET;
  if (secret) return secret;
  if (process.env.NODE_ENV === 'production') {
    throw new Error('BETTER_AUTH_SECRET must be set in production.');
  }
  return 'development-only-secret-change-me-0123456789';
}

export function derivedKey(purpose: string): Buffer {
  return createHmac('sha256', serverSecret()).update(`reservations:${purpose}`).digest();
}
