import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseInstant } from '@/lib/http/query';
import { createKeyOrg } from '../helpers/api';
import { futureDate, makeService } from '../helpers/catalog';
import { everyDay } from '../helpers/reservations';
import { callTool, makeAssistant, restEquivalent } from './helpers';

/**
 * Each tool's `input_schema` agrees with its endpoint: generated arguments — valid ones, and
 * mutations of them (unknown keys, missing required keys, values of every wrong kind) — are
 * accepted by the JSON Schema (ajv, draft 2020-12) exactly when the endpoint answers 2xx, and
 * refused exactly when it answers 400.
 *
 * What JSON Schema cannot state is left out of the mutations and stays the endpoint's 400
 * (docs/decisions.md): whether a string names an IANA zone, rules across fields (end_date
 * within 31 days of date; cancellation fields only with status cancelled), and rules that
 * depend on stored data (ids that exist, the organization's custom fields, free slots).
 */

// JSON Schema formats, written from their RFCs here (not from the code under test).
const daysIn = (y: number, m: number) =>
  [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][m - 1] ?? 0;
function isFullDate(s: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && Number(m[3]) >= 1 && Number(m[3]) <= daysIn(Number(m[1]), Number(m[2]));
}
// strictRequired is a style lint: `oneOf: [{required: [contact_id]}, …]` names properties
// declared beside it, which is valid JSON Schema.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true });
ajv.addFormat('date', { type: 'string', validate: isFullDate });
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
ajv.addFormat('email', /@/);

let org: Awaited<ReturnType<typeof createKeyOrg>>;
let assistantId: string;
let serviceId: string;
let schemas: Record<string, Record<string, unknown>>;
let starts: string[];
let reservationIds: string[];
const date = futureDate(15);

beforeAll(async () => {
  org = await createKeyOrg('UTC');
  // Room for every generated booking: a private service, any party size, many units, all day.
  ({ serviceId } = await makeService(
    { ...org, adminEmail: '', adminPassword: '' },
    {
      service: { name: 'Open', max_party_size: 1000 },
      resources: [{ quantity: 2000 }],
      hours: everyDay('00:00', '24:00'),
    },
  ));
  assistantId = (await makeAssistant(org)).id;
  const tools = await org.api.get(`/ai-assistants/${assistantId}/tools`);
  schemas = Object.fromEntries(tools.body.tools.map((t: any) => [t.name, t.input_schema]));
  const slots = await restEquivalent(org, 'get_available_slots', {
    service_id: serviceId,
    date,
    end_date: futureDate(17),
  });
  starts = slots.body.slots.map((s: { start_datetime: string }) => s.start_datetime);
  reservationIds = [];
  for (const start of starts.slice(0, 3)) {
    const res = await restEquivalent(org, 'create_reservation', {
      service_id: serviceId,
      start_datetime: start,
      contact: { name: 'Seed' },
    });
    reservationIds.push(res.body.id);
  }
}, 120_000);

/** Values of every kind; none is a valid UUID, date or instant, so none meets a data rule by chance. */
const JUNK: unknown[] = [
  null,
  true,
  false,
  0,
  1,
  -1,
  2,
  1.5,
  1000,
  1001,
  1e16,
  '',
  ' ',
  'x',
  '1',
  'true',
  'confirmed',
  '2027-02-30',
  '2027-03-14T25:00Z',
  '2027-03-14T10:00:00',
  '14/03/2027',
  'NOT-A-UUID',
  'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1',
  [],
  ['x'],
  [1, 2],
  {},
  { $in: [] },
  { $in: ['x'] },
  { $in: [true] },
  { $ne: null },
  { $ne: 'x' },
  { $gt: 'x' },
  { $gte: 3 },
  { $bogus: 1 },
  { name: 'x' },
];
const UNKNOWN_KEYS = ['colour', '$or', 'limit', 'Date', 'service', 'id_'];

