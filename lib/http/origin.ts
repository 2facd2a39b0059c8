import { forwardedValue } from './client-ip';

/**
 * The origin this request was addressed to. Behind a proxy, X-Forwarded-Host/Proto are
 * trusted only with TRUST_PROXY=1, and read like X-Forwarded-For (TRUST_PROXY_HOPS).
 */
export function requestOrigin(req: Request): string {
  const url = new URL(req.url);
  const host =
    forwardedValue(req.headers, 'x-forwarded-host') || req.headers.get('host') || url.host;
  const proto = forwardedValue(req.headers, 'x-forwarded-proto') || url.protocol.replace(':', '');
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
