/**
 * A deliberately naive model of §6–§8 for the property test. It shares no
 * code with the engine: wall times come from Intl per instant, open time is
 * a set of minutes, units are checked entry by entry, counts come from
 * repeated greedy allocation. Slow on purpose; only the tests use it.
 */
import type {
  Allocation,
  CandidateInput,
  OccupancyEntry,
  ResourceSchedule,
  Slot,
  SlotQueryInput,
  UnitAllocation,
} from '../types';

const MIN = 60_000;
const DAYMS = 86_400_000;

const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAYMS;
const dateOf = (day: number) => new Date(day * DAYMS).toISOString().slice(0, 10);
const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

const fmts = new Map<string, Intl.DateTimeFormat>();
const wallCache = new Map<string, { day: number; minute: number }>();
/** Local (day, minute of day) of an instant, asked of Intl (sampled every 15 min: our zones shift on quarter hours). */
function wallOf(tz: string, ms: number): { day: number; minute: number } {
  const q = Math.floor(ms / (15 * MIN)) * 15 * MIN;
  const key = `${tz}|${q}`;
  let w = wallCache.get(key);
  if (!w) {
    let f = fmts.get(tz);
    if (!f) {
      f = new Intl.DateTimeFormat('en-GB', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      });
      fmts.set(tz, f);
    }
    const p = Object.fromEntries(f.formatToParts(q).map((x) => [x.type, x.value]));
    w = {
      day: dayOf(`${p.year}-${p.month}-${p.day}`),
      minute: (Number(p.hour) % 24) * 60 + Number(p.minute),
    };
    wallCache.set(key, w);
  }
  const extra = (ms - q) / MIN;
  return { day: w.day, minute: w.minute + extra };
}

const tableCache = new Map<string, Map<number, number>>();
/** Wall minute → earliest instant showing it, for one local date. */
function wallTable(tz: string, day: number): Map<number, number> {
  const key = `${tz}|${day}`;
  let table = tableCache.get(key);
  if (!table) {
    table = new Map();
    for (let t = day * DAYMS - 15 * 3_600_000; t < day * DAYMS + 40 * 3_600_000; t += MIN) {
      const w = wallOf(tz, t);
      if (w.day === day && !table.has(w.minute)) table.set(w.minute, t);
    }
    tableCache.set(key, table);
  }
  return table;
}

/** §8.1 by inversion: existing wall → earliest instant; a wall in a gap → forward by the gap. */
function instantOfWall(tz: string, day: number, minute: number): number {
  if (minute >= 1440) return instantOfWall(tz, day + 1, minute - 1440);
  const table = wallTable(tz, day);
  const t = table.get(minute);
  if (t !== undefined) return t;
  for (let p = minute - 1; p >= -1440; p--) {
    const tp = p >= 0 ? table.get(p) : wallTable(tz, day - 1).get(p + 1440);
    if (tp !== undefined) return tp + (minute - p) * MIN;
  }
  throw new Error('no wall time found');
}

interface World {
  open: Set<number>; // open instants, minute-aligned ms
  windows: [number, number][];
}

function openWorld(r: ResourceSchedule, fromDay: number, toDay: number): World {
  const open = new Set<number>();
  const splits = new Set<number>();
  for (let day = fromDay; day <= toDay; day++) {
    const covers = (e: ResourceSchedule['exceptions'][number]) =>
      dayOf(e.date) <= day && day <= dayOf(e.end_date ?? e.date);
    const specials = r.exceptions.filter(
      (e) => e.kind === 'special_hours' && covers(e) && e.start_time && e.end_time,
    );
    const blocks = r.exceptions.filter((e) => e.kind === 'blocked' && covers(e));
    const dow = new Date(day * DAYMS).getUTCDay();
    const isOpen: boolean[] = [];
    for (let m = 0; m < 1440; m++) {
      const inRange = (s: string | null, e: string | null) =>
        s !== null && e !== null && minutesOf(s) <= m && m < minutesOf(e);
      const base =
        specials.length > 0
          ? specials.some((e) => inRange(e.start_time, e.end_time))
          : r.weekly_hours.some((h) => h.day_of_week === dow && inRange(h.start_time, h.end_time));
      const blocked = blocks.some(
        (e) => e.start_time === null || e.end_time === null || inRange(e.start_time, e.end_time),
      );
      isOpen.push(base && !blocked);
    }
    if (isOpen.every(Boolean)) splits.add(instantOfWall(r.timezone, day + 1, 0));
    for (let m = 0; m < 1440;) {
      if (!isOpen[m]) {
        m++;
        continue;
      }
      let e = m;
      while (e < 1440 && isOpen[e]) e++;
      const a = instantOfWall(r.timezone, day, m);
      const b = instantOfWall(r.timezone, day, e);
      for (let t = a; t < b; t += MIN) open.add(t);
      m = e;
    }
  }
  const sorted = [...open].sort((a, b) => a - b);
  const windows: [number, number][] = [];
  for (const t of sorted) {
    const last = windows[windows.length - 1];
    if (last && last[1] === t && !splits.has(t)) last[1] = t + MIN;
    else windows.push([t, t + MIN]);
  }
  return { open, windows };
}

