import { createHmac } from 'node:crypto';
import { signingKey } from './secret';

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): the signed content is
 * `<webhook-id>.<webhook-timestamp>.<body>`, HMAC-SHA256 keyed by the secret's decoded bytes,
 * sent as `v1,<base64>`. The id is the event's (stable across retries, so receivers can
 * de-duplicate); the timestamp is the attempt's, in Unix seconds.
 */
export function signatureHeaders(
  secret: string,
  eventId: string,
  body: string,
  now: Date,
): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000).toString();
  const signature = createHmac('sha256', signingKey(secret))
    .update(`${eventId}.${timestamp}.${body}`)
    .digest('base64');
  return {
    'webhook-id': eventId,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${signature}`,
  };
}