/** Keys whose content a JSON Schema cannot judge (see the header): no junk goes there. */
const OPAQUE: Record<string, string[]> = {
  get_available_slots: ['timezone', 'end_date'],
  create_reservation: ['custom_fields_by_key'],
  update_reservation: [
    'custom_fields_by_key',
    'cancelled_at',
    'cancelled_by',
    'cancellation_reason',
    'status',
  ],
};

type Args = Record<string, unknown>;

/** One mutation of valid arguments: an unknown key, a key dropped, or a junk value. */
function mutated(tool: string, valid: fc.Arbitrary<Args>): fc.Arbitrary<Args> {
  const schema = schemas[tool]!;
  const properties = Object.keys(schema.properties as object);
  const open = properties.filter((p) => !(OPAQUE[tool] ?? []).includes(p));
  const mutations: fc.Arbitrary<(a: Args) => Args>[] = [
    fc.constantFrom(...UNKNOWN_KEYS).map((key) => (a: Args) => ({ ...a, [key]: 'x' })),
    fc
      .tuple(fc.constantFrom(...open), fc.constantFrom(...JUNK))
      .map(([key, value]) => (a: Args) => ({ ...a, [key]: structuredClone(value) })),
  ];
  // Dropping a key: a required one makes the arguments invalid, an optional one must not.
  const drop = (a: Args, index: number) => {
    const keys = Object.keys(a);
    if (!keys.length) return a;
    const { [keys[index % keys.length]!]: _dropped, ...rest } = a;
    return rest;
  };
  mutations.push(fc.nat().map((index) => (a: Args) => drop(a, index)));
  return fc.tuple(valid, fc.oneof(...mutations)).map(([a, mutate]) => mutate(a));
}

async function expectAgreement(tool: string, args: Args) {
  const accepted = ajv.validate(schemas[tool]!, args);
  const res = await callTool(org, assistantId, tool, args);
  const said = `${tool} ${JSON.stringify(args)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}; schema ${accepted ? 'accepts' : `refuses: ${ajv.errorsText()}`}`;
  expect([200, 400], said).toContain(res.status);
  expect(res.status === 200, said).toBe(accepted);
  if (res.status === 400) expect(res.body.error.code, said).toBe('validation_error');
}

async function checkTool(tool: string, valid: fc.Arbitrary<Args>, runs = 40) {
  await fc.assert(
    fc.asyncProperty(valid, async (args) => {
      expect(ajv.validate(schemas[tool]!, args), ajv.errorsText()).toBe(true);
      await expectAgreement(tool, args);
    }),
    { numRuns: Math.ceil(runs / 2) },
  );
  await fc.assert(
    fc.asyncProperty(mutated(tool, valid), (args) => expectAgreement(tool, args)),
    { numRuns: runs * 2 },
  );
}

const word = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,15}$/);
const instant = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());
const direction = fc.constantFrom(1, -1);
const sortOf = (fields: string[]) =>
  fc
    .uniqueArray(fc.constantFrom(...fields), { maxLength: 2 })
    .chain((keys) =>
      fc
        .tuple(...keys.map(() => direction))
        .map((dirs) => Object.fromEntries(keys.map((k, i) => [k, dirs[i]]))),
    );
const paging = {
  $limit: fc.nat({ max: 80 }),
  $skip: fc.nat({ max: 5 }),
};

