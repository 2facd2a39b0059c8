/**
 * The client's address for per-IP limits. Our servers (scripts/serve.ts, scripts/api-server.ts)
 * overwrite PEER_ADDRESS_HEADER with the socket's address on every request, so a client cannot
 * choose it. `X-Forwarded-For` is believed only behind proxies the operator vouches for
 * (`TRUST_PROXY=1`), and only as far as they wrote it: each proxy appends the address it was
 * reached from, so with `TRUST_PROXY_HOPS` = n (default 1) trusted proxies in front of us the
 * client is the n-th entry from the right. Entries further left were sent by the client and
 * can say anything.
 */
export const PEER_ADDRESS_HEADER = 'x-reservations-peer-address';

export const trustProxy = () => process.env.TRUST_PROXY === '1';

/** How many proxies in front of the app append to X-Forwarded-* (TRUST_PROXY_HOPS, ≥ 1). */
export function trustedHops(): number {
  const hops = Number(process.env.TRUST_PROXY_HOPS);
  return Number.isInteger(hops) && hops >= 1 ? hops : 1;
}

/**
 * The value of a comma-separated `X-Forwarded-*` header written by our outermost trusted
 * proxy: the `TRUST_PROXY_HOPS`-th entry from the right (the left-most when there are fewer,
 * all of them then written by trusted proxies). Null without TRUST_PROXY=1 or the header.
 */
export function forwardedValue(headers: { get(name: string): string | null }, name: string) {
  if (!trustProxy()) return null;
  const entries = (headers.get(name) ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  return entries[Math.max(0, entries.length - trustedHops())]!;
}

export function clientIp(req: Request): string {
  return (
    forwardedValue(req.headers, 'x-forwarded-for') ||
    req.headers.get(PEER_ADDRESS_HEADER) ||
    'unknown'
  );
}

/** Sets the peer header on a Node request from its socket, replacing whatever the client sent. */
export function stampPeerAddress(req: {
  headers: Record<string, string | string[] | undefined>;
  socket: { remoteAddress?: string };
}): void {
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? 'unknown';
}
