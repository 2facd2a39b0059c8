/**
 * The client's address for per-IP limits. Our servers (scripts/serve.ts, scripts/api-server.ts)
 * overwrite PEER_ADDRESS_HEADER with the socket's address on every request, so a client cannot
 * choose it. `X-Forwarded-For` is believed only behind a proxy the operator vouches for
 * (`TRUST_PROXY=1`): its first entry is the original client.
 */
export const PEER_ADDRESS_HEADER = 'x-reservations-peer-address';

export function clientIp(req: Request): string {
  if (process.env.TRUST_PROXY === '1') {
    const first = req.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.headers.get(PEER_ADDRESS_HEADER) || 'unknown';
}

/** Sets the peer header on a Node request from its socket, replacing whatever the client sent. */
export function stampPeerAddress(req: {
  headers: Record<string, string | string[] | undefined>;
  socket: { remoteAddress?: string };
}): void {
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? 'unknown';
}
