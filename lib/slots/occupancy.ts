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

/**
 * Everything occupying one resource's units, sorted by start. Units are identical, so the
 * engine never asks about a unit by number, only how many are busy over an interval: the
 * entries that can overlap it are those starting in (start − longest, end), found by binary
 * search — the cost follows the bookings near the interval, not the resource's quantity.
 */
interface ResourceTimeline {
  starts: Float64Array;
  ends: Float64Array;
  units: Int32Array;
  /** the longest entry, which bounds how far before an interval an overlapping one starts */
  longest: number;
}

/** First index whose value is ≥ x (or > x with `strict`) in a sorted array. */
function lowerBound(sorted: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? sorted[mid]! <= x : sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface OccupancyOptions {
  service: ServiceRules;
  ignoreOwnerIds?: string[];
  ignoreSeats?: { occurrence_id: string; seats: number };
}

export class OccupancyIndex {
  private readonly timelines = new Map<string, ResourceTimeline>();
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

    const raw = new Map<string, { start: Instant; end: Instant; unit: number }[]>();
    const occurrences = new Map<string, Occurrence>();
    const seenOwner = new Map<string, Set<string>>();
    for (const e of entries) {
      if (ignored.has(e.owner_id) || e.end <= e.start) continue;
      let bucket = raw.get(e.resource_id);
      if (!bucket) raw.set(e.resource_id, (bucket = []));
      bucket.push({ start: e.start, end: e.end, unit: e.unit });

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

    for (const [resourceId, list] of raw) {
      list.sort((a, b) => a.start - b.start);
      this.timelines.set(resourceId, {
        starts: Float64Array.from(list, (x) => x.start),
        ends: Float64Array.from(list, (x) => x.end),
        units: Int32Array.from(list, (x) => x.unit),
        longest: list.reduce((m, x) => Math.max(m, x.end - x.start), 0),
      });
    }
    for (const occ of occurrences.values()) {
      occ.units.sort(compareUnits);
      const list = this.occurrencesByStart.get(occ.slotStart);
      if (list) list.push(occ);
      else this.occurrencesByStart.set(occ.slotStart, [occ]);
    }
  }

  /** The unit numbers among 1…quantity that something occupies during [start, end). */
  private busyUnits(
    resourceId: string,
    quantity: number,
    start: Instant,
    end: Instant,
  ): Set<number> {
    const busy = new Set<number>();
    const t = this.timelines.get(resourceId);
    if (!t) return busy;
    // An entry overlapping [start, end) starts before `end` and after `start − longest`.
    const last = lowerBound(t.starts, end, false);
    for (let i = lowerBound(t.starts, start - t.longest, true); i < last; i++) {
      const unit = t.units[i]!;
      if (t.ends[i]! > start && unit >= 1 && unit <= quantity) busy.add(unit);
    }
    return busy;
  }

  /** How many of units 1…quantity are free: quantity less the busy ones. */
  countFree(resourceId: string, quantity: number, start: Instant, end: Instant): number {
    return quantity - this.busyUnits(resourceId, quantity, start, end).size;
  }

  /** The lowest `needed` free unit numbers (ascending) among 1…quantity; fewer if not enough. */
  freeUnits(
    resourceId: string,
    quantity: number,
    start: Instant,
    end: Instant,
    needed = quantity,
  ): number[] {
    const busy = this.busyUnits(resourceId, quantity, start, end);
    const free: number[] = [];
    for (let unit = 1; unit <= quantity && free.length < needed; unit++) {
      if (!busy.has(unit)) free.push(unit);
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
