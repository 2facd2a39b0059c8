import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDispatcher, stopDispatcher } from '@/lib/webhooks/dispatcher';
import { futureDate, makeService } from '../helpers/catalog';
import { everyDay, keyOrg, mustBook } from '../helpers/reservations';
import { deliveriesOf, startReceiver, verifyStandardWebhook, waitFor } from './helpers';

/**
 * The dispatcher's loop as the app runs it (startDispatcher): woken by the change that
 * enqueued a delivery, stopped gracefully. It claims every organization's deliveries, so it
 * runs only on the embedded database, which is this file's own (on PostgreSQL the
 * two-process test runs the loop in real app processes).
 */
const onPostgres = !!process.env.DATABASE_URL;
const dispatcherKey = Symbol.for('reservations.webhooks.dispatcher');

afterEach(async () => {
  await stopDispatcher();
  vi.unstubAllEnvs();
});

it('WEBHOOKS_DISPATCHER=0 keeps the dispatcher off', () => {
  vi.stubEnv('WEBHOOKS_DISPATCHER', '0');
  startDispatcher();
  expect((globalThis as Record<symbol, unknown>)[dispatcherKey]).toBeUndefined();
});

describe.skipIf(onPostgres)('the dispatcher loop', () => {
  it('sends soon after the change that enqueued it, long before its next tick, and drains on stop', async () => {
    vi.stubEnv('WEBHOOKS_ALLOW_PRIVATE', '1');
    // tests/setup-env.ts turns the dispatcher off by default; this test is about running it.
    vi.stubEnv('WEBHOOKS_DISPATCHER', '1');
    // A tick every 60 s: anything sent within the test came from the nudge of the change.
    vi.stubEnv('WEBHOOKS_DISPATCH_INTERVAL_MS', '60000');
    const org = await keyOrg('UTC');
    const { serviceId } = await makeService(org, { hours: everyDay('00:00', '24:00') });
    const receiver = await startReceiver();
    try {
      const hook = await org.api.post('/webhooks', {
        url: receiver.url,
        events: ['reservation.created', 'reservation.cancelled'],
      });
      startDispatcher();
      // Let the start-up tick pass.
      await new Promise((r) => setTimeout(r, 200));
      const created = await mustBook(org, {
        service_id: serviceId,
        start_datetime: `${futureDate(6)}T10:00:00Z`,
      });
      await waitFor(() => receiver.received.length === 1, 10_000, 'the created event');
      verifyStandardWebhook(
        hook.body.secret,
        receiver.received[0]!.headers,
        receiver.received[0]!.body,
      );
      expect(receiver.received[0]!.json.data.reservation.id).toBe(created.id);

      // A slow receiver: stopping waits for the send in flight and records it.
      receiver.delay(400);
      await org.api.patch(`/reservations/${created.id}`, { status: 'cancelled' });
      await waitFor(() => receiver.received.length === 2, 10_000, 'the cancelled event');
      await stopDispatcher();
      const deliveries = await deliveriesOf(org.id, hook.body.id);
      expect(deliveries.map((d) => d.status)).toEqual(['succeeded', 'succeeded']);
    } finally {
      await receiver.close();
    }
  });
});
