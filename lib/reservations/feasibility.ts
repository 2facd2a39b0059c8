import type { Service } from '@/db/schema';
import { allSettled } from '@/db/settle';
import type { Db } from '@/db/types';
import { AppError } from '@/lib/http/errors';
import { checkCandidate, loadRangeForCandidate, type Allocation } from '@/lib/slots';
import { loadRangeData, loadServiceSchedule, type ServiceSchedule } from './load-schedule';
import { toRules } from './service-rules';
import { lockWriteScope, type WriteScope } from './write-lock';

export interface CandidateRequest {
  service: Service;
  start: number;
  partySize: number;
  preferredResourceId: string | null;
  now: Date;
  /** A reservation being moved or reopened: its own occupancy does not count against it. */
  ignore?: { reservationId: string; occurrenceId: string | null; seats: number };
}

export interface LockedBooking {
  /** The service booked, as locked (null: not in the organization). */
  service: Service | null;
  /** Every service the write locked, by id (a reschedule's old one too). */
  services: Map<string, Service>;
  schedule: ServiceSchedule;
}

/**
 * Steps 2–5 of the locking discipline (write-lock.ts) for a booking of `serviceId`: lock
 * the services and their resources, sweep expired holds, then read the service's schedule —
 * one round trip. `otherServiceIds` and `owner` widen the locks for a write that leaves
 * another service or allocation (a reschedule, a cancel).
 */
export function lockAndLoadSchedule(
  tx: Db,
  args: {
    organizationId: string;
    serviceId: string;
    otherServiceIds?: string[];
    owner?: WriteScope['owner'];
    now: Date;
  },
): Promise<LockedBooking> {
  const locks = lockWriteScope(tx, {
    organizationId: args.organizationId,
    serviceIds: [args.serviceId, ...(args.otherServiceIds ?? [])],
    owner: args.owner,
    sweepAt: args.now,
  });
  const schedule = loadServiceSchedule(tx, {
    organization_id: args.organizationId,
    id: args.serviceId,
  });
  return allSettled([locks, schedule]).then(([services, loaded]) => ({
    service: services.get(args.serviceId) ?? null,
    services,
    schedule: loaded,
  }));
}

/**
 * The booking path's check, inside the caller's transaction and under the locks of
 * `lockAndLoadSchedule`: re-read occupancy, ask the same engine that lists slots. Throws 409
 * `slot_unavailable` with the engine's reasons (§18) when the start cannot be booked.
 */
export async function allocateOrThrow(
  tx: Db,
  req: CandidateRequest,
  schedule: ServiceSchedule,
): Promise<Allocation> {
  const rules = toRules(req.service);
  const range = loadRangeForCandidate({
    service: rules,
    start: req.start,
    resourceTimezones: schedule.resources.map((r) => r.timezone),
  });
  const occupancy = await loadRangeData(tx, schedule, range, req.now);
  const result = checkCandidate({
    service: rules,
    links: schedule.links,
    resources: schedule.resources,
    occupancy,
    now: req.now.getTime(),
    party_size: req.partySize,
    preferred_resource_id: req.preferredResourceId ?? undefined,
    start: req.start,
    ignoreOwnerIds: req.ignore ? [req.ignore.reservationId] : undefined,
    ignoreSeats: req.ignore?.occurrenceId
      ? { occurrence_id: req.ignore.occurrenceId, seats: req.ignore.seats }
      : undefined,
  });
  if (!result.ok) {
    throw new AppError(
      'slot_unavailable',
      409,
      result.reasons[0]?.message ?? 'That time is not available.',
      result.reasons.map((r) => ({ ...r, path: 'start_datetime' })),
    );
  }
  return result.allocation;
}
