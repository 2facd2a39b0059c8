import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { statusChanges } from '@/db/schema';
import { createKeyOrg } from '../helpers/api';
import { futureDate, makeService } from '../helpers/catalog';
import { keyOrg } from '../helpers/reservations';
import { expectError } from '../api/fixtures';
import { callTool, makeAssistant, restEquivalent, withoutVolatile } from './helpers';

/**
 * §13 `/tool-calls`: every tool answers exactly what its REST endpoint answers for the same
 * input — results and errors (400, 404, 409) alike — and writes as the assistant.
 */

type Org = Awaited<ReturnType<typeof keyOrg>>;

let org: Org;
let assistant: any;
let serviceId: string;
let resourceIds: string[];
const date = futureDate(12);

const tool = (name: string, args?: unknown) => callTool(org, assistant.id, name, args);

/** The tool and the REST endpoint give the same status, and the same body (the tool's as `result`). */
async function expectSameAnswer(name: string, args: Record<string, unknown>, status: number) {
  const viaTool = await tool(name, args);
  const viaRest = await restEquivalent(org, name, args);
  expect(viaRest.status, JSON.stringify(viaRest.body)).toBe(status);
  if (status < 300) {
    expect(viaTool.status, JSON.stringify(viaTool.body)).toBe(200);
    expect(viaTool.body).toEqual({ tool: name, result: viaRest.body });
  } else {
    expect(viaTool.status, JSON.stringify(viaTool.body)).toBe(status);
    expect(viaTool.body).toEqual(viaRest.body);
  }
  return viaTool.body;
}

async function slotStarts(): Promise<string[]> {
  const res = await restEquivalent(org, 'get_available_slots', { service_id: serviceId, date });
  return res.body.slots.map((s: { start_datetime: string }) => s.start_datetime);
}

async function historyOf(reservationId: string) {
  const db = await getDb();
  return db
    .select()
    .from(statusChanges)
    .where(
      and(
        eq(statusChanges.organization_id, org.id),
        eq(statusChanges.reservation_id, reservationId),
      ),
    );
}

beforeAll(async () => {
  org = await keyOrg('Europe/Paris');
  ({ serviceId, resourceIds } = await makeService(org, {
    service: { name: 'Massage', max_party_size: 4 },
    resources: [{ name: 'Room', quantity: 2 }],
  }));
  await makeService(org, { service: { name: 'Yoga', is_active: false } });
  assistant = await makeAssistant(org);
});

describe('get_reservation_services', () => {
  it.each([
    [{}],
    [{ is_active: true }],
    [{ $search: 'mass', $limit: 1 }],
    [{ $sort: { name: -1 }, $skip: 1 }],
    [{ name: { $in: ['Massage', 'Yoga'] }, $limit: 100 }],
    [{ capacity: { $ne: 3 }, created_at: { $lte: '2999-01-01T00:00:00+01:00' } }],
  ])('%j: same as GET /reservation-services', async (args) => {
    await expectSameAnswer('get_reservation_services', args, 200);
  });

  it.each([
    [{ $limit: -1 }],
    [{ $limit: 1.5 }],
    [{ colour: 'red' }],
    [{ created_at: 'yesterday' }],
    [{ $sort: { price_amount: 1 } }],
    [{ $sort: { name: 2 } }],
    [{ name: { $gt: 'M' } }],
    [{ capacity: { $in: [1, 'two'] } }],
  ])('%j: the same 400', async (args) => {
    const body = await expectSameAnswer('get_reservation_services', args, 400);
    expect(body.error.code).toBe('validation_error');
  });

  it('JSON types a query string cannot carry are the tool schema’s 400', async () => {
    expectError(
      await tool('get_reservation_services', { is_active: 'true' }),
      400,
      'validation_error',
      ['is_active'],
    );
  });
});

