/**
 * The origin this request was addressed to. Behind a proxy, X-Forwarded-Host/Proto are
 * trusted only with TRUST_PROXY=1.
 */
export function requestOrigin(req: Request): string {
  const url = new URL(req.url);
  const trustProxy = process.env.TRUST_PROXY === '1';
  const host =
    (trustProxy && req.headers.get('x-forwarded-host')) || req.headers.get('host') || url.host;
  const proto =
    (trustProxy && req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim()) ||
    url.protocol.replace(':', '');
  return `${proto}://${host}`;
}

/** Cookie-authenticated writes must carry an Origin (or Referer) of our own origin (§0). */
export function isSameOrigin(req: Request): boolean {
  const own = requestOrigin(req);
  const origin = req.headers.get('origin');
  if (origin) return origin === own;
  const referer = req.headers.get('referer');
  if (referer) {
    try {
      return new URL(referer).origin === own;
    } catch {
      return false;
    }
  }
  return false;
}
