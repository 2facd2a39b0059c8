/**
 * The origin emails link to (`<origin>/book/manage/<token>`): `APP_URL` when set — the right
 * choice in production, since a Host header is whatever the client sent — otherwise the
 * origin of the request that made the change, read from Next's request scope (domain
 * functions are not given the request; the router runs inside Next's route handler, whose
 * `headers()` answers for it). Outside Next (the bare API server, the CLI, tests) there is no
 * request scope and the sender falls back to `http://localhost:<PORT>`.
 */
export function configuredAppUrl(): string | null {
  const url = process.env.APP_URL?.trim().replace(/\/+$/, '');
  return url || null;
}

export async function changeOrigin(): Promise<string | null> {
  const configured = configuredAppUrl();
  if (configured) return configured;
  try {
    const { headers } = await import('next/headers');
    const h = await headers();
    const trustProxy = process.env.TRUST_PROXY === '1';
    const host = (trustProxy && h.get('x-forwarded-host')?.split(',')[0]?.trim()) || h.get('host');
    if (!host) return null;
    // Next's server sets X-Forwarded-Proto from the connection when no proxy did.
    const proto =
      h.get('x-forwarded-proto')?.split(',')[0]?.trim() ||
      (/^(localhost|127\.|\[::1\])/.test(host) ? 'http' : 'https');
    return `${proto}://${host}`;
  } catch {
    // Not inside a Next request.
    return null;
  }
}

/** The origin a message's links use: the one recorded with it, else APP_URL, else localhost. */
export function linkOrigin(recorded: string | null | undefined): string {
  return recorded || configuredAppUrl() || `http://localhost:${process.env.PORT || 3000}`;
}
