import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { outboxEvents, webhookDeliveries } from '@/db/schema';
import { appendEvents } from '@/lib/webhooks/outbox';
import type { TestOrg } from '../helpers/api';
import { futureDate, makeService } from '../helpers/catalog';
import { book, everyDay, keyOrg, mustBook } from '../helpers/reservations';
import { deliveriesOf, eventsOf } from './helpers';

/**
 * §17: each committed reservation change writes its events in its own transaction, with the
 * right type and `previous`; deliveries go to active endpoints subscribed to the type; a
 * refused or rolled-back change writes nothing.
 */

describe('reservation events', () => {
  let org: TestOrg;
  let serviceId: string;
  let otherServiceId: string;
  let all: string;
  let cancelledOnly: string;
  let inactive: string;
  const day = futureDate(12);
  let hour = 0;
  const nextStart = () => `${day}T${String(++hour).padStart(2, '0')}:00:00.000Z`;

  beforeAll(async () => {
    org = await keyOrg('UTC');
    ({ serviceId } = await makeService(org, {
      service: { max_party_size: 4, capacity: null },
      resources: [{ quantity: 1, capacity: 4 }],
      hours: everyDay('00:00', '24:00'),
    }));
    ({ serviceId: otherServiceId } = await makeService(org, {
      service: { duration_minutes: 30 },
      hours: everyDay('00:00', '24:00'),
    }));
    const hook = async (events: string[], is_active = true) => {
      const res = await org.api.post('/webhooks', {
        url: 'https://hooks.example.com/x',
        events,
        is_active,
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    all = await hook([
      'reservation.created',
      'reservation.updated',
      'reservation.rescheduled',
      'reservation.status_changed',
      'reservation.cancelled',
    ]);
    cancelledOnly = await hook(['reservation.cancelled']);
    inactive = await hook(['reservation.created', 'reservation.cancelled'], false);
  });

  const orgEventCount = async () =>
    (
      await (
        await getDb()
      )
        .select()
        .from(outboxEvents)
        .where(eq(outboxEvents.organization_id, org.id))
    ).length;
  const typesOf = async (id: string) => (await eventsOf(org.id, id)).map((e) => e.type).sort();
  const deliveredEventIds = async (webhookId: string) =>
    new Set((await deliveriesOf(org.id, webhookId)).map((d) => d.event_id));

  it('a create writes reservation.created with the §9 object, delivered to subscribers only', async () => {
    const created = await mustBook(org, { service_id: serviceId, start_datetime: nextStart() });
    const events = await eventsOf(org.id, created.id);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event!.type).toBe('reservation.created');
    expect(event!.payload).toEqual({ reservation: created });
    expect(event!.payload).not.toHaveProperty('previous');
    expect(event!.created_at.toISOString()).toBe(created.created_at);
    expect((await deliveredEventIds(all)).has(event!.id)).toBe(true);
    expect((await deliveredEventIds(cancelledOnly)).has(event!.id)).toBe(false);
    expect((await deliveredEventIds(inactive)).has(event!.id)).toBe(false);
    const [delivery] = (await deliveriesOf(org.id, all)).filter((d) => d.event_id === event!.id);
    expect(delivery).toMatchObject({ status: 'pending', attempt_count: 0 });
  });

  it('a reschedule writes reservation.rescheduled with the previous start and end', async () => {
    const created = await mustBook(org, { service_id: serviceId, start_datetime: nextStart() });
    const to = nextStart();
    const res = await org.api.patch(`/reservations/${created.id}`, { start_datetime: to });
    expect(res.status).toBe(200);
    const events = (await eventsOf(org.id, created.id)).filter(
      (e) => e.type !== 'reservation.created',
    );
    expect(events.map((e) => e.type)).toEqual(['reservation.rescheduled']);
    expect(events[0]!.payload).toEqual({
      reservation: res.body,
      previous: { start_datetime: created.start_datetime, end_datetime: created.end_datetime },
    });
  });

  it('a change of service is a reschedule too, with the previous service_id', async () => {
    const created = await mustBook(org, { service_id: serviceId, start_datetime: nextStart() });
    const res = await org.api.patch(`/reservations/${created.id}`, { service_id: otherServiceId });
    expect(res.status).toBe(200);
    const [event] = (await eventsOf(org.id, created.id)).filter(
      (e) => e.type !== 'reservation.created',
    );
    expect(event!.type).toBe('reservation.rescheduled');
    expect(event!.payload.previous).toEqual({
      start_datetime: created.start_datetime,
      end_datetime: created.end_datetime,
      service_id: serviceId,
    });
  });

  it('confirming writes reservation.status_changed; cancelling writes reservation.cancelled', async () => {
    const created = await mustBook(org, {
      service_id: serviceId,
      start_datetime: nextStart(),
      status: 'pending',
    });
    const confirmed = await org.api.patch(`/reservations/${created.id}`, { status: 'confirmed' });
    expect(confirmed.status).toBe(200);
    const cancelled = await org.api.patch(`/reservations/${created.id}`, {
      status: 'cancelled',
      cancellation_reason: 'Changed plans',
    });
    expect(cancelled.status).toBe(200);
    const events = (await eventsOf(org.id, created.id)).filter(
      (e) => e.type !== 'reservation.created',
    );
    const byType = Object.fromEntries(events.map((e) => [e.type, e.payload]));
    expect(Object.keys(byType).sort()).toEqual([
      'reservation.cancelled',
      'reservation.status_changed',
    ]);
    expect(byType['reservation.status_changed']).toEqual({
      reservation: confirmed.body,
      previous: { status: 'pending' },
    });
    expect(byType['reservation.cancelled']).toEqual({
      reservation: cancelled.body,
      previous: { status: 'confirmed' },
    });
    // The cancelled-only endpoint gets the cancellation and nothing else.
    const cancelEvent = events.find((e) => e.type === 'reservation.cancelled')!;
    const toCancelledOnly = await deliveredEventIds(cancelledOnly);
    expect(toCancelledOnly.has(cancelEvent.id)).toBe(true);
    for (const e of events.filter((x) => x !== cancelEvent))
      expect(toCancelledOnly.has(e.id)).toBe(false);

    // Reopening is a status change back, with the previous status.
    const reopened = await org.api.patch(`/reservations/${created.id}`, { status: 'confirmed' });
    expect(reopened.status).toBe(200);
    const last = (await eventsOf(org.id, created.id)).at(-1)!;
    expect(last.type).toBe('reservation.status_changed');
    expect(last.payload.previous).toEqual({ status: 'cancelled' });
  });

  it('other fields write reservation.updated with exactly the changed fields’ old values', async () => {
    const created = await mustBook(org, {
      service_id: serviceId,
      start_datetime: nextStart(),
      notes: 'Window seat',
    });
    const res = await org.api.patch(`/reservations/${created.id}`, {
      notes: 'Terrace',
      party_size: 3,
      deal_id: null,
    });
    expect(res.status).toBe(200);
    const [event] = (await eventsOf(org.id, created.id)).filter(
      (e) => e.type !== 'reservation.created',
    );
    expect(event!.type).toBe('reservation.updated');
    expect(event!.payload).toEqual({
      reservation: res.body,
      previous: { notes: 'Window seat', party_size: 1 },
    });
  });

  it('one PATCH that moves, confirms and edits writes one event of each kind', async () => {
    const created = await mustBook(org, {
      service_id: serviceId,
      start_datetime: nextStart(),
      status: 'pending',
    });
    const to = nextStart();
    const res = await org.api.patch(`/reservations/${created.id}`, {
      start_datetime: to,
      status: 'confirmed',
      notes: 'Birthday',
    });
    expect(res.status).toBe(200);
    expect(await typesOf(created.id)).toEqual([
      'reservation.created',
      'reservation.rescheduled',
      'reservation.status_changed',
      'reservation.updated',
    ]);
    const events = await eventsOf(org.id, created.id);
    const updated = events.find((e) => e.type === 'reservation.updated')!;
    expect(updated.payload.previous).toEqual({ notes: null });
    for (const e of events.filter((x) => x.type !== 'reservation.created')) {
      expect(e.payload.reservation).toEqual(res.body);
    }
  });

  it('a PATCH that changes nothing writes nothing', async () => {
    const created = await mustBook(org, {
      service_id: serviceId,
      start_datetime: nextStart(),
      notes: 'Same',
    });
    const before = await orgEventCount();
    const res = await org.api.patch(`/reservations/${created.id}`, {
      notes: 'Same',
      start_datetime: created.start_datetime,
      custom_fields_by_key: {},
    });
    expect(res.status).toBe(200);
    expect(await orgEventCount()).toBe(before);
  });

  it('a refused create (409) and a refused reschedule write no event and no delivery', async () => {
    const start = nextStart();
    const first = await mustBook(org, { service_id: serviceId, start_datetime: start });
    const before = await orgEventCount();
    const deliveriesBefore = (await deliveriesOf(org.id, all)).length;
    const refused = await book(org, { service_id: serviceId, start_datetime: start });
    expect(refused.status).toBe(409);
    const other = await mustBook(org, { service_id: serviceId, start_datetime: nextStart() });
    const afterOther = await orgEventCount();
    expect(afterOther).toBe(before + 1);
    const moved = await org.api.patch(`/reservations/${other.id}`, {
      start_datetime: first.start_datetime,
    });
    expect(moved.status).toBe(409);
    const badTransition = await org.api.patch(`/reservations/${other.id}`, { status: 'completed' });
    expect(badTransition.status).toBe(409);
    expect(await orgEventCount()).toBe(afterOther);
    expect((await deliveriesOf(org.id, all)).length).toBe(deliveriesBefore + 1);
  });

  it('an idempotent replay writes no second event', async () => {
    const body = { service_id: serviceId, start_datetime: nextStart(), contact: { name: 'Idem' } };
    const headers = { 'idempotency-key': `events-${Date.now()}` };
    const first = await book(org, body, headers);
    expect(first.status).toBe(201);
    const before = await orgEventCount();
    const replay = await book(org, body, headers);
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(first.body.id);
    expect(await orgEventCount()).toBe(before);
  });

  it('events written in a transaction that rolls back leave nothing', async () => {
    const db = await getDb();
    const before = await orgEventCount();
    const deliveriesBefore = (await deliveriesOf(org.id, all)).length;
    await expect(
      db.transaction(async (tx) => {
        const { deliveryIds } = await appendEvents(tx, [
          {
            organizationId: org.id,
            type: 'reservation.created',
            subjectId: null,
            data: { reservation: { id: 'x' } },
            createdAt: new Date(),
          },
        ]);
        expect(deliveryIds).toHaveLength(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await orgEventCount()).toBe(before);
    expect((await deliveriesOf(org.id, all)).length).toBe(deliveriesBefore);
  });

  it('deleting an endpoint deletes its deliveries, not the events', async () => {
    const res = await org.api.post('/webhooks', {
      url: 'https://hooks.example.com/gone',
      events: ['reservation.created'],
    });
    const created = await mustBook(org, { service_id: serviceId, start_datetime: nextStart() });
    expect(await deliveriesOf(org.id, res.body.id)).toHaveLength(1);
    expect((await org.api.delete(`/webhooks/${res.body.id}`)).status).toBe(200);
    const db = await getDb();
    expect(
      await db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.webhook_id, res.body.id)),
    ).toHaveLength(0);
    expect(await eventsOf(org.id, created.id)).toHaveLength(1);
  });
});
