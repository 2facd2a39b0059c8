import { evaluateStart } from './allocate';
import { candidateStarts, isCandidateStart } from './candidates';
import { type EngineContext, buildContext, resourceDayRange } from './context';
import type {
  CandidateInput,
  CandidateResult,
  Instant,
  LoadRange,
  ServiceRules,
  Slot,
  SlotQueryInput,
  UnavailableDetail,
} from './types';
import {
  DAY,
  MINUTE,
  clampInstant,
  fromDayNumber,
  localMinuteToInstant,
  toDayNumber,
} from './zoned-time';

/** The instants whose local date (in the query timezone) lies in [date, end_date]. */
function queryInstants(
  query: Pick<SlotQueryInput, 'date' | 'end_date' | 'timezone'>,
): [Instant, Instant] {
  return [
    localMinuteToInstant(toDayNumber(query.date), 0, query.timezone),
    localMinuteToInstant(toDayNumber(query.end_date) + 1, 0, query.timezone),
  ];
}

/** Starts allowed by min notice and max advance (§8.4), inclusive. */
function bookableWindow(service: ServiceRules, now: Instant): [Instant, Instant] {
  return [now + service.min_notice_minutes * MINUTE, now + service.max_advance_days * DAY];
}

/** §8: the feasible slots of a service over a range of dates. */
export function findAvailableSlots(input: SlotQueryInput): Slot[] {
  const [rangeStart, rangeEnd] = queryInstants(input);
  if (!(rangeEnd > rangeStart)) return [];
  const ctx = buildContext(input, rangeStart, rangeEnd);
  if (ctx.problems.length > 0 || ctx.gridWindows.length === 0) return [];
  const [earliest, latest] = bookableWindow(input.service, input.now);
  const starts = candidateStarts(
    ctx.gridWindows,
    ctx.intervalMs,
    ctx.durationMs,
    Math.max(rangeStart, earliest),
    Math.min(rangeEnd - 1, latest),
  );
  const slots: Slot[] = [];
  for (const start of starts) {
    const ev = evaluateStart(ctx, start, false);
    if (ev.feasible) {
      slots.push({
        start,
        end: start + ctx.durationMs,
        remaining_capacity: ev.remaining,
        resource_ids: ev.resourceIds,
      });
    }
  }
  return slots;
}

function timingReasons(ctx: EngineContext, input: CandidateInput): UnavailableDetail[] {
  const reasons: UnavailableDetail[] = [];
  const [earliest, latest] = bookableWindow(input.service, input.now);
  if (input.start < earliest) {
    reasons.push({
      reason: 'min_notice',
      message: `Bookings need at least ${input.service.min_notice_minutes} minutes' notice.`,
    });
  }
  if (input.start > latest) {
    reasons.push({
      reason: 'max_advance',
      message: `Bookings open at most ${input.service.max_advance_days} days in advance.`,
    });
  }
  if (!isCandidateStart(ctx.gridWindows, ctx.intervalMs, ctx.durationMs, input.start)) {
    reasons.push({
      reason: 'off_grid',
      message: 'That time is not one of the service’s start times.',
    });
  }
  return reasons;
}

/**
 * One candidate start, for create, reschedule and re-confirmation: the
 * allocation to write, or why not. Same feasibility path as findAvailableSlots.
 */
export function checkCandidate(input: CandidateInput): CandidateResult {
  const ctx = buildContext(input, input.start, input.start);
  if (ctx.problems.length > 0) return { ok: false, reasons: ctx.problems };
  const reasons = timingReasons(ctx, input);
  const ev = evaluateStart(ctx, input.start, true);
  if (ev.feasible && ev.allocation && reasons.length === 0) {
    return {
      ok: true,
      allocation: ev.allocation,
      remaining_capacity: ev.remaining,
      resource_ids: ev.resourceIds,
    };
  }
  if (!ev.feasible) reasons.push(...ev.reasons);
  if (reasons.length === 0) {
    reasons.push({
      reason: 'resource_busy',
      message: 'No resource can take this booking at that time.',
    });
  }
  return { ok: false, reasons };
}

function rangeFor(
  service: ServiceRules,
  from: Instant,
  to: Instant,
  timeZones: string[],
): LoadRange {
  // A day of margin on top of the buffers also covers "fewest reservations
  // that local day", which looks at whole resource-local dates.
  const margin = 2 * DAY;
  return {
    // Capped to the instants a YYYY-MM-DD calendar can hold (see LAST_INSTANT).
    occupancy: {
      start: clampInstant(from - service.buffer_before_minutes * MINUTE - margin),
      end: clampInstant(
        to + (service.duration_minutes + service.buffer_after_minutes) * MINUTE + margin,
      ),
    },
    exceptionDates: [...new Set(timeZones)].sort().map((timezone) => {
      const [fromDay, toDay] = resourceDayRange(from, to, timezone);
      return { timezone, from: fromDayNumber(fromDay), to: fromDayNumber(toDay) };
    }),
  };
}

/** What the loader must read for findAvailableSlots: occupancy instants and exception dates per resource timezone. */
export function loadRange(
  query: Pick<SlotQueryInput, 'service' | 'date' | 'end_date' | 'timezone'> & {
    resourceTimezones: string[];
  },
): LoadRange {
  const [from, to] = queryInstants(query);
  return rangeFor(query.service, from, to, query.resourceTimezones);
}

/** What the loader must read for checkCandidate. */
export function loadRangeForCandidate(
  query: Pick<CandidateInput, 'service' | 'start'> & { resourceTimezones: string[] },
): LoadRange {
  return rangeFor(query.service, query.start, query.start, query.resourceTimezones);
}