describe('input_schema agrees with the endpoint', () => {
  it('get_reservation_services', async () => {
    await checkTool(
      'get_reservation_services',
      fc.record(
        {
          ...paging,
          $sort: sortOf(['name', 'duration_minutes', 'created_at']),
          $search: word,
          is_active: fc.oneof(fc.boolean(), fc.record({ $ne: fc.boolean() })),
          name: fc.oneof(word, fc.record({ $in: fc.array(word, { minLength: 1, maxLength: 3 }) })),
          capacity: fc.oneof(
            fc.integer({ min: -5, max: 50 }),
            fc.record({ $gte: fc.nat(), $lt: fc.nat() }, { requiredKeys: [] }),
          ),
          created_at: fc.record({ $gte: instant }),
        },
        { requiredKeys: [] },
      ),
    );
  });

  it('find_reservations', async () => {
    await checkTool(
      'find_reservations',
      fc.record(
        {
          ...paging,
          $sort: sortOf(['start_datetime', 'status', 'party_size']),
          $search: word,
          status: fc.oneof(
            fc.constantFrom('pending', 'confirmed', 'cancelled'),
            fc.record({
              $in: fc.uniqueArray(fc.constantFrom('pending', 'confirmed', 'no_show'), {
                minLength: 1,
              }),
            }),
          ),
          service_id: fc.constant(serviceId),
          source: fc.constantFrom('api', 'ai_assistant'),
          party_size: fc.oneof(fc.nat({ max: 5 }), fc.record({ $gt: fc.nat({ max: 5 }) })),
          start_datetime: fc.record({ $gte: instant, $lt: instant }, { requiredKeys: [] }),
          date: fc.constantFrom(date, futureDate(16)),
        },
        { requiredKeys: [] },
      ),
    );
  });

  it('get_available_slots', async () => {
    await checkTool(
      'get_available_slots',
      fc.record(
        {
          service_id: fc.constantFrom(serviceId, serviceId.toUpperCase()),
          date: fc.constantFrom(date, futureDate(16)),
          end_date: fc.constantFrom(futureDate(17), futureDate(20)),
          party_size: fc.integer({ min: 1, max: 1000 }),
          timezone: fc.constantFrom('UTC', 'Europe/Paris', 'Asia/Kolkata'),
        },
        { requiredKeys: ['service_id', 'date'] },
      ),
      30,
    );
  });

  it('create_reservation', async () => {
    await checkTool(
      'create_reservation',
      fc.record(
        {
          service_id: fc.constant(serviceId),
          start_datetime: fc.constantFrom(...starts.slice(0, 40)),
          contact: fc.record(
            { name: word, email: fc.constantFrom('a@example.test', null) },
            { requiredKeys: ['name'] },
          ),
          party_size: fc.integer({ min: 1, max: 1000 }),
          notes: fc.oneof(word, fc.constant(null)),
          status: fc.constantFrom('pending', 'confirmed'),
          deal_id: fc.constant(null),
        },
        { requiredKeys: ['service_id', 'start_datetime', 'contact'] },
      ),
      30,
    );
  });

  it('update_reservation', async () => {
    await checkTool(
      'update_reservation',
      fc.record(
        {
          id: fc.constantFrom(...reservationIds),
          notes: fc.oneof(word, fc.constant(null)),
          party_size: fc.integer({ min: 1, max: 1000 }),
          company_id: fc.constant(null),
          preferred_resource_id: fc.constant(null),
        },
        { requiredKeys: ['id'] },
      ),
      30,
    );
  });
});

describe('the instant pattern', () => {
  it('accepts exactly what the endpoints parse (for valid calendar dates)', () => {
    const pattern = new RegExp(
      (schemas.create_reservation!.properties as any).start_datetime.pattern as string,
    );
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const candidate = fc
      .tuple(
        fc.constantFrom('2027-03-14', '2028-02-29', '0001-01-01', '9999-12-31'),
        fc.constantFrom('T', 't', ' '),
        two(25),
        fc.constantFrom(':', ''),
        two(61),
        fc.option(fc.tuple(two(61), fc.option(fc.stringMatching(/^\d{0,10}$/)))),
        fc.constantFrom('Z', 'z', '', '+', '-', '+0'),
        fc.option(fc.tuple(two(25), fc.constantFrom(':', ''), two(61))),
      )
      .map(([d, t, h, colon, m, sec, zone, off]) => {
        const seconds = sec ? `:${sec[0]}${sec[1] === null ? '' : `.${sec[1]}`}` : '';
        const offset =
          off && (zone === '+' || zone === '-') ? `${zone}${off[0]}${off[1]}${off[2]}` : zone;
        return `${d}${t}${h}${colon}${m}${seconds}${offset}`;
      });
    fc.assert(
      fc.property(candidate, (s) => {
        expect(pattern.test(s), s).toBe(parseInstant(s) !== null);
      }),
      { numRuns: 3000 },
    );
  });
});
