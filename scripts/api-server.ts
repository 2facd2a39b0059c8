import http from 'node:http';
import { Readable } from 'node:stream';
import { closeDb } from '@/db/client';
import { apiRouter } from '@/lib/api/routes';
import { stampPeerAddress } from '@/lib/http/client-ip';
import { startDispatcher, stopDispatcher } from '@/lib/webhooks/dispatcher';

/**
 * A bare HTTP server for the /api router, without Next: the multi-process tests start
 * several of these against one PostgreSQL database (faster to boot than `next start`, same
 * server library). PORT picks the port; it prints `listening <port>` when ready.
 */
const server = http.createServer(async (req, res) => {
  try {
    stampPeerAddress(req);
    const url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(url, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) =>
        v === undefined
          ? []
          : Array.isArray(v)
            ? v.map((x) => [k, x] as [string, string])
            : [[k, v] as [string, string]],
      ),
      body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
      duplex: 'half',
    } as RequestInit);
    const response = url.includes('/api/')
      ? await apiRouter.dispatch(request)
      : new Response('not found', { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    // Failed while streaming the answer (a client gone, a body that broke): nothing to send.
    if (res.headersSent) return void res.destroy();
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        error: { code: 'internal_error', message: String((error as Error).message) },
      }),
    );
  }
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
  startDispatcher();
});

const shutdown = () =>
  stopDispatcher()
    .then(closeDb)
    .finally(() => process.exit(0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => void shutdown()));
}
