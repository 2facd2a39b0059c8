import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeDays } from './days';
import { checkCandidate, findAvailableSlots } from './engine';
import { oracleCheck, oracleGrid, oracleSlots } from './testing/oracle';
import type {
  CandidateInput,
  OccupancyEntry,
  ResourceException,
  ResourceSchedule,
  ServiceLink,
  ServiceRules,
  SlotQueryInput,
  WeeklyHours,
} from './types';
import { addDays, localToInstant } from './zoned-time';

const NUM_RUNS = process.env.SLOW_TESTS ? 2000 : 100;
const MIN = 60_000;
const TZS = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe'];
// DST days of the zones above, plus an ordinary one.
const DATES = [
  '2027-03-14',
  '2027-11-07',
  '2027-03-28',
  '2027-10-31',
  '2027-04-04',
  '2027-10-03',
  '2027-06-16',
];

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const maybe = <T>(a: fc.Arbitrary<T>, weightOfNull: number, weightOfValue: number) =>
  fc.oneof(
    { weight: weightOfNull, arbitrary: fc.constant(null) },
    { weight: weightOfValue, arbitrary: a },
  );
const quarter = fc.integer({ min: 0, max: 95 }).map((q) => q * 15);

// Biased towards the small hours, where DST transitions and midnight joins live.
const startQuarter = fc.oneof(
  quarter,
  fc.integer({ min: 0, max: 16 }).map((q) => q * 15),
  fc.integer({ min: 80, max: 95 }).map((q) => q * 15),
);
const timeRange = fc
  .tuple(startQuarter, fc.integer({ min: 1, max: 48 }))
  .map(([s, len]) => ({ start_time: hhmm(s), end_time: hhmm(Math.min(1440, s + len * 15)) }));

const weeklyArb: fc.Arbitrary<WeeklyHours[]> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.constant(
      [0, 1, 2, 3, 4, 5, 6].map((d) => ({
        day_of_week: d,
        start_time: '00:00',
        end_time: '24:00',
      })),
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(timeRange, { minLength: 1, maxLength: 3 })
      .map((rows) =>
        [0, 1, 2, 3, 4, 5, 6].flatMap((d) => rows.map((t) => ({ day_of_week: d, ...t }))),
      ),
  },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.array(timeRange, { maxLength: 2 }), { minLength: 7, maxLength: 7 })
      .map((days) => days.flatMap((rows, d) => rows.map((t) => ({ day_of_week: d, ...t })))),
  },
);

const exceptionArb = (date: string): fc.Arbitrary<ResourceException> =>
  fc
    .record({
      offset: fc.integer({ min: -2, max: 3 }),
      span: fc.integer({ min: 0, max: 2 }),
      kind: fc.constantFrom('blocked' as const, 'special_hours' as const),
      times: maybe(timeRange, 1, 2),
    })
    .map(({ offset, span, kind, times }) => ({
      date: addDays(date, offset),
      end_date: span === 0 ? null : addDays(date, offset + span),
      kind,
      start_time: times?.start_time ?? (kind === 'special_hours' ? '08:00' : null),
      end_time: times?.end_time ?? (kind === 'special_hours' ? '20:00' : null),
    }));

const resourceArb = (i: number, date: string, queryTz: string): fc.Arbitrary<ResourceSchedule> =>
  fc.record({
    id: fc.constant(`r${i}`),
    name: fc.constantFrom('Alpha', 'Beta', 'Gamma'),
    is_active: fc.constant(true), // overridden by activeFlags
    quantity: fc.integer({ min: 1, max: 3 }),
    capacity: maybe(fc.integer({ min: 1, max: 5 }), 1, 1),
    timezone: fc.oneof(
      { weight: 3, arbitrary: fc.constant(queryTz) },
      { weight: 2, arbitrary: fc.constantFrom(...TZS) },
    ),
    weekly_hours: weeklyArb,
    exceptions: fc.array(exceptionArb(date), { maxLength: 3 }),
  });

