import type { EngineContext, UsableResource } from './context';
import { type Occurrence, occupiedInterval } from './occupancy';
import { containsInterval, overlapsAny } from './open-time';
import type { Allocation, Instant, UnavailableDetail, UnitAllocation } from './types';
import { type DayNumber, instantToLocalDay } from './zoned-time';

/** The outcome of asking whether a booking of the context's party size can start at one instant. */
export interface Evaluation {
  feasible: boolean;
  remaining: number;
  /** required first, then every pool resource that could serve, best fit first */
  resourceIds: string[];
  allocation: Allocation | null;
  /** filled only when asked to explain */
  reasons: UnavailableDetail[];
}

interface PoolServer {
  usable: UsableResource;
  /** how many bookings its free units could take */
  count: number;
}

/**
 * Best fit (§5): smallest sufficient capacity (null = unlimited = largest),
 * then fewest reservations that local day, then name, then id.
 * Keys are computed once per item (this runs for every candidate).
 */
function sortBestFit<T>(
  ctx: EngineContext,
  start: Instant,
  items: T[],
  usableOf: (t: T) => UsableResource,
): T[] {
  if (items.length < 2) return items;
  let day: DayNumber | undefined;
  let dayZone: string | undefined;
  const keyed = items.map((item) => {
    const { resource, rank } = usableOf(item);
    if (dayZone !== resource.timezone) {
      dayZone = resource.timezone;
      day = instantToLocalDay(start, dayZone);
    }
    const count = ctx.occupancy.reservationsOnDay(resource.id, dayZone, day!);
    return { item, capacity: resource.capacity ?? Infinity, count, rank };
  });
  // rank already orders by capacity, name, id; capacity stays first.
  keyed.sort((a, b) => a.capacity - b.capacity || a.count - b.count || a.rank - b.rank);
  return keyed.map((k) => k.item);
}

export function evaluateStart(ctx: EngineContext, start: Instant, explain: boolean): Evaluation {
  const { service, partySize: party, occupancy } = ctx;
  const end = start + ctx.durationMs;
  const occupied = occupiedInterval(service, start);
  const reasons: UnavailableDetail[] = [];
  const infeasible: Evaluation = {
    feasible: false,
    remaining: 0,
    resourceIds: [],
    allocation: null,
    reasons,
  };

  const isOpen = (u: UsableResource) => containsInterval(u.openTime.open, start, end);
  const explainHours = (u: UsableResource) => {
    if (!explain) return;
    const blocked = overlapsAny(u.openTime.blocked, start, end);
    reasons.push({
      reason: blocked ? 'blocked' : 'outside_hours',
      resource_id: u.resource.id,
      message: blocked
        ? `${u.resource.name} is blocked at that time.`
        : `${u.resource.name} is not open for the whole of that time.`,
    });
  };
  const explainBusy = (u: UsableResource) => {
    if (!explain) return;
    reasons.push({
      reason: 'resource_busy',
      resource_id: u.resource.id,
      message:
        u.link.quantity > 1
          ? `${u.resource.name} does not have ${u.link.quantity} free units at that time.`
          : `${u.resource.name} is already booked at that time.`,
    });
  };
  /** How many bookings the free units allow, or 0 after explaining why not. */
  const freeCount = (u: UsableResource): number => {
    if (!isOpen(u)) {
      explainHours(u);
      return 0;
    }
    const free = occupancy.countFree(
      u.resource.id,
      u.resource.quantity,
      occupied.start,
      occupied.end,
    );
    const count = Math.floor(free / u.link.quantity);
    if (count === 0) explainBusy(u);
    return count;
  };
  /** The lowest-numbered free units; only computed for what is actually allocated. */
  const unitsOf = (u: UsableResource): UnitAllocation[] =>
    occupancy
      .freeUnits(u.resource.id, u.resource.quantity, occupied.start, occupied.end, u.link.quantity)
      .map((unit) => ({ resource_id: u.resource.id, unit }));

  let requiredCount = Infinity;
  let requiredSeatCap = Infinity;
  for (const u of ctx.required) {
    if (u.resource.capacity !== null)
      requiredSeatCap = Math.min(requiredSeatCap, u.resource.capacity);
    requiredCount = Math.min(requiredCount, freeCount(u));
  }

  const servers: PoolServer[] = [];
  let tooSmall = 0;
  for (const u of ctx.pool) {
    if (u.resource.capacity !== null && u.resource.capacity < party) {
      tooSmall++;
      continue;
    }
    const count = freeCount(u);
    if (count > 0) servers.push({ usable: u, count });
  }
  if (explain && ctx.hasPool && tooSmall > 0 && tooSmall === ctx.pool.length) {
    reasons.push({
      reason: 'party_size_capacity',
      message: `No resource this service can use holds a party of ${party}.`,
    });
  }
  const bestFirst = <T>(items: T[], usableOf: (t: T) => UsableResource) =>
    sortBestFit(ctx, start, items, usableOf);
  const requiredIds = ctx.required.map((u) => u.resource.id);

  if (service.capacity === null) {
    const remaining = ctx.hasPool
      ? Math.min(
          requiredCount,
          servers.reduce((n, s) => n + s.count, 0),
        )
      : requiredCount;
    if (!(remaining >= 1)) return infeasible;
    const ordered = bestFirst(servers, (s) => s.usable);
    const best = ordered[0];
    return {
      feasible: true,
      remaining,
      resourceIds: [...requiredIds, ...ordered.map((s) => s.usable.resource.id)],
      allocation: explain
        ? {
            kind: 'new',
            units: [...ctx.required.flatMap(unitsOf), ...(best ? unitsOf(best.usable) : [])],
            seat_limit: null,
          }
        : null,
      reasons,
    };
  }

  return evaluateGroup(ctx, start, end, {
    requiredCount,
    requiredSeatCap,
    requiredIds,
    unitsOf,
    servers,
    bestFirst,
    reasons,
    explain,
  });
}