type Base = Omit<CandidateInput, 'start'>;

interface Prepared {
  input: Base;
  dead: boolean;
  required: { r: ResourceSchedule; qty: number; world: World }[];
  pool: { r: ResourceSchedule; qty: number; world: World }[]; // allowed by filters
  activePool: { r: ResourceSchedule; qty: number; world: World }[];
  hasPool: boolean;
  grid: number[];
  entries: OccupancyEntry[];
  seatsAdjust: Map<string, number>;
}

function prepare(input: Base, from: number, to: number): Prepared {
  const { service, links, resources } = input;
  const byId = new Map(resources.map((r) => [r.id, r]));
  const active = (id: string) => byId.get(id)?.is_active === true;
  const linkOf = (id: string | undefined) => links.find((l) => l.resource_id === id);
  let dead =
    !service.is_active ||
    links.length === 0 ||
    links.some((l) => l.is_required && !active(l.resource_id));
  const poolLinks = links.filter((l) => !l.is_required);
  if (poolLinks.length > 0 && !poolLinks.some((l) => active(l.resource_id))) dead = true;
  let allowed = poolLinks.filter((l) => active(l.resource_id)).map((l) => l.resource_id);
  for (const id of [input.resource_id, input.preferred_resource_id]) {
    if (id === undefined) continue;
    const link = linkOf(id);
    if (!link) dead = true;
    else if (!link.is_required) {
      if (!active(id)) dead = true;
      allowed = allowed.filter((x) => x === id);
      if (allowed.length === 0) dead = true;
    }
  }
  const worldOf = (r: ResourceSchedule) => {
    const fromDay = wallOf(r.timezone, from).day - 5;
    const toDay = wallOf(r.timezone, to).day + 3;
    return openWorld(r, fromDay, toDay);
  };
  const required = dead
    ? []
    : links
        .filter((l) => l.is_required)
        .map((l) => ({
          r: byId.get(l.resource_id)!,
          qty: l.quantity,
          world: worldOf(byId.get(l.resource_id)!),
        }));
  const activePool = dead
    ? []
    : poolLinks
        .filter((l) => active(l.resource_id))
        .map((l) => ({
          r: byId.get(l.resource_id)!,
          qty: l.quantity,
          world: worldOf(byId.get(l.resource_id)!),
        }));
  const grid = new Set<number>();
  const dur = service.duration_minutes * MIN;
  const step = (service.slot_interval_minutes ?? service.duration_minutes) * MIN;
  for (const x of [...required, ...activePool]) {
    for (const [ws, we] of x.world.windows) for (let s = ws; s + dur <= we; s += step) grid.add(s);
  }
  const ignored = new Set(input.ignoreOwnerIds ?? []);
  const seatsAdjust = new Map<string, number>();
  if (input.ignoreSeats) {
    const occ = input.occupancy.find((e) => e.owner_id === input.ignoreSeats!.occurrence_id);
    if (occ) {
      const left = (occ.seats_taken ?? 0) - input.ignoreSeats.seats;
      if (left <= 0) ignored.add(occ.owner_id);
      else seatsAdjust.set(occ.owner_id, left);
    }
  }
  return {
    input,
    dead,
    required,
    hasPool: poolLinks.length > 0,
    pool: activePool.filter((p) => allowed.includes(p.r.id)),
    activePool,
    grid: [...grid].sort((a, b) => a - b),
    entries: input.occupancy.filter((e) => !ignored.has(e.owner_id) && e.end > e.start),
    seatsAdjust,
  };
}

const contained = (w: World, s: number, e: number) => {
  for (let t = s; t < e; t += MIN) if (!w.open.has(t)) return false;
  return true;
};

interface Outcome {
  feasible: boolean;
  remaining: number;
  resource_ids: string[];
  allocation: Allocation | null;
}

