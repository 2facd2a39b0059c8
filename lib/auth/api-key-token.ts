import { createHash, randomBytes } from 'node:crypto';

/**
 * API keys are 256 random bits behind a recognisable prefix. Only their SHA-256 is stored:
 * the key has full entropy, so a fast hash is enough, and lookup is by hash (no key in memory
 * or logs is ever compared character by character).
 */
export const API_KEY_PREFIX = 'rsk_';

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = API_KEY_PREFIX + randomBytes(32).toString('base64url');
  return { key, prefix: key.slice(0, API_KEY_PREFIX.length + 6), hash: hashToken(key) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
