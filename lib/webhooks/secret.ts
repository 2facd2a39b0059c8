import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { derivedKey } from '@/lib/auth/secret';

/**
 * Signing secrets (§17). Shown once as `whsec_<base64 of 32 random bytes>` (the Standard
 * Webhooks format); the decoded bytes are the HMAC key. The server must sign with it later,
 * so it is stored encrypted (AES-256-GCM under a key derived from BETTER_AUTH_SECRET), with
 * the endpoint's organization and id as associated data: a ciphertext copied onto another
 * row does not decrypt. Changing BETTER_AUTH_SECRET makes existing secrets unreadable:
 * deliveries then fail with a clear error and the endpoint must be recreated.
 */
const PREFIX = 'whsec_';
const FORMAT = 'v1';

export function generateWebhookSecret(): string {
  return PREFIX + randomBytes(32).toString('base64');
}

/** The HMAC key: the base64-decoded bytes after `whsec_`. */
export function signingKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
}

const aad = (organizationId: string, webhookId: string) =>
  Buffer.from(`webhook:${organizationId}:${webhookId}`);

export function encryptWebhookSecret(
  secret: string,
  organizationId: string,
  webhookId: string,
): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derivedKey('webhook-secret'), iv);
  cipher.setAAD(aad(organizationId, webhookId));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [FORMAT, iv, body, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function decryptWebhookSecret(
  stored: string,
  organizationId: string,
  webhookId: string,
): string {
  const [format, iv, body, tag] = stored.split('.');
  if (format !== FORMAT || !iv || !body || !tag) throw new Error('Unknown secret format.');
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      derivedKey('webhook-secret'),
      Buffer.from(iv, 'base64url'),
    );
    decipher.setAAD(aad(organizationId, webhookId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new Error(
      'The signing secret cannot be decrypted (was BETTER_AUTH_SECRET changed?). Recreate the endpoint.',
    );
  }
}