function evaluate(p: Prepared, start: number): Outcome {
  const none: Outcome = { feasible: false, remaining: 0, resource_ids: [], allocation: null };
  if (p.dead) return none;
  const { service, party_size: party } = p.input;
  const end = start + service.duration_minutes * MIN;
  const oa = start - service.buffer_before_minutes * MIN;
  const ob = end + service.buffer_after_minutes * MIN;
  const busy = (rid: string, unit: number, used: Set<string>) =>
    used.has(`${rid}#${unit}`) ||
    p.entries.some((e) => e.resource_id === rid && e.unit === unit && e.start < ob && e.end > oa);
  const take = (
    x: { r: ResourceSchedule; qty: number; world: World },
    used: Set<string>,
  ): number[] | null => {
    if (!contained(x.world, start, end)) return null;
    const free: number[] = [];
    for (let u = 1; u <= x.r.quantity && free.length < x.qty; u++)
      if (!busy(x.r.id, u, used)) free.push(u);
    return free.length === x.qty ? free : null;
  };
  const dayCount = (r: ResourceSchedule) => {
    const d = wallOf(r.timezone, start).day;
    const owners = new Set(
      p.entries
        .filter(
          (e) =>
            e.resource_id === r.id &&
            e.owner_kind !== 'hold' &&
            wallOf(r.timezone, e.slot_start).day === d,
        )
        .map((e) => e.owner_id),
    );
    return owners.size;
  };
  const bestFirst = <T extends { r: ResourceSchedule }>(xs: T[]) =>
    [...xs].sort((a, b) => {
      const ca = a.r.capacity ?? Infinity,
        cb = b.r.capacity ?? Infinity;
      if (ca !== cb) return ca - cb;
      const da = dayCount(a.r),
        db = dayCount(b.r);
      if (da !== db) return da - db;
      return a.r.name < b.r.name
        ? -1
        : a.r.name > b.r.name
          ? 1
          : a.r.id < b.r.id
            ? -1
            : a.r.id > b.r.id
              ? 1
              : 0;
    });
  const reqCap = Math.min(Infinity, ...p.required.map((x) => x.r.capacity ?? Infinity));
  const group = service.capacity !== null;
  const limitWith = (r: ResourceSchedule | null) =>
    Math.min(service.capacity ?? Infinity, reqCap, r?.capacity ?? Infinity);
  const sortedReq = [...p.required].sort((a, b) =>
    a.r.name < b.r.name ? -1 : a.r.name > b.r.name ? 1 : a.r.id < b.r.id ? -1 : 1,
  );

  /** One greedy allocation on top of `used`; returns its units and seat limit or null. */
  const allocateOnce = (
    pool: typeof p.pool,
    used: Set<string>,
  ): { units: UnitAllocation[]; limit: number } | null => {
    const units: UnitAllocation[] = [];
    const mark = (rid: string, us: number[]) =>
      us.forEach((u) => {
        units.push({ resource_id: rid, unit: u });
      });
    for (const x of sortedReq) {
      const got = take(x, used);
      if (!got) return null;
      mark(x.r.id, got);
    }
    let chosen: ResourceSchedule | null = null;
    if (p.hasPool) {
      for (const x of bestFirst(pool)) {
        if (x.r.capacity !== null && x.r.capacity < party) continue;
        if (group && limitWith(x.r) < party) continue;
        const got = take(x, used);
        if (got) {
          mark(x.r.id, got);
          chosen = x.r;
          break;
        }
      }
      if (!chosen) return null;
    } else if (group && limitWith(null) < party) return null;
    units.forEach((u) => used.add(`${u.resource_id}#${u.unit}`));
    return { units, limit: limitWith(chosen) };
  };
  const greedy = (pool: typeof p.pool) => {
    const used = new Set<string>();
    const all: { units: UnitAllocation[]; limit: number }[] = [];
    for (let i = 0; i < 500; i++) {
      const a = allocateOnce(pool, used);
      if (!a) break;
      all.push(a);
    }
    return all;
  };

  // Occurrences of this service at this start, by owner.
  const occs = new Map<
    string,
    {
      id: string;
      taken: number;
      limit: number;
      units: UnitAllocation[];
      /** every row covers what a member occupies now */
      covers: boolean;
    }
  >();
  const memberFrom = start - service.buffer_before_minutes * MIN;
  const memberTo = end + service.buffer_after_minutes * MIN;
  const usable = [...p.required, ...p.activePool];
  if (group) {
    for (const e of p.entries) {
      if (e.owner_kind !== 'occurrence' || e.service_id !== service.id || e.slot_start !== start)
        continue;
      const o = occs.get(e.owner_id) ?? {
        id: e.owner_id,
        taken: p.seatsAdjust.get(e.owner_id) ?? e.seats_taken ?? 0,
        limit: Math.min(e.seat_limit ?? service.capacity ?? 0, service.capacity ?? Infinity),
        units: [],
        covers: true,
      };
      o.units.push({ resource_id: e.resource_id, unit: e.unit });
      if (e.start > memberFrom || e.end < memberTo) o.covers = false;
      const cap = usable.find((y) => y.r.id === e.resource_id)?.r.capacity;
      if (cap !== null && cap !== undefined) o.limit = Math.min(o.limit, cap);
      occs.set(e.owner_id, o);
    }
  }
  const allPoolIds = new Set(p.pool.map((x) => x.r.id));
  const validOccs = (poolIds: Set<string>) =>
    [...occs.values()].filter(
      (o) =>
        o.covers &&
        o.units.every((u) => {
          const x = usable.find((y) => y.r.id === u.resource_id);
          return x !== undefined && contained(x.world, start, end);
        }) &&
        (!p.hasPool || o.units.some((u) => poolIds.has(u.resource_id))),
    );
  const joinablesFor = (poolIds: Set<string>) =>
    validOccs(poolIds)
      .filter((o) => o.limit - o.taken >= party)
      .sort((a, b) => a.limit - a.taken - (b.limit - b.taken) || (a.id < b.id ? -1 : 1));
  const feasibleWith = (pool: typeof p.pool) => {
    const ids = new Set(pool.map((x) => x.r.id));
    return (group && joinablesFor(ids).length > 0) || allocateOnce(pool, new Set()) !== null;
  };

  if (!feasibleWith(p.pool)) return none;
  const servers = bestFirst(p.pool.filter((x) => feasibleWith([x])));
  const resource_ids = [...sortedReq.map((x) => x.r.id), ...servers.map((x) => x.r.id)];
  const fresh = greedy(p.pool);
  if (!group) {
    return {
      feasible: true,
      remaining: fresh.length,
      resource_ids,
      allocation: { kind: 'new', units: fresh[0]!.units, seat_limit: null },
    };
  }
  const joinable = joinablesFor(allPoolIds);
  const remaining =
    validOccs(allPoolIds).reduce((n, o) => n + Math.max(0, o.limit - o.taken), 0) +
    fresh.reduce((n, a) => n + a.limit, 0);
  const first = joinable[0];
  const allocation: Allocation = first
    ? {
        kind: 'join',
        occurrence_id: first.id,
        units: [...first.units].sort((a, b) =>
          a.resource_id < b.resource_id ? -1 : a.resource_id > b.resource_id ? 1 : a.unit - b.unit,
        ),
      }
    : { kind: 'new', units: fresh[0]!.units, seat_limit: fresh[0]!.limit };
  return { feasible: true, remaining, resource_ids, allocation };
}

