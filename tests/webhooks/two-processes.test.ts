import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';
import type { Db } from '@/db/types';
import type { TestOrg } from '../helpers/api';
import { futureDate, makeService } from '../helpers/catalog';
import { everyDay } from '../helpers/reservations';
import {
  httpClient,
  ownPostgresDatabase,
  startApiProcess,
  type OwnDatabase,
} from '../helpers/processes';
import { startReceiver, verifyStandardWebhook, waitFor, type Receiver } from './helpers';

/**
 * §17 "several app processes never deliver the same attempt twice": two api-server processes,
 * each running its dispatcher, share one PostgreSQL database; every event reaches the
 * receiver exactly once. The processes get a database of their own (created here, dropped
 * after), so their dispatchers cannot pick up other tests' deliveries. PostgreSQL only.
 */
const onPostgres = !!process.env.DATABASE_URL;
const CREATES = 40;
const CANCELS = 10;

describe.skipIf(!onPostgres)('webhook dispatchers in two app processes', () => {
  let own: OwnDatabase;
  let db: Db;
  let servers: Awaited<ReturnType<typeof startApiProcess>>[] = [];
  let receiver: Receiver;
  let key: string;

  beforeAll(async () => {
    own = await ownPostgresDatabase('hooks_2p', 'UTC');
    ({ db, key } = own);
    const url = own.url;
    receiver = await startReceiver();
    // A slow receiver keeps tries in flight while the other process polls.
    receiver.delay(30);
    const env = {
      DATABASE_URL: url,
      WEBHOOKS_DISPATCHER: '1',
      WEBHOOKS_ALLOW_PRIVATE: '1',
      WEBHOOKS_DISPATCH_INTERVAL_MS: '20',
    };
    servers = await Promise.all([startApiProcess(env), startApiProcess(env)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await receiver?.close();
    await own?.drop();
  });

  it('deliver each event exactly once', async () => {
    const apis = servers.map((s) => httpClient(s.url, key));
    const org = { api: apis[0]! } as TestOrg;
    const { serviceId } = await makeService(org, {
      resources: [{ quantity: CREATES }],
      hours: everyDay('00:00', '24:00'),
    });
    const hook = await apis[0]!.post('/webhooks', {
      url: receiver.url,
      events: ['reservation.created', 'reservation.cancelled'],
    });
    expect(hook.status).toBe(201);
    const start = `${futureDate(10)}T09:00:00.000Z`;
    const created = await Promise.all(
      Array.from({ length: CREATES }, (_, i) =>
        apis[i % 2]!.post('/reservations', {
          service_id: serviceId,
          start_datetime: start,
          contact: { name: `Guest ${i}` },
        }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(Array(CREATES).fill(201));
    const cancelled = await Promise.all(
      created
        .slice(0, CANCELS)
        .map((r, i) =>
          apis[(i + 1) % 2]!.patch(`/reservations/${r.body.id}`, { status: 'cancelled' }),
        ),
    );
    expect(cancelled.map((r) => r.status)).toEqual(Array(CANCELS).fill(200));

    const total = CREATES + CANCELS;
    await waitFor(
      () => new Set(receiver.received.map((q) => q.headers['webhook-id'])).size >= total,
      30_000,
      `${total} distinct events at the receiver`,
    );
    // Give a duplicate every chance to show up.
    await new Promise((r) => setTimeout(r, 1_500));
    const ids = receiver.received.map((q) => q.headers['webhook-id']);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    for (const q of receiver.received) verifyStandardWebhook(hook.body.secret, q.headers, q.body);
    const types = receiver.received.map((q) => q.json.type);
    expect(types.filter((t) => t === 'reservation.created')).toHaveLength(CREATES);
    expect(types.filter((t) => t === 'reservation.cancelled')).toHaveLength(CANCELS);

    const deliveries = await db.select().from(schema.webhookDeliveries);
    expect(deliveries).toHaveLength(total);
    expect(deliveries.every((d) => d.status === 'succeeded' && d.attempt_count === 1)).toBe(true);
    expect(await db.select().from(schema.webhookDeliveryAttempts)).toHaveLength(total);
  }, 120_000);
});