const serviceArb: fc.Arbitrary<ServiceRules> = fc.record({
  id: fc.constant('svc'),
  is_active: fc.oneof(
    { weight: 19, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
  duration_minutes: fc.constantFrom(15, 25, 30, 45, 60, 90, 120),
  slot_interval_minutes: maybe(fc.constantFrom(10, 15, 20, 25, 30, 60), 1, 1),
  buffer_before_minutes: fc.constantFrom(0, 0, 10, 15, 30),
  buffer_after_minutes: fc.constantFrom(0, 0, 5, 15, 60),
  min_notice_minutes: fc.constantFrom(0, 0, 60, 600),
  max_advance_days: fc.integer({ min: 1, max: 4 }),
  capacity: maybe(fc.integer({ min: 1, max: 5 }), 1, 1),
  min_party_size: fc.constant(1),
  max_party_size: fc.constant(5),
});

interface OwnerSpec {
  kind: 'reservation' | 'occurrence' | 'hold';
  ownService: boolean;
  onGrid: boolean;
  gridIndex: number;
  offsetQuarters: number;
  lengthMinutes: number;
  seatsTaken: number;
  seatLimit: number;
  /** minutes an occurrence's allocation falls short of the service's current occupied interval */
  shortBy: number;
  units: { res: number; unit: number }[];
}

const ownerArb: fc.Arbitrary<OwnerSpec> = fc.record({
  kind: fc.constantFrom('reservation' as const, 'occurrence' as const, 'hold' as const),
  ownService: fc.oneof(
    { weight: 3, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
  onGrid: fc.oneof(
    { weight: 3, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
  gridIndex: fc.nat(),
  offsetQuarters: fc.integer({ min: 0, max: 4 * 24 * 3 }),
  lengthMinutes: fc.constantFrom(15, 30, 60, 120, 240),
  seatsTaken: fc.integer({ min: 1, max: 5 }),
  seatLimit: fc.integer({ min: 1, max: 5 }),
  shortBy: fc.constantFrom(0, 0, 0, 15, 30),
  units: fc.array(fc.record({ res: fc.nat({ max: 2 }), unit: fc.integer({ min: 1, max: 3 }) }), {
    minLength: 1,
    maxLength: 2,
  }),
});

const scenarioArb = fc
  .record({
    queryTz: fc.constantFrom(...TZS),
    date: fc.constantFrom(...DATES),
    extraDays: fc.integer({ min: 0, max: 1 }),
  })
  .chain(({ queryTz, date, extraDays }) =>
    fc.record({
      queryTz: fc.constant(queryTz),
      date: fc.constant(date),
      endDate: fc.constant(addDays(date, extraDays)),
      service: serviceArb,
      resources: fc
        .integer({ min: 1, max: 3 })
        .chain((n) =>
          fc.tuple(...Array.from({ length: n }, (_, i) => resourceArb(i, date, queryTz))),
        ),
      activeFlags: fc.array(
        fc.oneof(
          { weight: 19, arbitrary: fc.constant(true) },
          { weight: 1, arbitrary: fc.constant(false) },
        ),
        { minLength: 3, maxLength: 3 },
      ),
      linkSpecs: fc.array(
        fc.record({
          linked: fc.oneof(
            { weight: 9, arbitrary: fc.constant(true) },
            { weight: 1, arbitrary: fc.constant(false) },
          ),
          required: fc.oneof(
            { weight: 2, arbitrary: fc.constant(false) },
            { weight: 1, arbitrary: fc.constant(true) },
          ),
          quantity: fc.integer({ min: 1, max: 2 }),
        }),
        { minLength: 3, maxLength: 3 },
      ),
      owners: fc.array(ownerArb, { maxLength: 8 }),
      party: fc.integer({ min: 1, max: 3 }),
      nowQuarters: fc.integer({ min: -4 * 48, max: 4 * 12 }),
      resourceFilter: maybe(fc.nat({ max: 3 }), 6, 1),
      preferred: maybe(fc.nat({ max: 3 }), 6, 1),
      ignoreOwner: maybe(fc.nat({ max: 5 }), 3, 1),
      ignoreSeats: maybe(
        fc.record({ owner: fc.nat({ max: 5 }), seats: fc.integer({ min: 1, max: 3 }) }),
        3,
        1,
      ),
      probes: fc.array(
        fc.record({
          atOwner: fc.boolean(),
          onGrid: fc.oneof(
            { weight: 3, arbitrary: fc.constant(true) },
            { weight: 1, arbitrary: fc.constant(false) },
          ),
          index: fc.nat(),
          shiftMinutes: fc.constantFrom(0, 0, 5, -10),
          quarters: fc.integer({ min: 0, max: 4 * 24 * 3 }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    }),
  );

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario): { query: SlotQueryInput; grid: number[] } {
  const resources = s.resources.map((r, i) => ({ ...r, is_active: s.activeFlags[i]! }));
  const links: ServiceLink[] = resources.flatMap((r, i) => {
    const l = s.linkSpecs[i]!;
    return l.linked ? [{ resource_id: r.id, is_required: l.required, quantity: l.quantity }] : [];
  });
  const dayStart = localToInstant(s.date, '00:00', s.queryTz);
  const idOf = (n: number | null) => (n === null ? undefined : `r${n}`);
  const query: SlotQueryInput = {
    service: s.service,
    links,
    resources,
    occupancy: [],
    now: dayStart + s.nowQuarters * 15 * MIN,
    date: s.date,
    end_date: s.endDate,
    timezone: s.queryTz,
    party_size: s.party,
    resource_id: idOf(s.resourceFilter),
    preferred_resource_id: idOf(s.preferred),
  };
  const grid = oracleGrid({ ...query, resource_id: undefined, preferred_resource_id: undefined });
  const occupancy: OccupancyEntry[] = [];
  s.owners.forEach((o, i) => {
    const slotStart =
      o.onGrid && grid.length > 0
        ? grid[o.gridIndex % grid.length]!
        : dayStart - 24 * 60 * MIN + o.offsetQuarters * 15 * MIN;
    const own = o.ownService;
    const start = own ? slotStart - s.service.buffer_before_minutes * MIN : slotStart;
    const end = own
      ? slotStart +
        (s.service.duration_minutes + s.service.buffer_after_minutes) * MIN -
        // An occurrence opened before the service's duration was raised covers less.
        (o.kind === 'occurrence' ? o.shortBy * MIN : 0)
      : slotStart + o.lengthMinutes * MIN;
    const seen = new Set<string>();
    for (const u of o.units) {
      if (u.res >= resources.length || seen.has(`${u.res}#${u.unit}`)) continue;
      seen.add(`${u.res}#${u.unit}`);
      occupancy.push({
        owner_id: `o${i}`,
        owner_kind: o.kind,
        service_id: own ? 'svc' : 'other',
        slot_start: slotStart,
        resource_id: `r${u.res}`,
        unit: u.unit,
        start,
        end,
        ...(o.kind === 'occurrence' ? { seats_taken: o.seatsTaken, seat_limit: o.seatLimit } : {}),
      });
    }
  });
  return { query: { ...query, occupancy }, grid };
}

describe('engine vs minute-by-minute oracle', () => {
  it(
    'lists exactly the oracle’s slots and agrees on single candidates',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          const { query, grid } = build(s);
          expect(findAvailableSlots(query)).toEqual(oracleSlots(query));

          const base: Omit<CandidateInput, 'start'> = {
            service: query.service,
            links: query.links,
            resources: query.resources,
            occupancy: query.occupancy,
            now: query.now,
            party_size: query.party_size,
            resource_id: query.resource_id,
            preferred_resource_id: query.preferred_resource_id,
            ignoreOwnerIds: s.ignoreOwner === null ? undefined : [`o${s.ignoreOwner}`],
            ignoreSeats:
              s.ignoreSeats === null
                ? undefined
                : { occurrence_id: `o${s.ignoreSeats.owner}`, seats: s.ignoreSeats.seats },
          };
          const dayStart = localToInstant(s.date, '00:00', s.queryTz);
          for (const probe of s.probes) {
            const owners = query.occupancy;
            const start =
              probe.atOwner && owners.length > 0
                ? owners[probe.index % owners.length]!.slot_start
                : probe.onGrid && grid.length > 0
                  ? grid[probe.index % grid.length]! + probe.shiftMinutes * MIN
                  : dayStart - 24 * 60 * MIN + probe.quarters * 15 * MIN;
            const input = { ...base, start };
            const got = checkCandidate(input);
            const want = oracleCheck(input);
            expect(got.ok).toBe(want.feasible);
            if (got.ok) {
              expect({
                allocation: got.allocation,
                remaining: got.remaining_capacity,
                ids: got.resource_ids,
              }).toEqual({
                allocation: want.allocation,
                remaining: want.remaining,
                ids: want.resource_ids,
              });
            } else {
              expect(got.reasons.length).toBeGreaterThan(0);
            }
          }
        }),
        { seed: Number(process.env.SEED ?? 20270314), numRuns: NUM_RUNS },
      );
    },
    NUM_RUNS * 200,
  );
});

describe('available days (§16) vs per-day slot lists', () => {
  it(
    'one pass over the range counts, day by day, exactly the slots each day’s query lists',
    () => {
      fc.assert(
        fc.property(scenarioArb, fc.integer({ min: 0, max: 3 }), (s, extra) => {
          const { query } = build(s);
          const endDate = addDays(s.date, extra);
          const ranged = { ...query, end_date: endDate };
          const days = summarizeDays(findAvailableSlots(ranged), s.date, endDate, s.queryTz);
          expect(days.map((d) => d.date)[0]).toBe(s.date);
          expect(days).toHaveLength(extra + 1);
          for (const day of days) {
            const list = findAvailableSlots({ ...query, date: day.date, end_date: day.date });
            expect({ date: day.date, count: day.slot_count, first: day.first_start }).toEqual({
              date: day.date,
              count: list.length,
              first: list[0]?.start ?? null,
            });
          }
        }),
        { seed: Number(process.env.SEED ?? 20271107), numRuns: NUM_RUNS },
      );
    },
    NUM_RUNS * 200,
  );
});
