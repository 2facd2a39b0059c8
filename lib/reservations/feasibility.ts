import type { Service } from '@/db/schema';
import { allSettled } from '@/db/settle';
import type { Db } from '@/db/types';
import { AppError } from '@/lib/http/errors';
import { checkCandidate, loadRangeForCandidate, type Allocation } from '@/lib/slots';
import { lockServiceResources, sweepExpiredHolds } from './allocation-store';
import { loadRangeData, loadServiceSchedule, type ServiceSchedule } from './load-schedule';
import { toRules } from './service-rules';

export interface CandidateRequest {
  service: Service;
  start: number;
  partySize: number;
  preferredResourceId: string | null;
  now: Date;
  /** A reservation being moved or reopened: its own occupancy does not count against it. */
  ignore?: { reservationId: string; occurrenceId: string | null; seats: number };
}

/**
 * Locks the service's resources, sweeps expired holds and reads the schedule, together (one
 * round trip). Only needs the service's id, so callers can start it before they have loaded
 * the service.
 */
export async function loadScheduleLocked(
  tx: Db,
  service: { organization_id: string; id: string },
  now: Date,
): Promise<ServiceSchedule> {
  const [schedule] = await allSettled([
    loadServiceSchedule(tx, service),
    lockServiceResources(tx, service),
    sweepExpiredHolds(tx, service.organization_id, now),
  ]);
  return schedule;
}

/**
 * The booking path's check, inside the caller's transaction: lock the service's resources
 * (fixed order), re-read their occupancy, ask the same engine that lists slots. Throws 409
 * `slot_unavailable` with the engine's reasons (§18) when the start cannot be booked.
 */
export async function allocateOrThrow(
  tx: Db,
  req: CandidateRequest,
  locked?: ServiceSchedule,
): Promise<Allocation> {
  const schedule = locked ?? (await loadScheduleLocked(tx, req.service, req.now));
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
