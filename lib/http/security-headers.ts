/**
 * Headers every response of the app carries (set by scripts/serve.ts). Pages get their CSP
 * from proxy.ts instead: a fresh nonce per request, which Next puts on its own scripts, with
 * `'strict-dynamic'` so the scripts those load run too, and no `'unsafe-inline'`. Other
 * responses (the API, static files) carry the same policy without a nonce: no script of theirs
 * runs inline. `eval` is allowed only in development, where React's tooling needs it. Images
 * may come from any https host (service images may be external); uploads to S3 need its
 * origin.
 */
function s3Origin(): string | null {
  if (process.env.STORAGE_DRIVER !== 's3') return null;
  try {
    if (process.env.S3_ENDPOINT) return new URL(process.env.S3_ENDPOINT).origin;
  } catch {
    return null;
  }
  return 'https://*.amazonaws.com';
}

/**
 * `embeddable`: the public booking page (`/book/:slug`, not the manage page) may be framed by
 * any site, so a business can put it on its own website; it has no signed-in actions to steal.
 */
export function isEmbeddablePath(pathname: string): boolean {
  return pathname.startsWith('/book/') && !pathname.startsWith('/book/manage/');
}

/** A CSP nonce: 128 random bits, base64. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** Files served from local storage (`GET /api/uploads/…`): they get uploadHeaders, not the app's. */
export function isUploadPath(pathname: string): boolean {
  return pathname.startsWith('/api/uploads/');
}

/**
 * An uploaded file opened directly runs nothing and loads nothing: its own policy, not the
 * app's (whose `default-src 'self'` would let an SVG or HTML file script this origin).
 */
export function uploadHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

export function securityHeaders({
  dev,
  embeddable = false,
  nonce,
}: {
  dev: boolean;
  embeddable?: boolean;
  /** Pages (proxy.ts): scripts need this nonce; what they load is trusted ('strict-dynamic'). */
  nonce?: string;
}): Record<string, string> {
  const connect = ["'self'", s3Origin(), dev ? 'ws: wss:' : null].filter(Boolean).join(' ');
  const scripts = [
    "'self'",
    nonce ? `'nonce-${nonce}' 'strict-dynamic'` : null,
    dev ? "'unsafe-eval'" : null,
  ].filter(Boolean);
  const csp = [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    embeddable ? 'frame-ancestors *' : "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    ...(embeddable ? {} : { 'X-Frame-Options': 'DENY' }),
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
