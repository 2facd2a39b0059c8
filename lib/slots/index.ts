/**
 * The slot engine (§8, §18): a pure function of service rules, links,
 * resource schedules, existing occupancy and `now`. It decides which starts
 * are listed and whether one start can be booked (and on which units) —
 * both through the same feasibility path. No database, clock or env here;
 * the loader reads what `loadRange` asks for and passes it in.
 */
export { checkCandidate, findAvailableSlots, loadRange, loadRangeForCandidate } from './engine';
export { summarizeDays, type DaySummary } from './days';
export { occupiedInterval } from './occupancy';
export {
  addDays,
  clampInstant,
  dayOfWeek,
  instantToLocalDate,
  isValidTimeZone,
  localToInstant,
  toDayNumber,
} from './zoned-time';
export type * from './types';
