import { OccupancyIndex } from './occupancy';
import { type OpenTime, resourceOpenTime } from './open-time';
import type {
  CandidateInput,
  Instant,
  Interval,
  ResourceSchedule,
  ServiceLink,
  ServiceRules,
  UnavailableDetail,
} from './types';
import { type DayNumber, MINUTE, instantToLocalDay } from './zoned-time';

export interface UsableResource {
  resource: ResourceSchedule;
  link: ServiceLink;
  openTime: OpenTime;
  /** position in (capacity, name, id) order: the static part of best fit */
  rank: number;
}

/** Everything a feasibility check needs, computed once per query or candidate. */
export interface EngineContext {
  service: ServiceRules;
  partySize: number;
  durationMs: number;
  intervalMs: number;
  /** required links, by name then id */
  required: UsableResource[];
  /** active pool members the booking may use, after resource_id / preferred_resource_id */
  pool: UsableResource[];
  hasPool: boolean;
  /** windows of every usable linked resource: the grid does not depend on the filters */
  gridWindows: Interval[][];
  usableById: Map<string, UsableResource>;
  occupancy: OccupancyIndex;
  /** reasons nothing at all can be booked (inactive service, no links, …) */
  problems: UnavailableDetail[];
}

export type EngineInput = Omit<CandidateInput, 'start'>;

/** Margins of resource-local dates around an instant range: a window may have opened up to ~2 days before a start, and a booking may end a day after it. */
const DAYS_BEFORE = 4;
const DAYS_AFTER = 2;

export function resourceDayRange(
  from: Instant,
  to: Instant,
  timeZone: string,
): [DayNumber, DayNumber] {
  return [
    instantToLocalDay(from, timeZone) - DAYS_BEFORE,
    instantToLocalDay(to, timeZone) + DAYS_AFTER,
  ];
}

const byNameThenId = (a: ResourceSchedule, b: ResourceSchedule) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Builds the context for starts in [from, to]. */
export function buildContext(input: EngineInput, from: Instant, to: Instant): EngineContext {
  const { service, links, resources } = input;
  const problems: UnavailableDetail[] = [];
  const byId = new Map(resources.map((r) => [r.id, r]));
  const linkById = new Map(links.map((l) => [l.resource_id, l]));

  if (!service.is_active)
    problems.push({ reason: 'inactive', message: 'This service is not active.' });
  if (links.length === 0) {
    problems.push({ reason: 'inactive', message: 'This service has no resources linked to it.' });
  }

  const requiredLinks = links.filter((l) => l.is_required);
  const poolLinks = links.filter((l) => !l.is_required);
  for (const link of requiredLinks) {
    const r = byId.get(link.resource_id);
    if (!r || !r.is_active) {
      problems.push({
        reason: 'inactive',
        resource_id: link.resource_id,
        message: `The required resource ${r ? r.name : link.resource_id} is not active.`,
      });
    }
  }
  const activePool = poolLinks.filter((l) => byId.get(l.resource_id)?.is_active);
  if (poolLinks.length > 0 && activePool.length === 0) {
    problems.push({
      reason: 'inactive',
      message: 'None of the resources this service can use is active.',
    });
  }

  let poolRestriction: string | null = null;
  for (const [field, id] of [
    ['resource_id', input.resource_id],
    ['preferred_resource_id', input.preferred_resource_id],
  ] as const) {
    if (id === undefined) continue;
    const link = linkById.get(id);
    const r = byId.get(id);
    if (!link) {
      problems.push({
        reason: 'inactive',
        resource_id: id,
        message: `The resource in ${field} is not linked to this service.`,
      });
    } else if (!link.is_required) {
      if (!r || !r.is_active) {
        problems.push({
          reason: 'inactive',
          resource_id: id,
          message: `${r ? r.name : id} is not active.`,
        });
      } else if (poolRestriction !== null && poolRestriction !== id) {
        problems.push({
          reason: 'inactive',
          resource_id: id,
          message: 'resource_id and preferred_resource_id name different resources.',
        });
      }
      poolRestriction = id;
    }
  }

  const durationMs = service.duration_minutes * MINUTE;
  const intervalMs = (service.slot_interval_minutes ?? service.duration_minutes) * MINUTE;
  const ctx: EngineContext = {
    service,
    partySize: input.party_size,
    durationMs,
    intervalMs,
    required: [],
    pool: [],
    hasPool: poolLinks.length > 0,
    gridWindows: [],
    usableById: new Map(),
    occupancy: new OccupancyIndex(problems.length > 0 ? [] : input.occupancy, {
      service,
      ignoreOwnerIds: input.ignoreOwnerIds,
      ignoreSeats: input.ignoreSeats,
    }),
    problems,
  };
  if (problems.length > 0 || !(intervalMs > 0) || !(durationMs > 0)) return ctx;

  const usable = (link: ServiceLink): UsableResource => {
    const resource = byId.get(link.resource_id)!;
    const [fromDay, toDay] = resourceDayRange(from, to, resource.timezone);
    const u = { resource, link, openTime: resourceOpenTime(resource, fromDay, toDay), rank: 0 };
    ctx.usableById.set(resource.id, u);
    ctx.gridWindows.push(u.openTime.windows);
    return u;
  };
  ctx.required = requiredLinks.map(usable).sort((a, b) => byNameThenId(a.resource, b.resource));
  const pool = activePool.map(usable);
  [...ctx.required, ...pool]
    .sort(
      (a, b) =>
        (a.resource.capacity ?? Infinity) - (b.resource.capacity ?? Infinity) ||
        byNameThenId(a.resource, b.resource),
    )
    .forEach((u, i) => (u.rank = i));
  ctx.pool =
    poolRestriction === null ? pool : pool.filter((u) => u.resource.id === poolRestriction);
  return ctx;
}