interface GroupInputs {
  requiredCount: number;
  requiredSeatCap: number;
  requiredIds: string[];
  unitsOf: (u: UsableResource) => UnitAllocation[];
  servers: PoolServer[];
  bestFirst: <T>(items: T[], usableOf: (t: T) => UsableResource) => T[];
  reasons: UnavailableDetail[];
  explain: boolean;
}

/** §8.5 group services: join an open occurrence before opening a new one. */
function evaluateGroup(
  ctx: EngineContext,
  start: Instant,
  end: Instant,
  g: GroupInputs,
): Evaluation {
  const seats = ctx.service.capacity!;
  const party = ctx.partySize;
  const poolIds = new Set(ctx.pool.map((u) => u.resource.id));

  // An occurrence can take more guests only while all of its resources are
  // still usable and open, its allocation covers what a new member occupies under the
  // service's current duration and buffers, and it honours the pool filter.
  const occupied = occupiedInterval(ctx.service, start);
  const limitInForce = new Map<string, number>();
  const open = ctx.occupancy.occurrencesAt(start).filter((o: Occurrence) => {
    if (o.occupied.start > occupied.start || o.occupied.end < occupied.end) return false;
    let limit = o.seatLimit;
    for (const { resource_id } of o.units) {
      const u = ctx.usableById.get(resource_id);
      if (!u || !containsInterval(u.openTime.open, start, end)) return false;
      if (u.resource.capacity !== null) limit = Math.min(limit, u.resource.capacity);
    }
    limitInForce.set(o.id, limit);
    return !ctx.hasPool || o.units.some((x) => poolIds.has(x.resource_id));
  });
  // The seats the capacity in force leaves (a room made smaller counts too).
  const seatsLeft = (o: Occurrence) => limitInForce.get(o.id)! - o.seatsTaken;
  const joinable = open
    .filter((o) => seatsLeft(o) >= party)
    .sort((a, b) => seatsLeft(a) - seatsLeft(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const baseLimit = Math.min(seats, g.requiredSeatCap);
  const limitOf = (s: PoolServer) => Math.min(baseLimit, s.usable.resource.capacity ?? Infinity);
  const openers = g.bestFirst(
    g.requiredCount >= 1 ? g.servers.filter((s) => limitOf(s) >= party) : [],
    (s) => s.usable,
  );

  let newSeats = 0;
  let canOpen: boolean;
  if (ctx.hasPool) {
    canOpen = openers.length > 0;
    let left = g.requiredCount;
    for (const s of openers) {
      const take = Math.min(s.count, left);
      newSeats += take * limitOf(s);
      left -= take;
      if (left <= 0) break;
    }
  } else {
    canOpen = g.requiredCount >= 1 && baseLimit >= party;
    if (canOpen) newSeats = g.requiredCount * baseLimit;
  }

  if (joinable.length === 0 && !canOpen) {
    if (g.explain) {
      if (open.length > 0) {
        g.reasons.unshift({
          reason: 'capacity_full',
          message: `Not enough seats left at that time for a party of ${party}, and no new session can open.`,
        });
      }
      if (baseLimit < party) {
        g.reasons.push({
          reason: 'party_size_capacity',
          message: `A party of ${party} does not fit: a session holds at most ${baseLimit}.`,
        });
      }
    }
    return { feasible: false, remaining: 0, resourceIds: [], allocation: null, reasons: g.reasons };
  }

  const serving = new Set(openers.map((s) => s.usable.resource.id));
  for (const o of joinable)
    for (const x of o.units) if (poolIds.has(x.resource_id)) serving.add(x.resource_id);
  const poolOrder = g.bestFirst(
    ctx.pool.filter((u) => serving.has(u.resource.id)),
    (u) => u,
  );
  const best = openers[0];
  const first = joinable[0];
  const allocation: Allocation = first
    ? { kind: 'join', occurrence_id: first.id, units: first.units }
    : {
        kind: 'new',
        units: [...ctx.required.flatMap(g.unitsOf), ...(best ? g.unitsOf(best.usable) : [])],
        seat_limit: best ? limitOf(best) : baseLimit,
      };
  return {
    feasible: true,
    remaining: open.reduce((n, o) => n + Math.max(0, seatsLeft(o)), 0) + newSeats,
    resourceIds: [...g.requiredIds, ...poolOrder.map((u) => u.resource.id)],
    allocation,
    reasons: g.reasons,
  };
}
