import http from 'node:http';
import next from 'next';
import { closeDb } from '@/db/client';
import { stampPeerAddress } from '@/lib/http/client-ip';
import { malformedRequestAnswer } from '@/lib/http/malformed-url';
import { assertPublicUrlConfigured } from '@/lib/notifications/origin';
import {
  isEmbeddablePath,
  isUploadPath,
  securityHeaders,
  uploadHeaders,
} from '@/lib/http/security-headers';
import { startDispatcher, stopDispatcher } from '@/lib/webhooks/dispatcher';

/**
 * Serves the Next app from our own HTTP server rather than the `next` CLI. First,
 * Next passes a client's `X-Forwarded-For` through unchanged, so without a proxy the real peer
 * address would be unknowable and per-IP limits spoofable. Here every request gets the
 * socket's address in a header the client cannot set (lib/http/client-ip.ts).
 * It also sets the security headers (lib/http/security-headers.ts). SIGTERM and
 * SIGINT stop accepting connections, let requests in flight finish, then close the database.
 */
export async function serve({
  dev,
  port,
  onReady,
}: {
  dev: boolean;
  port: number;
  onReady?: () => void;
}) {
  // Production links (emails, .ics) are built on APP_URL only: refuse to start without it.
  if (!dev) assertPublicUrlConfigured();
  const hostname = process.env.HOST ?? '0.0.0.0';
  const app = next({ dev, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const upgrade = app.getUpgradeHandler();
  const headers = Object.entries(securityHeaders({ dev }));
  const embeddableHeaders = Object.entries(securityHeaders({ dev, embeddable: true }));
  // Uploaded files carry their own, stricter headers (not the app's CSP).
  const fileHeaders = Object.entries(uploadHeaders());
  const server = http.createServer((req, res) => {
    stampPeerAddress(req);
    const path = (req.url ?? '/').split('?')[0]!;
    const chosen = isUploadPath(path)
      ? fileHeaders
      : isEmbeddablePath(path)
        ? embeddableHeaders
        : headers;
    for (const [name, value] of chosen) {
      res.setHeader(name, value);
    }
    // Next answers an undecodable path with a plain-text 500; refuse it ourselves (400).
    const malformed = malformedRequestAnswer(req.url ?? '/');
    if (malformed) {
      res.writeHead(malformed.status, malformed.headers);
      res.end(req.method === 'HEAD' ? undefined : malformed.body);
      return;
    }
    void handle(req, res);
  });
  // Dev mode's hot reload runs over a WebSocket.
  server.on('upgrade', (req, socket, head) => void upgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  process.stdout.write(`  Ready on http://localhost:${port}\n`);
  onReady?.();
  startDispatcher();

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(() => {
      void app
        .close()
        .catch(() => undefined)
        .then(() => stopDispatcher())
        .then(() => closeDb())
        .finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
