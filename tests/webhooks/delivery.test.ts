import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import type { Db } from '@/db/types';
import {
  claimDueDeliveries,
  LEASE_MS,
  MAX_ATTEMPTS,
  recordAttempt,
  retryDelayMs,
} from '@/lib/webhooks/claims';
import { deliverClaimed, dispatchDue, type DispatchOptions } from '@/lib/webhooks/dispatcher';
import type { Resolver } from '@/lib/webhooks/address-guard';
import type { TestOrg } from '../helpers/api';
import { futureDate, makeService } from '../helpers/catalog';
import { everyDay, keyOrg, mustBook } from '../helpers/reservations';
import { attemptsOf, deliveriesOf, startReceiver, verifyStandardWebhook } from './helpers';

/**
 * §17 delivery against a real HTTP receiver on 127.0.0.1 (WEBHOOKS_ALLOW_PRIVATE=1): Standard
 * Webhooks signatures checked by an independent verifier, retries on the backoff schedule
 * (the clock is passed in, so no test waits 30 s), every try recorded and listed.
 */

const S = 1000;

describe('webhook delivery', () => {
  let db: Db;
  let org: TestOrg;
  let serviceId: string;
  let hour = 0;
  const day = futureDate(15);
  const nextStart = () => `${day}T${String(++hour % 24).padStart(2, '0')}:00:00.000Z`;

  /** Only the current test's organization: other tests and files share the database. */
  const dispatch = (opts: DispatchOptions = {}) =>
    dispatchDue(db, { organizationId: org.id, ...opts });

  const hook = async (url: string, events = ['reservation.created']) => {
    const res = await org.api.post('/webhooks', { url, events });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; secret: string };
  };

  beforeAll(async () => {
    vi.stubEnv('WEBHOOKS_ALLOW_PRIVATE', '1');
    db = await getDb();
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  /** Each test gets its own organization (so its own endpoints and deliveries) and receiver. */
  async function setup(events?: string[]) {
    org = await keyOrg('UTC');
    ({ serviceId } = await makeService(org, {
      resources: [{ quantity: 50 }],
      hours: everyDay('00:00', '24:00'),
    }));
    const r = await startReceiver();
    const webhook = await hook(r.url, events);
    return { r, webhook };
  }

  it('POSTs the event, signed per Standard Webhooks; an independent verifier accepts it', async () => {
    const { r, webhook } = await setup();
    try {
      const reservation = await mustBook(org, {
        service_id: serviceId,
        start_datetime: nextStart(),
      });
      const results = await dispatch();
      expect(results).toHaveLength(1);
      expect(results[0]).toMatchObject({
        status: 'succeeded',
        responseStatus: 200,
        attemptNumber: 1,
      });
      expect(r.received).toHaveLength(1);
      const [req] = r.received;
      expect(req!.headers['content-type']).toBe('application/json');
      expect(req!.json).toEqual({
        id: req!.headers['webhook-id'],
        type: 'reservation.created',
        created_at: reservation.created_at,
        organization_id: org.id,
        data: { reservation },
      });
      expect(req!.headers['webhook-timestamp']).toMatch(/^\d{10}$/);
      expect(req!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
      verifyStandardWebhook(webhook.secret, req!.headers, req!.body);
      // The verifier is not a rubber stamp.
      expect(() => verifyStandardWebhook(webhook.secret, req!.headers, req!.body + ' ')).toThrow();
      const other = (await hook(r.url)).secret;
      expect(() => verifyStandardWebhook(other, req!.headers, req!.body)).toThrow();
      expect(() =>
        verifyStandardWebhook(webhook.secret, { ...req!.headers, 'webhook-id': 'x' }, req!.body),
      ).toThrow();

      const [delivery] = await deliveriesOf(org.id, webhook.id);
      expect(delivery).toMatchObject({
        status: 'succeeded',
        attempt_count: 1,
        last_response_status: 200,
        claim_token: null,
      });
      const list = await org.api.get(`/webhooks/${webhook.id}/deliveries`);
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ total: 1, limit: 10, skip: 0 });
      expect(list.body.data[0]).toMatchObject({
        delivery_id: delivery!.id,
        event_id: req!.headers['webhook-id'],
        event_type: 'reservation.created',
        attempt_number: 1,
        status: 'succeeded',
        response_status: 200,
        error: null,
        delivery_status: 'succeeded',
        next_attempt_at: null,
      });
      expect(list.body.data[0].duration_ms).toBeGreaterThanOrEqual(0);
      expect(list.body.data[0].attempted_at).toMatch(/Z$/);
      // Nothing is left to send.
      expect(await dispatch({ now: new Date(Date.now() + 86_400_000) })).toEqual([]);
    } finally {
      await r.close();
    }
  });

  it('retries after 500s on the backoff schedule, same webhook-id, every try recorded', async () => {
    const { r, webhook } = await setup();
    try {
      r.respondWith([500, 500, 503]);
      await mustBook(org, { service_id: serviceId, start_datetime: nextStart() });
      let now = new Date();
      const times: number[] = [];
      for (let attempt = 1; attempt <= 4; attempt++) {
        if (attempt > 1) {
          const early = await dispatch({ now: new Date(now.getTime() - S) });
          expect(early, `try ${attempt} must wait for its backoff`).toEqual([]);
        }
        const [result] = await dispatch({ now });
        times.push(now.getTime());
        expect(result!.attemptNumber).toBe(attempt);
        if (attempt < 4) {
          expect(result).toMatchObject({
            status: 'retrying',
            responseStatus: attempt === 3 ? 503 : 500,
          });
          expect(result!.nextAttemptAt!.getTime() - now.getTime()).toBe(retryDelayMs(attempt));
          now = result!.nextAttemptAt!;
        } else {
          expect(result).toMatchObject({ status: 'succeeded', responseStatus: 200 });
        }
      }
      expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual([30 * S, 90 * S, 270 * S]);
      expect(r.received).toHaveLength(4);
      const ids = new Set(r.received.map((q) => q.headers['webhook-id']));
      expect(ids.size).toBe(1);
      expect(new Set(r.received.map((q) => q.body)).size).toBe(1);
      for (const [i, q] of r.received.entries()) {
        // Each try is signed with its own timestamp (the clock passed in).
        expect(Number(q.headers['webhook-timestamp'])).toBe(Math.floor(times[i]! / 1000));
        verifyStandardWebhook(webhook.secret, q.headers, q.body, Math.floor(times[i]! / 1000));
      }
      const list = await org.api.get(`/webhooks/${webhook.id}/deliveries`);
      expect(list.body.total).toBe(4);
      expect(
        list.body.data.map((a: any) => [a.attempt_number, a.status, a.response_status]),
      ).toEqual([
        [4, 'succeeded', 200],
        [3, 'failed', 503],
        [2, 'failed', 500],
        [1, 'failed', 500],
      ]);
      expect(list.body.data[3].error).toBe('HTTP 500: failure 500');
      const failed = await org.api.get(`/webhooks/${webhook.id}/deliveries?status=failed&$limit=2`);
      expect(failed.body).toMatchObject({ total: 3, limit: 2 });
      expect(failed.body.data).toHaveLength(2);
    } finally {
      await r.close();
    }
  });

  it('gives up after 8 tries (≈ 30 s … 6 h apart), then an admin can resend', async () => {
    const { r, webhook } = await setup();
    try {
      r.respondWith(Array(MAX_ATTEMPTS).fill(500));
      await mustBook(org, { service_id: serviceId, start_datetime: nextStart() });
      let now = new Date();
      const gaps: number[] = [];
      let last;
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        [last] = await dispatch({ now });
        expect(last!.attemptNumber).toBe(attempt);
        if (last!.nextAttemptAt) {
          gaps.push(last!.nextAttemptAt.getTime() - now.getTime());
          now = last!.nextAttemptAt;
        }
      }
      expect(gaps).toEqual([30, 90, 270, 810, 2430, 7290, 21600].map((s) => s * S));
      expect(last).toMatchObject({ status: 'failed', nextAttemptAt: null, responseStatus: 500 });
      expect(await dispatch({ now: new Date(now.getTime() + 30 * 86_400_000) })).toEqual([]);
      const [delivery] = await deliveriesOf(org.id, webhook.id);
      expect(delivery).toMatchObject({ status: 'failed', attempt_count: MAX_ATTEMPTS });
      expect(await attemptsOf(delivery!.id)).toHaveLength(MAX_ATTEMPTS);

      const resent = await org.api.post(
        `/webhooks/${webhook.id}/deliveries/${delivery!.id}/resend`,
      );
      expect(resent.status).toBe(202);
      expect(resent.body).toMatchObject({
        id: delivery!.id,
        status: 'pending',
        attempt_count: 0,
        event_type: 'reservation.created',
      });
      const [again] = await dispatch();
      expect(again).toMatchObject({ status: 'succeeded', attemptNumber: 1 });
      expect(r.received).toHaveLength(MAX_ATTEMPTS + 1);
      expect(r.received.at(-1)!.headers['webhook-id']).toBe(r.received[0]!.headers['webhook-id']);
      expect(await attemptsOf(delivery!.id)).toHaveLength(MAX_ATTEMPTS + 1);
    } finally {
      await r.close();
    }
  });

  it('a timeout, a refused connection and a redirect are failed tries; redirects are not followed', async () => {
    const { r: unused, webhook: first } = await setup();
    await org.api.delete(`/webhooks/${first.id}`);
    await unused.close();
    const target = await startReceiver();
    const redirecting = await startReceiver({
      onRequest: (_req, res) => {
        res.writeHead(302, { location: target.url });
        res.end();
        return true;
      },
    });
    const slow = await startReceiver();
    slow.delay(2_000);
    try {
      const a = await hook(redirecting.url);
      const b = await hook(slow.url);
      const closed = await startReceiver();
      const c = await hook(closed.url);
      await closed.close();
      await mustBook(org, { service_id: serviceId, start_datetime: nextStart() });
      const results = await dispatch({ timeoutMs: 300 });
      const byWebhook = async (id: string) => {
        const [d] = await deliveriesOf(org.id, id);
        return d!;
      };
      expect(await byWebhook(a.id)).toMatchObject({
        status: 'retrying',
        last_response_status: 302,
      });
      expect((await byWebhook(a.id)).last_error).toMatch(/redirect/i);
      expect(target.received).toHaveLength(0);
      expect(await byWebhook(b.id)).toMatchObject({
        status: 'retrying',
        last_response_status: null,
      });
      expect((await byWebhook(b.id)).last_error).toMatch(/Timed out/);
      expect(await byWebhook(c.id)).toMatchObject({
        status: 'retrying',
        last_response_status: null,
      });
      expect((await byWebhook(c.id)).last_error).toMatch(/ECONNREFUSED/);
      expect(results.filter((x) => x.status === 'retrying').length).toBeGreaterThanOrEqual(3);
    } finally {
      await Promise.all([target.close(), redirecting.close(), slow.close()]);
    }
  });

  it('a claim whose process died is sent again once its lease ends; the stale result cannot overwrite', async () => {
    const { r, webhook } = await setup();
    try {
      await mustBook(org, { service_id: serviceId, start_datetime: nextStart() });
      const t0 = new Date();
      // A process claims and "crashes": it never records the result.
      const [stale] = await claimDueDeliveries(db, { now: t0, limit: 10, organizationId: org.id });
      expect(stale).toBeDefined();
      expect(await dispatch({ now: new Date(t0.getTime() + LEASE_MS - S) })).toEqual([]);
      const [retry] = await dispatch({ now: new Date(t0.getTime() + LEASE_MS) });
      expect(retry).toMatchObject({ status: 'succeeded', attemptNumber: 2 });
      expect(r.received).toHaveLength(1);
      // The dead claim's late report is kept as a try but does not change the delivery.
      await recordAttempt(db, stale!, {
        succeeded: false,
        responseStatus: 500,
        durationMs: 5,
        error: 'late',
        attemptedAt: new Date(),
      });
      const [delivery] = await deliveriesOf(org.id, webhook.id);
      expect(delivery).toMatchObject({ status: 'succeeded', attempt_count: 2 });
      expect((await attemptsOf(delivery!.id)).map((a) => [a.attempt_number, a.error])).toEqual([
        [1, 'late'],
        [2, null],
      ]);
    } finally {
      await r.close();
    }
  });

  it('a slow DNS lookup counts in the try’s timeout: the try ends at its deadline', async () => {
    const { r: unused, webhook: first } = await setup();
    await org.api.delete(`/webhooks/${first.id}`);
    await unused.close();
    const r = await startReceiver();
    try {
      // A name only the test's resolver knows, answering after `lookupMs`.
      await hook(`http://slow-dns.example.test:${r.port}/hook`);
      let lookupMs = 600;
      const slowResolver: Resolver = () =>
        new Promise((resolve) =>
          setTimeout(() => resolve([{ address: '127.0.0.1', family: 4 }]), lookupMs),
        );
      await mustBook(org, { service_id: serviceId, start_datetime: nextStart() });
      const t0 = performance.now();
      const [slow] = await dispatch({ timeoutMs: 300, resolver: slowResolver });
      expect(performance.now() - t0).toBeLessThan(550);
      expect(slow).toMatchObject({ status: 'retrying', responseStatus: null });
      expect(slow!.error).toMatch(/Timed out/);
      // The lookup's time is taken from the exchange's: 200 ms + a 200 ms answer > 300 ms.
      lookupMs = 200;
      r.delay(200);
      const [late] = await dispatch({
        timeoutMs: 300,
        resolver: slowResolver,
        now: new Date(Date.now() + 31 * S),
      });
      expect(late!.error).toMatch(/Timed out/);
      // Within budget, it goes through.
      r.delay(0);
      lookupMs = 20;
      const [sent] = await dispatch({
        timeoutMs: 1000,
        resolver: slowResolver,
        now: new Date(Date.now() + 200 * S),
      });
      expect(sent).toMatchObject({ status: 'succeeded', attemptNumber: 3 });
    } finally {
      await r.close();
    }
  });

  it('a try that could not finish inside its claim’s lease is not started, and not counted', async () => {
    const { r, webhook } = await setup();
    try {
      await mustBook(org, { service_id: serviceId, start_datetime: nextStart() });
      const [claim] = await claimDueDeliveries(db, {
        now: new Date(),
        limit: 10,
        organizationId: org.id,
      });
      // The claim waited: 12 s of lease left cannot hold a 10 s try and its recording.
      const result = await deliverClaimed(db, { ...claim!, leaseEndsAt: Date.now() + 12 * S });
      expect(result).toMatchObject({ status: 'pending', responseStatus: null });
      expect(r.received).toHaveLength(0);
      const [delivery] = await deliveriesOf(org.id, webhook.id);
      expect(delivery).toMatchObject({ status: 'pending', attempt_count: 0, claim_token: null });
      expect(await attemptsOf(delivery!.id)).toHaveLength(0);
      // Due again at once, and sent by the next claim as its first try.
      const [sent] = await dispatch();
      expect(sent).toMatchObject({ status: 'succeeded', attemptNumber: 1 });
      expect(r.received).toHaveLength(1);
    } finally {
      await r.close();
    }
  });

  it('an endpoint deactivated before its delivery is sent gets nothing', async () => {
    const { r, webhook } = await setup();
    try {
      await mustBook(org, { service_id: serviceId, start_datetime: nextStart() });
      await org.api.patch(`/webhooks/${webhook.id}`, { is_active: false });
      const [result] = await dispatch();
      expect(result).toMatchObject({ status: 'failed', responseStatus: null });
      expect(r.received).toHaveLength(0);
      const [delivery] = await deliveriesOf(org.id, webhook.id);
      expect(delivery).toMatchObject({ status: 'failed', attempt_count: 0 });
      expect(delivery!.last_error).toMatch(/deactivated/);
    } finally {
      await r.close();
    }
  });

  it('sends a webhook.test event to one endpoint, whatever it subscribes to', async () => {
    const { r, webhook } = await setup(['reservation.cancelled']);
    try {
      const res = await org.api.post(`/webhooks/${webhook.id}/test`);
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({
        webhook_id: webhook.id,
        event_type: 'webhook.test',
        status: 'pending',
        attempt_count: 0,
      });
      const results = await dispatch();
      expect(results.map((x) => x.deliveryId)).toEqual([res.body.id]);
      expect(r.received).toHaveLength(1);
      const [req] = r.received;
      expect(req!.json).toMatchObject({
        id: res.body.event_id,
        type: 'webhook.test',
        organization_id: org.id,
        data: { webhook: { id: webhook.id, url: r.url } },
      });
      verifyStandardWebhook(webhook.secret, req!.headers, req!.body);
    } finally {
      await r.close();
    }
  });

  it('resending while a try is in flight is a 409', async () => {
    const { r, webhook } = await setup();
    try {
      await mustBook(org, { service_id: serviceId, start_datetime: nextStart() });
      const [claim] = await claimDueDeliveries(db, {
        now: new Date(),
        limit: 10,
        organizationId: org.id,
      });
      const res = await org.api.post(`/webhooks/${webhook.id}/deliveries/${claim!.id}/resend`);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('delivery_in_progress');
      await recordAttempt(db, claim!, {
        succeeded: true,
        responseStatus: 200,
        durationMs: 1,
        error: null,
        attemptedAt: new Date(),
      });
      expect(
        (await org.api.post(`/webhooks/${webhook.id}/deliveries/${claim!.id}/resend`)).status,
      ).toBe(202);
      await dispatch();
      expect(r.received).toHaveLength(1);
    } finally {
      await r.close();
    }
  });

  it('concurrent dispatchers never send the same delivery twice', async () => {
    const { r } = await setup();
    try {
      r.delay(20);
      const count = 12;
      await Promise.all(
        Array.from({ length: count }, () =>
          mustBook(org, {
            service_id: serviceId,
            start_datetime: `${futureDate(16)}T10:00:00.000Z`,
          }),
        ),
      );
      const rounds = await Promise.all(Array.from({ length: 4 }, () => dispatch({ limit: 4 })));
      const sent = rounds.flat();
      const rest = await dispatch({ limit: 50 });
      expect(sent.length + rest.length).toBe(count);
      const ids = r.received.map((q) => q.headers['webhook-id']);
      expect(ids).toHaveLength(count);
      expect(new Set(ids).size).toBe(count);
    } finally {
      await r.close();
    }
  });
});
