import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { outboxEvents, webhookDeliveries, webhookDeliveryAttempts } from '@/db/schema';

/** Helpers of the webhook tests: a real receiver, an independent signature check, DB reads. */

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  json: any;
  at: number;
}

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /** Status codes to answer, in order; 200 once they run out. */
  respondWith: (statuses: number[]) => void;
  /** Delay before answering (a slow receiver). */
  delay: (ms: number) => void;
  close: () => Promise<void>;
}

/** A node:http server on 127.0.0.1 that records every request. */
export async function startReceiver(
  opts: {
    host?: string;
    onRequest?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean;
  } = {},
): Promise<Receiver> {
  const received: Received[] = [];
  let statuses: number[] = [];
  let delayMs = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        /* not JSON */
      }
      received.push({ headers: req.headers, body, json, at: Date.now() });
      if (opts.onRequest?.(req, res)) return;
      const status = statuses.shift() ?? 200;
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status === 200 ? 'ok' : `failure ${status}`);
      }, delayMs);
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${hostPart}:${port}/hook`,
    port,
    received,
    respondWith: (s) => {
      statuses = [...s];
    },
    delay: (ms) => {
      delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Standard Webhooks verification, written from the specification (not from the app's
 * code): the secret is `whsec_` + base64 key bytes; the signature header is a space-separated
 * list of `v1,<base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}")>`; the timestamp must be
 * within 5 minutes of now. Throws when anything is off.
 */
export function verifyStandardWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): void {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string')
    throw new Error('missing Standard Webhooks headers');
  if (!/^\d+$/.test(timestamp)) throw new Error('bad timestamp');
  if (Math.abs(nowSeconds - Number(timestamp)) > 300) throw new Error('timestamp out of tolerance');
  if (!secret.startsWith('whsec_')) throw new Error('secret must start with whsec_');
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  const ok = signatures.split(' ').some((entry) => {
    const [version, value] = entry.split(',');
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!ok) throw new Error('no matching signature');
}

export async function eventsOf(organizationId: string, subjectId: string) {
  const db = await getDb();
  return db
    .select()
    .from(outboxEvents)
    .where(
      and(eq(outboxEvents.organization_id, organizationId), eq(outboxEvents.subject_id, subjectId)),
    )
    .orderBy(asc(outboxEvents.created_at));
}

export async function deliveriesOf(organizationId: string, webhookId: string) {
  const db = await getDb();
  return db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.organization_id, organizationId),
        eq(webhookDeliveries.webhook_id, webhookId),
      ),
    )
    .orderBy(asc(webhookDeliveries.created_at));
}

export async function attemptsOf(deliveryId: string) {
  const db = await getDb();
  return db
    .select()
    .from(webhookDeliveryAttempts)
    .where(eq(webhookDeliveryAttempts.delivery_id, deliveryId))
    .orderBy(asc(webhookDeliveryAttempts.attempt_number));
}

/** Polls `check` until it returns a truthy value (or throws after `ms`). */
export async function waitFor<T>(
  check: () => Promise<T> | T,
  ms = 10_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