/** Grid starts of a query (before time and occupancy checks), for generators. */
export function oracleGrid(input: SlotQueryInput): number[] {
  const from = instantOfWall(input.timezone, dayOf(input.date), 0);
  const to = instantOfWall(input.timezone, dayOf(input.end_date) + 1, 0);
  const inRange = (s: number) => {
    const d = wallOf(input.timezone, s).day;
    return dayOf(input.date) <= d && d <= dayOf(input.end_date);
  };
  return prepare(input, from, to).grid.filter(inRange);
}

export function oracleSlots(input: SlotQueryInput): Slot[] {
  const from = instantOfWall(input.timezone, dayOf(input.date), 0);
  const to = instantOfWall(input.timezone, dayOf(input.end_date) + 1, 0);
  const p = prepare(input, from, to);
  const { service, now } = input;
  const slots: Slot[] = [];
  for (const s of p.grid) {
    const d = wallOf(input.timezone, s).day;
    if (d < dayOf(input.date) || d > dayOf(input.end_date)) continue;
    if (s < now + service.min_notice_minutes * MIN || s > now + service.max_advance_days * DAYMS)
      continue;
    const o = evaluate(p, s);
    if (o.feasible)
      slots.push({
        start: s,
        end: s + service.duration_minutes * MIN,
        remaining_capacity: o.remaining,
        resource_ids: o.resource_ids,
      });
  }
  return slots;
}

export function oracleCheck(input: CandidateInput): Outcome {
  const p = prepare(input, input.start, input.start);
  const { service, now, start } = input;
  const none: Outcome = { feasible: false, remaining: 0, resource_ids: [], allocation: null };
  if (
    start < now + service.min_notice_minutes * MIN ||
    start > now + service.max_advance_days * DAYMS
  )
    return none;
  if (!p.grid.includes(start)) return none;
  return evaluate(p, start);
}

export { dateOf as oracleDateOf };
