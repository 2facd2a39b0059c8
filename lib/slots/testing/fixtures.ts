import type {
  OccupancyEntry,
  ResourceSchedule,
  ServiceLink,
  ServiceRules,
  Slot,
  SlotQueryInput,
  WeeklyHours,
} from '../types';

export const at = (iso: string) => Date.parse(iso);
/** Compact ISO for assertions: 2027-03-01T09:00Z */
export const iso = (ms: number) => new Date(ms).toISOString().replace(':00.000Z', 'Z');

export const service = (o: Partial<ServiceRules> = {}): ServiceRules => ({
  id: 'svc',
  is_active: true,
  duration_minutes: 60,
  slot_interval_minutes: null,
  buffer_before_minutes: 0,
  buffer_after_minutes: 0,
  min_notice_minutes: 0,
  max_advance_days: 365,
  capacity: null,
  min_party_size: 1,
  max_party_size: 10,
  ...o,
});

export const everyDay = (start_time: string, end_time: string): WeeklyHours[] =>
  [0, 1, 2, 3, 4, 5, 6].map((day_of_week) => ({ day_of_week, start_time, end_time }));

export const resource = (id: string, o: Partial<ResourceSchedule> = {}): ResourceSchedule => ({
  id,
  name: id,
  is_active: true,
  quantity: 1,
  capacity: null,
  timezone: 'UTC',
  weekly_hours: everyDay('09:00', '12:00'),
  exceptions: [],
  ...o,
});

export const pool = (id: string, quantity = 1): ServiceLink => ({
  resource_id: id,
  is_required: false,
  quantity,
});
export const required = (id: string, quantity = 1): ServiceLink => ({
  resource_id: id,
  is_required: true,
  quantity,
});

/** An existing booking of another service (or of this one, with kind/slot fields overridden). */
export const busy = (
  resource_id: string,
  from: string,
  to: string,
  o: Partial<OccupancyEntry> = {},
): OccupancyEntry => ({
  owner_id: `res-${resource_id}-${from}`,
  owner_kind: 'reservation',
  service_id: 'other',
  slot_start: at(from),
  resource_id,
  unit: 1,
  start: at(from),
  end: at(to),
  ...o,
});

export const query = (o: Partial<SlotQueryInput> = {}): SlotQueryInput => ({
  service: service(),
  links: [pool('a')],
  resources: [resource('a')],
  occupancy: [],
  now: at('2027-01-01T00:00:00Z'),
  date: '2027-03-01',
  end_date: '2027-03-01',
  timezone: 'UTC',
  party_size: 1,
  ...o,
});

export const starts = (slots: Slot[]) => slots.map((s) => iso(s.start));
export const compact = (slots: Slot[]) =>
  slots.map((s) => ({
    start: iso(s.start),
    end: iso(s.end),
    remaining: s.remaining_capacity,
    ids: s.resource_ids,
  }));