describe('get_available_slots', () => {
  it('same slots as GET /reservation-available-slots; date in the organization’s zone', async () => {
    const body = await expectSameAnswer(
      'get_available_slots',
      { service_id: serviceId, date },
      200,
    );
    expect(body.result.timezone).toBe('Europe/Paris');
    expect(body.result.slots.length).toBeGreaterThan(0);
    expect(body.result.slots[0].start_datetime).toMatch(/Z$/);
  });

  it.each([
    (s: string) => ({ service_id: s, date, end_date: futureDate(14), party_size: 2 }),
    (s: string) => ({ service_id: s.toUpperCase(), date, timezone: 'America/New_York' }),
    (s: string) => ({ service_id: s, date, resource_id: resourceIds[0] }),
  ])('variant %#: same answer', async (args) => {
    await expectSameAnswer('get_available_slots', args(serviceId), 200);
  });

  it.each([
    ['missing date', (s: string) => ({ service_id: s })],
    ['end before date', (s: string) => ({ service_id: s, date, end_date: futureDate(1) })],
    ['range too long', (s: string) => ({ service_id: s, date, end_date: futureDate(60) })],
    ['unknown zone', (s: string) => ({ service_id: s, date, timezone: 'Mars/Olympus' })],
    ['party too big', (s: string) => ({ service_id: s, date, party_size: 5 })],
    ['unknown service', () => ({ service_id: randomUUID(), date })],
    ['bad date', (s: string) => ({ service_id: s, date: '2027-02-30' })],
    ['unknown argument', (s: string) => ({ service_id: s, date, when: 'soon' })],
  ])('%s: the same 400', async (_label, args) => {
    const body = await expectSameAnswer('get_available_slots', args(serviceId), 400);
    expect(body.error.code).toBe('validation_error');
  });

  it('party_size is a JSON number', async () => {
    expectError(
      await tool('get_available_slots', { service_id: serviceId, date, party_size: '2' }),
      400,
      'validation_error',
      ['party_size'],
    );
  });
});

describe('create_reservation', () => {
  it('books like POST /reservations, with source ai_assistant, and the history names the assistant', async () => {
    const [start] = await slotStarts();
    const args = {
      service_id: serviceId,
      start_datetime: start,
      party_size: 2,
      contact: { name: 'Grace Hopper', email: 'grace@example.test' },
      notes: 'Booked by phone',
    };
    const viaTool = await tool('create_reservation', args);
    expect(viaTool.status, JSON.stringify(viaTool.body)).toBe(200);
    expect(viaTool.body.tool).toBe('create_reservation');
    const viaRest = await restEquivalent(org, 'create_reservation', args);
    expect(viaRest.status).toBe(201);
    // Same input, same reservation (the inline contact is found by email the second time).
    expect(withoutVolatile(viaTool.body.result)).toEqual(withoutVolatile(viaRest.body));
    expect(viaTool.body.result.source).toBe('ai_assistant');
    expect(viaRest.body.source).toBe('api');
    const stored = await restEquivalent(org, 'find_reservations', { source: 'ai_assistant' });
    expect(stored.body.data.map((r: any) => r.id)).toEqual([viaTool.body.result.id]);

    const history = await historyOf(viaTool.body.result.id);
    expect(history).toMatchObject([
      {
        from_status: null,
        to_status: 'confirmed',
        actor_kind: 'ai_assistant',
        actor_id: assistant.id,
      },
    ]);

    // The room had two units: a third booking of the slot is the same 409 both ways.
    const third = await expectSameAnswer('create_reservation', args, 409);
    expect(third.error.code).toBe('slot_unavailable');
  });

  it.each([
    ['no contact', (s: string, t: string) => ({ service_id: s, start_datetime: t })],
    [
      'both contacts',
      (s: string, t: string) => ({
        service_id: s,
        start_datetime: t,
        contact_id: randomUUID(),
        contact: { name: 'A' },
      }),
    ],
    [
      'party outside the service',
      (s: string, t: string) => ({
        service_id: s,
        start_datetime: t,
        party_size: 9,
        contact: { name: 'A' },
      }),
    ],
    [
      'unknown service',
      (_s: string, t: string) => ({
        service_id: randomUUID(),
        start_datetime: t,
        contact: { name: 'A' },
      }),
    ],
    [
      'no offset',
      (s: string, t: string) => ({
        service_id: s,
        start_datetime: t.slice(0, 19),
        contact: { name: 'A' },
      }),
    ],
    [
      'unknown field',
      (s: string, t: string) => ({
        service_id: s,
        start_datetime: t,
        contact: { name: 'A' },
        room: 1,
      }),
    ],
  ])('%s: the same 400', async (_label, args) => {
    const [, start] = await slotStarts();
    const body = await expectSameAnswer('create_reservation', args(serviceId, start!), 400);
    expect(body.error.code).toBe('validation_error');
  });

  it('a start that is not a slot: the same 409 slot_unavailable', async () => {
    const body = await expectSameAnswer(
      'create_reservation',
      {
        service_id: serviceId,
        start_datetime: `${date}T03:07:00Z`,
        contact: { name: 'Night owl' },
      },
      409,
    );
    expect(body.error.code).toBe('slot_unavailable');
  });
});

