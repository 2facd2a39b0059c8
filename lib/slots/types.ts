/** Epoch milliseconds. The engine works in instants; callers format ISO strings. */
export type Instant = number;

/** Half-open interval [start, end) of instants. */
export interface Interval {
  start: Instant;
  end: Instant;
}

export interface ServiceRules {
  id: string;
  is_active: boolean;
  duration_minutes: number;
  /** null = duration_minutes */
  slot_interval_minutes: number | null;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  min_notice_minutes: number;
  max_advance_days: number;
  /** null = private service; N = group service with N seats per occurrence */
  capacity: number | null;
  min_party_size: number;
  max_party_size: number;
}

export interface WeeklyHours {
  /** 0 = Sunday … 6 */
  day_of_week: number;
  /** HH:mm */
  start_time: string;
  /** HH:mm, 24:00 allowed */
  end_time: string;
}

export interface ResourceException {
  date: string;
  /** inclusive; null = date */
  end_date: string | null;
  kind: 'blocked' | 'special_hours';
  /** both null on a blocked row = the whole date */
  start_time: string | null;
  end_time: string | null;
}

export interface ResourceSchedule {
  id: string;
  name: string;
  is_active: boolean;
  /** identical units, numbered 1…quantity */
  quantity: number;
  /** guests one unit holds; null = no limit */
  capacity: number | null;
  timezone: string;
  weekly_hours: WeeklyHours[];
  exceptions: ResourceException[];
}

export interface ServiceLink {
  resource_id: string;
  is_required: boolean;
  quantity: number;
}

export type OccupancyOwnerKind = 'reservation' | 'occurrence' | 'hold';

/** One per (owner, resource, unit). Only entries that hold something are passed in. */
export interface OccupancyEntry {
  owner_id: string;
  owner_kind: OccupancyOwnerKind;
  service_id: string;
  slot_start: Instant;
  resource_id: string;
  /** 1-based unit number */
  unit: number;
  /** occupied interval, buffers included */
  start: Instant;
  end: Instant;
  /** occurrences: sum of the party sizes of its live members */
  seats_taken?: number;
  /** occurrences: min(service capacity, capacity of each allocated resource that has one) */
  seat_limit?: number;
}

export interface SlotQueryInput {
  service: ServiceRules;
  links: ServiceLink[];
  resources: ResourceSchedule[];
  occupancy: OccupancyEntry[];
  now: Instant;
  /** first date, in `timezone` */
  date: string;
  /** last date (inclusive), in `timezone` */
  end_date: string;
  timezone: string;
  party_size: number;
  /** only slots this required or pool resource can serve */
  resource_id?: string;
  /** the pool resource to use */
  preferred_resource_id?: string;
}

export interface CandidateInput extends Omit<SlotQueryInput, 'date' | 'end_date' | 'timezone'> {
  start: Instant;
  /** occupancy owners to ignore (a reservation being rescheduled, a hold being consumed) */
  ignoreOwnerIds?: string[];
  /** a group reservation's own seats in its occurrence, ignored when it is rescheduled */
  ignoreSeats?: { occurrence_id: string; seats: number };
}

export interface Slot {
  start: Instant;
  end: Instant;
  remaining_capacity: number;
  /** required resources first, then every pool resource that could serve, best fit first */
  resource_ids: string[];
}

export interface UnitAllocation {
  resource_id: string;
  unit: number;
}

export type Allocation =
  /** a private booking, or a group booking opening a new occurrence (seat_limit set) */
  | { kind: 'new'; units: UnitAllocation[]; seat_limit: number | null }
  /** a group booking joining an open occurrence, which owns the units */
  | { kind: 'join'; occurrence_id: string; units: UnitAllocation[] };

export type UnavailableReason =
  | 'outside_hours'
  | 'blocked'
  | 'resource_busy'
  | 'capacity_full'
  | 'min_notice'
  | 'max_advance'
  | 'off_grid'
  | 'inactive'
  | 'party_size_capacity';

export interface UnavailableDetail {
  reason: UnavailableReason;
  resource_id?: string;
  message: string;
}

export type CandidateResult =
  | { ok: true; allocation: Allocation; remaining_capacity: number; resource_ids: string[] }
  | { ok: false; reasons: UnavailableDetail[] };

/** What the loader must read for a query or a single candidate. */
export interface LoadRange {
  /** read occupancy whose occupied interval overlaps [from, to) */
  occupancy: Interval;
  /** per resource timezone, the local dates (inclusive) whose exceptions the engine reads */
  exceptionDates: { timezone: string; from: string; to: string }[];
}
