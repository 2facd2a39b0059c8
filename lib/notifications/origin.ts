import { forwardedValue } from '@/lib/http/client-ip';

/**
 * The origin emails and `.ics` files link to (`<origin>/book/manage/<token>`).
 *
 * - `APP_URL` (else `BETTER_AUTH_URL`) when set. In production (`NODE_ENV=production`) it must
 *   be: the server refuses to start without it (`assertPublicUrlConfigured`, scripts/serve.ts),
 *   since a Host header is whatever the client sent and these links go to third parties.
 * - Otherwise (development, tests) the origin of the request that made the change, read from
 *   Next's request scope (domain functions are not given the request; the router runs inside
 *   Next's route handler, whose `headers()` answers for it). `X-Forwarded-Host/Proto` count
 *   only with TRUST_PROXY=1. A Host that is not a plain host[:port] is ignored, so a crafted
 *   one can never end up in a stored message (and make it fail to render).
 * - Outside Next (the bare API server, the CLI, tests) there is no request scope and the
 *   sender falls back to `http://localhost:<PORT>`.
 */
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** An http(s) URL's origin (plus a path prefix, without trailing slashes), or null. */
export function normalizeAppUrl(value: string | null | undefined): string | null {
  const raw = value?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password || url.search || url.hash) return null;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

export function configuredAppUrl(): string | null {
  return normalizeAppUrl(process.env.APP_URL) ?? normalizeAppUrl(process.env.BETTER_AUTH_URL);
}

/** Production needs a configured public URL; called when the production server starts. */
export function assertPublicUrlConfigured(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV !== 'production') return;
  const set = env.APP_URL?.trim() || env.BETTER_AUTH_URL?.trim();
  if (!set) {
    throw new Error(
      'APP_URL must be set in production (the public URL of the app, e.g. https://book.example.com): ' +
        'links in emails and .ics files are built on it, never on a request’s Host header.',
    );
  }
  if (!normalizeAppUrl(env.APP_URL) && !normalizeAppUrl(env.BETTER_AUTH_URL)) {
    throw new Error(`APP_URL must be an http(s) URL without credentials or query; got "${set}".`);
  }
}

/** `proto://host` from request headers, or null when the host is not a plain host[:port]. */
export function originFromHeaders(h: { get(name: string): string | null }): string | null {
  const host = forwardedValue(h, 'x-forwarded-host') || h.get('host');
  if (!host || !HOST.test(host)) return null;
  const forwardedProto = forwardedValue(h, 'x-forwarded-proto')?.toLowerCase();
  const proto =
    forwardedProto === 'https' || forwardedProto === 'http'
      ? forwardedProto
      : /^(localhost|127\.|\[::1\])/.test(host) || !forwardedValue(h, 'x-forwarded-host')
        ? 'http'
        : 'https';
  return normalizeAppUrl(`${proto}://${host}`);
}

/** The public origin for links answered to this request: APP_URL, else (not in production) the request's. */
export function publicOrigin(req: Request): string {
  return (
    configuredAppUrl() ||
    (process.env.NODE_ENV === 'production' ? null : originFromHeaders(req.headers)) ||
    linkOrigin(null)
  );
}

export async function changeOrigin(): Promise<string | null> {
  const configured = configuredAppUrl();
  if (configured) return configured;
  if (process.env.NODE_ENV === 'production') return null;
  try {
    const { headers } = await import('next/headers');
    return originFromHeaders(await headers());
  } catch {
    // Not inside a Next request.
    return null;
  }
}

/**
 * The origin a message's links use: the one recorded with it when it is a valid origin
 * (messages recorded before hosts were checked may hold anything), else APP_URL, else
 * localhost.
 */
export function linkOrigin(recorded: string | null | undefined): string {
  const safeRecorded =
    typeof recorded === 'string' && normalizeAppUrl(recorded) === recorded.replace(/\/+$/, '')
      ? recorded.replace(/\/+$/, '')
      : null;
  return (
    configuredAppUrl() || safeRecorded || `http://localhost:${Number(process.env.PORT) || 3000}`
  );
}
