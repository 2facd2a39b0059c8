import type { Instant, Interval, OccupancyEntry, ServiceRules, UnitAllocation } from './types';
import { type DayNumber, MINUTE, instantToLocalDay } from './zoned-time';

/** §8.3: what a booking at `start` occupies on each allocated unit. */
export function occupiedInterval(service: ServiceRules, start: Instant): Interval {
  return {
    start: start - service.buffer_before_minutes * MINUTE,
    end: start + (service.duration_minutes + service.buffer_after_minutes) * MINUTE,
  };
}

/** A group occurrence of the queried service. */
export interface Occurrence {
  id: string;
  slotStart: Instant;
  seatsTaken: number;
  /** the stored limit, never above the service's capacity in force */
  seatLimit: number;
  units: UnitAllocation[];
  /** what its allocation occupies (buffers included): a member must fit inside it */
  occupied: Interval;
}

interface UnitTimeline {
  starts: Instant[];
  ends: Instant[];
  /** running max of ends, so one binary search answers "does anything overlap?" */
  maxEnd: Instant[];
}

export interface OccupancyOptions {
  service: ServiceRules;
  ignoreOwnerIds?: string[];
  ignoreSeats?: { occurrence_id: string; seats: number };
}

const unitKey = (resourceId: string, unit: number) => `${resourceId}\u0000${unit}`;

export class OccupancyIndex {
  /** per resource, indexed by unit number */
  private readonly timelines = new Map<string, (UnitTimeline | undefined)[]>();
  private readonly occurrencesByStart = new Map<Instant, Occurrence[]>();
  /** owners (reservations, occurrences) per resource, by slot_start — for "fewest that day" */
  private readonly ownersByResource = new Map<string, { slotStart: Instant; ownerId: string }[]>();
  private readonly dayCounts = new Map<string, Map<DayNumber, number>>();

  constructor(
    entries: OccupancyEntry[],
    { service, ignoreOwnerIds, ignoreSeats }: OccupancyOptions,
  ) {
    const ignored = new Set(ignoreOwnerIds ?? []);
    if (ignoreSeats) {
      const own = entries.find((e) => e.owner_id === ignoreSeats.occurrence_id);
      // An occurrence left without seats is gone: its units are free for the mover.
      if (own && (own.seats_taken ?? 0) - ignoreSeats.seats <= 0)
        ignored.add(ignoreSeats.occurrence_id);
    }

    const raw = new Map<
      string,
      { resourceId: string; unit: number; list: { start: Instant; end: Instant }[] }
    >();
    const occurrences = new Map<string, Occurrence>();
    const seenOwner = new Map<string, Set<string>>();
    for (const e of entries) {
      if (ignored.has(e.owner_id) || e.end <= e.start) continue;
      const key = unitKey(e.resource_id, e.unit);
      let bucket = raw.get(key);
      if (!bucket) raw.set(key, (bucket = { resourceId: e.resource_id, unit: e.unit, list: [] }));
      bucket.list.push({ start: e.start, end: e.end });

      if (e.owner_kind !== 'hold') {
        let owners = seenOwner.get(e.resource_id);
        if (!owners) seenOwner.set(e.resource_id, (owners = new Set()));
        if (!owners.has(e.owner_id)) {
          owners.add(e.owner_id);
          let list2 = this.ownersByResource.get(e.resource_id);
          if (!list2) this.ownersByResource.set(e.resource_id, (list2 = []));
          list2.push({ slotStart: e.slot_start, ownerId: e.owner_id });
        }
      }

      if (e.owner_kind === 'occurrence' && e.service_id === service.id) {
        let occ = occurrences.get(e.owner_id);
        if (!occ) {
          let seatsTaken = e.seats_taken ?? 0;
          if (ignoreSeats?.occurrence_id === e.owner_id) seatsTaken -= ignoreSeats.seats;
          occ = {
            id: e.owner_id,
            slotStart: e.slot_start,
            seatsTaken,
            // §8.5: lowering a service's capacity stops further joins, it never evicts.
            seatLimit: Math.min(
              e.seat_limit ?? service.capacity ?? 0,
              service.capacity ?? Number.POSITIVE_INFINITY,
            ),
            units: [],
            occupied: { start: e.start, end: e.end },
          };
          occurrences.set(e.owner_id, occ);
        }
        occ.units.push({ resource_id: e.resource_id, unit: e.unit });
        // All of an occurrence's rows share one range; the intersection is what every unit covers.
        occ.occupied = {
          start: Math.max(occ.occupied.start, e.start),
          end: Math.min(occ.occupied.end, e.end),
        };
      }
    }

    for (const { resourceId, unit, list } of raw.values()) {
      list.sort((a, b) => a.start - b.start);
      const maxEnd: Instant[] = [];
      let m = -Infinity;
      for (const x of list) maxEnd.push((m = Math.max(m, x.end)));
      let perUnit = this.timelines.get(resourceId);
      if (!perUnit) this.timelines.set(resourceId, (perUnit = []));
      perUnit[unit] = { starts: list.map((x) => x.start), ends: list.map((x) => x.end), maxEnd };
    }
    for (const occ of occurrences.values()) {
      occ.units.sort(compareUnits);
      const list = this.occurrencesByStart.get(occ.slotStart);
      if (list) list.push(occ);
      else this.occurrencesByStart.set(occ.slotStart, [occ]);
    }
  }

  /** Whether nothing occupies [start, end) on this unit. */
  isFree(resourceId: string, unit: number, start: Instant, end: Instant): boolean {
    const t = this.timelines.get(resourceId)?.[unit];
    if (!t) return true;
    let lo = 0;
    let hi = t.starts.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (t.starts[mid]! < end) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last < 0 || t.maxEnd[last]! <= start;
  }

  /** How many of units 1…quantity are free. */
  countFree(resourceId: string, quantity: number, start: Instant, end: Instant): number {
    const perUnit = this.timelines.get(resourceId);
    if (!perUnit) return quantity;
    let n = 0;
    for (let unit = 1; unit <= quantity; unit++) if (this.isFree(resourceId, unit, start, end)) n++;
    return n;
  }

  /** Free unit numbers (ascending) among 1…quantity. */
  freeUnits(resourceId: string, quantity: number, start: Instant, end: Instant): number[] {
    const free: number[] = [];
    if (!this.timelines.has(resourceId)) {
      for (let unit = 1; unit <= quantity; unit++) free.push(unit);
      return free;
    }
    for (let unit = 1; unit <= quantity; unit++) {
      if (this.isFree(resourceId, unit, start, end)) free.push(unit);
    }
    return free;
  }

  occurrencesAt(start: Instant): Occurrence[] {
    return this.occurrencesByStart.get(start) ?? [];
  }

  /** Distinct reservations and occurrences on the resource whose slot starts on `day` (resource-local). */
  reservationsOnDay(resourceId: string, timeZone: string, day: DayNumber): number {
    let counts = this.dayCounts.get(resourceId);
    if (!counts) {
      counts = new Map();
      for (const { slotStart } of this.ownersByResource.get(resourceId) ?? []) {
        const d = instantToLocalDay(slotStart, timeZone);
        counts.set(d, (counts.get(d) ?? 0) + 1);
      }
      this.dayCounts.set(resourceId, counts);
    }
    return counts.get(day) ?? 0;
  }
}

export function compareUnits(a: UnitAllocation, b: UnitAllocation): number {
  return a.resource_id < b.resource_id ? -1 : a.resource_id > b.resource_id ? 1 : a.unit - b.unit;
}
