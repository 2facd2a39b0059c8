import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { notificationMessages } from '@/db/schema';
import type { Db } from '@/db/types';
import { claimDueMessages, dispatchDueMessages } from '@/lib/notifications/dispatch';
import { smtpTransport } from '@/lib/notifications/transport';
import { LEASE_MS, MAX_ATTEMPTS, retryDelayMs } from '@/lib/webhooks/lease';
import type { TestOrg } from '../helpers/api';
import { book, mustBook } from '../helpers/reservations';
import { at, messagesOf, nextStart, notificationOrg, startSmtp, type TestSmtp } from './helpers';

/**
 * Mail failures never cost a booking, and are retried and recorded: a recipient refused for
 * now (4xx) or a dropped connection is retried on the backoff; a refusal for good (5xx, the
 * usual fate of a bad address) fails at once; a server that is down leaves the booking made
 * and the message waiting. A claim whose process died mid-send is never sent twice.
 */
const S = 1000;

describe('mail failures', () => {
  let db: Db;
  let smtp: TestSmtp;
  let org: TestOrg;
  let serviceId: string;

  const dispatch = (now = new Date(), url = smtp.url) =>
    dispatchDueMessages(db, { organizationId: org.id, transport: smtpTransport(url), now });
  const bookWithEmail = (address: string) =>
    mustBook(org, {
      service_id: serviceId,
      start_datetime: nextStart(),
      contact: { name: 'Failing Guest', email: address },
    });
  const confirmationOf = async (reservationId: string) =>
    (await messagesOf(org.id, reservationId)).find((m) => m.kind === 'confirmation')!;

  beforeAll(async () => {
    db = await getDb();
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.close();
  });
  beforeEach(async () => {
    ({ org, serviceId } = await notificationOrg());
  });

  it('a recipient refused for now (450) is retried after 30 s, then sent; both tries recorded', async () => {
    const booked = await bookWithEmail('busy@guest.test');
    smtp.refuseRecipients(450);
    const t0 = new Date();
    const [first] = await dispatch(t0);
    expect(first).toMatchObject({ status: 'retrying', attemptNumber: 1 });
    expect(first!.error).toMatch(/450/);
    let message = await confirmationOf(booked.id);
    expect(message).toMatchObject({ status: 'retrying', attempt_count: 1 });
    expect(message.next_attempt_at.getTime() - message.last_attempt_at!.getTime()).toBe(
      retryDelayMs(1),
    );
    expect(await dispatch(new Date(t0.getTime() + retryDelayMs(1) - S))).toEqual([]);
    const [second] = await dispatch(new Date(t0.getTime() + retryDelayMs(1) + S));
    expect(second).toMatchObject({ status: 'sent', attemptNumber: 2 });
    message = await confirmationOf(booked.id);
    expect(message.status).toBe('sent');
    expect(message.sent_at).not.toBeNull();
    expect(message.attempts.map((a) => [a.attempt, a.outcome])).toEqual([
      [1, 'will_retry'],
      [2, 'sent'],
    ]);
    expect(String(message.attempts[0]!.error)).toMatch(/450/);
    expect(smtp.received.filter((r) => r.envelope.to.includes('busy@guest.test'))).toHaveLength(1);
  });

  it('a recipient refused for good (550) fails at once, with the reason; the booking stands', async () => {
    const booked = await bookWithEmail('nobody@guest.test');
    smtp.refuseRecipients(550);
    const [result] = await dispatch();
    expect(result).toMatchObject({ status: 'failed', attemptNumber: 1 });
    const message = await confirmationOf(booked.id);
    expect(message.status).toBe('failed');
    expect(message.last_error).toMatch(/550.*No such user/);
    expect(message.attempts).toHaveLength(1);
    expect(await dispatch(new Date(Date.now() + 24 * 3_600_000))).toEqual([]);
    const res = await org.api.get(`/reservations/${booked.id}`);
    expect(res.body.status).toBe('confirmed');
  });

  it('a dropped connection is retried; an address that cannot be mailed is not', async () => {
    const booked = await bookWithEmail('dropped@guest.test');
    smtp.dropConnections(1);
    const t0 = new Date();
    const [first] = await dispatch(t0);
    expect(first).toMatchObject({ status: 'retrying' });
    expect(first!.error).toBeTruthy();
    const [second] = await dispatch(new Date(t0.getTime() + retryDelayMs(1) + S));
    expect(second).toMatchObject({ status: 'sent', attemptNumber: 2 });

    // A row whose address is not one (written by hand: the API validates addresses).
    const other = await bookWithEmail('fine@guest.test');
    const message = await confirmationOf(other.id);
    await db
      .update(notificationMessages)
      .set({ to_address: 'not an address' })
      .where(eq(notificationMessages.id, message.id));
    const [refused] = await dispatch();
    expect(refused).toMatchObject({ status: 'failed' });
    expect(refused!.error).toMatch(/Not a deliverable address/);
    void booked;
  });

  it('with the mail server down, bookings are made and messages wait; after 8 tries they fail', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = `smtp://127.0.0.1:${port}`;

    const res = await book(org, {
      service_id: serviceId,
      start_datetime: at(30, '10:00'),
      contact: { name: 'Down Guest', email: 'down@guest.test' },
    });
    expect(res.status).toBe(201);
    let now = Date.now();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const [result] = await dispatch(new Date(now), down);
      expect(result).toMatchObject({
        attemptNumber: attempt,
        status: attempt < MAX_ATTEMPTS ? 'retrying' : 'failed',
      });
      expect(result!.error).toMatch(/ECONNREFUSED|connect/i);
      now += retryDelayMs(attempt) + S;
    }
    const message = await confirmationOf(res.body.id);
    expect(message).toMatchObject({ status: 'failed', attempt_count: MAX_ATTEMPTS });
    expect(message.attempts).toHaveLength(MAX_ATTEMPTS);
    expect((await org.api.get(`/reservations/${res.body.id}`)).body.status).toBe('confirmed');
  });

  it('a claim whose process died is not sent again when its lease ends (at most once)', async () => {
    const booked = await bookWithEmail('once@guest.test');
    const t0 = new Date();
    const [claim] = await claimDueMessages(db, { now: t0, limit: 10, organizationId: org.id });
    expect(claim).toMatchObject({ kind: 'confirmation', interrupted: false });
    // The process "crashes" here, maybe after the server took the mail.
    expect(await dispatch(new Date(t0.getTime() + LEASE_MS - S))).toEqual([]);
    const [after] = await dispatch(new Date(t0.getTime() + LEASE_MS + S));
    expect(after).toMatchObject({ status: 'failed', attemptNumber: 2 });
    expect(after!.error).toMatch(/interrupted/);
    expect(smtp.received.filter((r) => r.envelope.to.includes('once@guest.test'))).toEqual([]);
    const message = await confirmationOf(booked.id);
    expect(message.status).toBe('failed');
  });

  it('two dispatchers racing for the same messages send each once', async () => {
    const ids = await Promise.all(
      ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((n) => bookWithEmail(`${n}@race.test`)),
    );
    const results = (await Promise.all([dispatch(), dispatch(), dispatch()])).flat();
    expect(results).toHaveLength(ids.length);
    const got = smtp.received.filter((r) => r.envelope.to[0]?.endsWith('@race.test'));
    expect(got).toHaveLength(ids.length);
  });
});
