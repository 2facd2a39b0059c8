import { createHmac, timingSafeEqual } from 'node:crypto';
import { uploadSigningKey } from './config';

/**
 * The signature of a local upload URL: an HMAC over everything the PUT may do — the method,
 * the key, the expiry (unix seconds), the content type and the exact length — so changing any
 * of them (or the URL) invalidates it.
 */
export interface LocalPutGrant {
  key: string;
  expires: number;
  contentType: string;
  contentLength: number;
}

const message = (g: LocalPutGrant) =>
  ['PUT', g.key, String(g.expires), g.contentType, String(g.contentLength)].join('\n');

export function signLocalPut(grant: LocalPutGrant): string {
  return createHmac('sha256', uploadSigningKey()).update(message(grant)).digest('base64url');
}

export function verifyLocalPut(grant: LocalPutGrant, signature: string): boolean {
  const expected = createHmac('sha256', uploadSigningKey()).update(message(grant)).digest();
  if (!/^[A-Za-z0-9_-]{43}$/.test(signature)) return false;
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