describe('update_reservation', () => {
  let first: any;
  let second: any;
  beforeAll(async () => {
    const starts = await slotStarts();
    const book = async (start: string, name: string) =>
      (
        await restEquivalent(org, 'create_reservation', {
          service_id: serviceId,
          start_datetime: start,
          contact: { name },
        })
      ).body;
    first = await book(starts.at(-1)!, 'First');
    second = await book(starts.at(-1)!, 'Second');
    // Fill the second-to-last slot so a move there is refused.
    await book(starts.at(-2)!, 'Filler 1');
    await book(starts.at(-2)!, 'Filler 2');
  });

  it('edits like PATCH /reservations/:id', async () => {
    const viaTool = await tool('update_reservation', { id: first.id, notes: 'Window seat' });
    expect(viaTool.status).toBe(200);
    const viaRest = await restEquivalent(org, 'update_reservation', {
      id: first.id,
      notes: 'Window seat',
    });
    expect(viaRest.status).toBe(200);
    const { updated_at: _a, ...fromTool } = viaTool.body.result;
    const { updated_at: _b, ...fromRest } = viaRest.body;
    expect(fromTool).toEqual(fromRest);
  });

  it.each([
    ['unknown reservation', () => ({ id: randomUUID(), notes: 'x' }), 404, 'not_found'],
    ['not a transition', () => ({ id: first.id, status: 'pending' }), 409, 'invalid_transition'],
    [
      'too early to complete',
      () => ({ id: first.id, status: 'completed' }),
      409,
      'invalid_transition',
    ],
    ['bad party size', () => ({ id: first.id, party_size: 0 }), 400, 'validation_error'],
    ['unknown field', () => ({ id: first.id, colour: 'red' }), 400, 'validation_error'],
    [
      'cancellation fields without cancelling',
      () => ({ id: first.id, cancellation_reason: 'x' }),
      400,
      'validation_error',
    ],
  ])('%s: the same %i', async (_label, args, status, code) => {
    const body = await expectSameAnswer('update_reservation', args(), status as number);
    expect(body.error.code).toBe(code);
  });

  it('moving to a full slot: the same 409 slot_unavailable, nothing changes', async () => {
    const starts = await slotStarts();
    const full = (await restEquivalent(org, 'find_reservations', { $sort: { start_datetime: 1 } }))
      .body.data;
    const target = full.find((r: any) => r.contact.name === 'Filler 1').start_datetime;
    expect(starts).not.toContain(target);
    const body = await expectSameAnswer(
      'update_reservation',
      { id: first.id, start_datetime: target },
      409,
    );
    expect(body.error.code).toBe('slot_unavailable');
    const unchanged = await restEquivalent(org, 'find_reservations', {
      contact_id: first.contact_id,
    });
    expect(unchanged.body.data[0].start_datetime).toBe(first.start_datetime);
  });

  it('the id is an argument: missing or malformed → 400 naming it', async () => {
    expectError(await tool('update_reservation', { notes: 'x' }), 400, 'validation_error', ['id']);
    expectError(
      await tool('update_reservation', { id: 'abc', notes: 'x' }),
      400,
      'validation_error',
      ['id'],
    );
  });

  it('cancelling through the tool records cancelled_by ai_assistant and the assistant in history', async () => {
    const res = await tool('update_reservation', {
      id: second.id,
      status: 'cancelled',
      cancellation_reason: 'Customer called',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.result).toMatchObject({
      status: 'cancelled',
      cancelled_by: 'ai_assistant',
      cancellation_reason: 'Customer called',
      resource_ids: [],
    });
    expect(res.body.result.cancelled_at).toMatch(/Z$/);
    const history = await historyOf(second.id);
    expect(history.find((h) => h.to_status === 'cancelled')).toMatchObject({
      from_status: 'confirmed',
      actor_kind: 'ai_assistant',
      actor_id: assistant.id,
    });
    // The same cancel over REST says organization.
    const viaRest = await restEquivalent(org, 'update_reservation', {
      id: first.id,
      status: 'cancelled',
    });
    expect(viaRest.body.cancelled_by).toBe('organization');
  });
});

describe('find_reservations', () => {
  it.each([
    [{}],
    [{ date }],
    [{ date: futureDate(13) }],
    [{ $sort: { start_datetime: -1 }, $limit: 2 }],
    [{ status: { $in: ['confirmed', 'cancelled'] }, $skip: 1 }],
    [{ status: { $ne: 'cancelled' }, party_size: { $gte: 2 } }],
    [{ source: 'ai_assistant' }],
    [{ $search: 'grace' }],
    [{ start_datetime: { $gte: `${date}T00:00:00+02:00` } }],
    [{ resource_id: '00000000-0000-4000-8000-000000000000' }],
  ])('%j: same as GET /reservations', async (args) => {
    await expectSameAnswer('find_reservations', args, 200);
  });

  it('service and resource filters', async () => {
    await expectSameAnswer('find_reservations', { service_id: serviceId }, 200);
    await expectSameAnswer('find_reservations', { resource_id: resourceIds[0] }, 200);
  });

  it.each([
    [{ date: 'tomorrow' }],
    [{ resource_id: 'room-1' }],
    [{ status: 'lost' }],
    [{ start_datetime: { $gte: '2027-03-14' } }],
    [{ notes: 'x' }],
    [{ $limit: -5 }],
    [{ $search: 'x', contact: { name: 'x' } }],
  ])('%j: the same 400', async (args) => {
    const body = await expectSameAnswer('find_reservations', args, 400);
    expect(body.error.code).toBe('validation_error');
  });
});

describe('the call itself', () => {
  it('an unknown tool is a 400 naming `tool`', async () => {
    expectError(await tool('delete_everything', {}), 400, 'validation_error', ['tool']);
    expectError(await tool('__proto__', {}), 400, 'validation_error', ['tool']);
  });

  it('a tool the assistant has not enabled is a 403 tool_not_enabled', async () => {
    const limited = await makeAssistant(org, {
      internal_tools: { tools: ['get_reservation_services'] },
    });
    expectError(
      await callTool(org, limited.id, 'create_reservation', { service_id: serviceId }),
      403,
      'tool_not_enabled',
    );
    expect((await callTool(org, limited.id, 'get_reservation_services')).status).toBe(200);
  });

  it('a malformed call is a 400', async () => {
    expectError(await tool('find_reservations', [1]), 400, 'validation_error', ['arguments']);
    expectError(await tool('', {}), 400, 'validation_error', ['tool']);
    const res = await callTool(org, assistant.id, 'find_reservations', {});
    expect(res.status).toBe(200);
  });

  it('organization_id in the arguments: ours is ignored, another is a 403 (§0)', async () => {
    const other = await createKeyOrg();
    const ours = await tool('get_reservation_services', { organization_id: org.id });
    expect(ours.status).toBe(200);
    expectError(
      await tool('get_reservation_services', { organization_id: other.id }),
      403,
      'forbidden',
    );
  });
});

describe('hold_slot and release_hold (§15)', () => {
  const at = (hhmm: string) => `${date}T${hhmm}:00.000Z`;

  it('hold, then book with the hold: the reservation is the assistant’s, the hold is used up', async () => {
    const held = await tool('hold_slot', { service_id: serviceId, start_datetime: at('13:00') });
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    expect(held.body.result).toMatchObject({
      service_id: serviceId,
      start_datetime: at('13:00'),
      party_size: 1,
      expires_at: expect.any(String),
    });
    const booked = await tool('create_reservation', {
      hold_id: held.body.result.id,
      contact: { name: 'Held by AI' },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(200);
    expect(booked.body.result).toMatchObject({
      start_datetime: at('13:00'),
      source: 'ai_assistant',
      resource_ids: held.body.result.resource_ids,
    });
    await expectSameAnswer(
      'create_reservation',
      { hold_id: held.body.result.id, contact: { name: 'Again' } },
      409,
    );
  });

  it('errors are the endpoint’s: an off-grid start, an unknown hold', async () => {
    await expectSameAnswer(
      'hold_slot',
      { service_id: serviceId, start_datetime: `${date}T13:07:00Z` },
      409,
    );
    await expectSameAnswer('hold_slot', { service_id: serviceId, ttl_seconds: 5 }, 400);
    await expectSameAnswer('release_hold', { id: randomUUID() }, 404);
  });

  it('release_hold frees the slot at once', async () => {
    const held = await tool('hold_slot', {
      service_id: serviceId,
      start_datetime: at('15:00'),
      party_size: 2,
    });
    const before = await restEquivalent(org, 'get_available_slots', {
      service_id: serviceId,
      date,
    });
    const slot = before.body.slots.find((s: any) => s.start_datetime === at('15:00'));
    expect(slot.remaining_capacity).toBe(1);
    const released = await tool('release_hold', { id: held.body.result.id });
    expect(released.status).toBe(200);
    expect(released.body.result.id).toBe(held.body.result.id);
    const after = await restEquivalent(org, 'get_available_slots', { service_id: serviceId, date });
    expect(
      after.body.slots.find((s: any) => s.start_datetime === at('15:00')).remaining_capacity,
    ).toBe(2);
  });
});
