import { createHash, createHmac } from 'node:crypto';

/**
 * An independent SigV4 check of a presigned S3 URL against the request a client would send,
 * written from AWS's specification (not with the SDK that signed the URL). s3rver 3.7 does not
 * verify V4 signatures, so this is how the tests show that S3 would refuse a changed
 * Content-Type, Content-Length, key or expiry. Not a test file itself.
 */

const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

const hmac = (key: Buffer | string, data: string) =>
  createHmac('sha256', key).update(data).digest();

/** `20270314T150000Z` → epoch ms. */
const amzDate = (v: string) =>
  Date.UTC(
    +v.slice(0, 4),
    +v.slice(4, 6) - 1,
    +v.slice(6, 8),
    +v.slice(9, 11),
    +v.slice(11, 13),
    +v.slice(13, 15),
  );

export function verifyPresignedUrl(
  signedUrl: string,
  request: { method: string; headers: Record<string, string> },
  secretAccessKey: string,
  now = Date.now(),
): { valid: true } | { valid: false; reason: string } {
  const url = new URL(signedUrl);
  const q = url.searchParams;
  const signature = q.get('X-Amz-Signature');
  const date = q.get('X-Amz-Date');
  const credential = q.get('X-Amz-Credential');
  const signedHeaders = q.get('X-Amz-SignedHeaders');
  const expires = Number(q.get('X-Amz-Expires'));
  if (!signature || !date || !credential || !signedHeaders || !Number.isInteger(expires)) {
    return { valid: false, reason: 'missing parameters' };
  }
  const headers = Object.fromEntries(
    Object.entries({ host: url.host, ...request.headers }).map(([k, v]) => [k.toLowerCase(), v]),
  );
  const canonicalQuery = [...q.entries()]
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [rfc3986(k), rfc3986(v)])
    .sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const names = signedHeaders.split(';');
  const canonicalHeaders = names.map((n) => `${n}:${(headers[n] ?? '').trim()}\n`).join('');
  const canonicalRequest = [
    request.method,
    url.pathname,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    'UNSIGNED-PAYLOAD',
  ].join('\n');
  const scope = credential.split('/').slice(1).join('/');
  const [day, region, service] = scope.split('/');
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    date,
    scope,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  const key = hmac(
    hmac(hmac(hmac(`AWS4${secretAccessKey}`, day!), region!), service!),
    'aws4_request',
  );
  if (hmac(key, stringToSign).toString('hex') !== signature) {
    return { valid: false, reason: 'signature does not match' };
  }
  if (now > amzDate(date) + expires * 1000) return { valid: false, reason: 'expired' };
  return { valid: true };
}
