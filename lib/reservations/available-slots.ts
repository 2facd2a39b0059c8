import type { z } from 'zod';
import type { Ctx } from '@/lib/http/context';
import { fieldError, validationError } from '@/lib/http/errors';
import { zodToAppError } from '@/lib/http/responses';
import { findAvailableSlots, loadRange, toDayNumber, type Slot } from '@/lib/slots';
import { loadRangeData, loadService, loadServiceSchedule } from './load-schedule';
import { MAX_SLOT_RANGE_DAYS, SlotQuerySchema, type SlotQuery } from './schemas';
import { checkPartySize, toRules } from './service-rules';

/** §8: GET /api/reservation-available-slots. */

export interface SlotsResponse {
  service_id: string;
  date: string;
  end_date: string;
  timezone: string;
  slots: {
    start_datetime: string;
    end_datetime: string;
    remaining_capacity: number;
    resource_ids: string[];
  }[];
}

export function parseSlotQuery(
  query: Record<string, unknown>,
  maxDays = MAX_SLOT_RANGE_DAYS,
  schema: z.ZodType<SlotQuery, unknown> = SlotQuerySchema,
): SlotQuery {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw zodToAppError(parsed.error, 'The slot query is invalid.');
  const q = parsed.data;
  if (q.end_date !== undefined) {
    if (q.end_date < q.date) throw fieldError('end_date', 'end_date must not be before date.');
    if (toDayNumber(q.end_date) - toDayNumber(q.date) > maxDays) {
      throw fieldError('end_date', `end_date may be at most ${maxDays} days after date.`);
    }
  }
  return q;
}

/** Runs the engine for a parsed query; shared by the staff API, the public page and the AI tools. */
export async function computeSlots(
  ctx: Pick<Ctx, 'db' | 'organization' | 'now'>,
  q: SlotQuery,
): Promise<{ response: SlotsResponse; slots: Slot[] }> {
  const [service, schedule] = await Promise.all([
    loadService(ctx.db, ctx.organization.id, q.service_id),
    loadServiceSchedule(ctx.db, { organization_id: ctx.organization.id, id: q.service_id }),
  ]);
  if (!service) throw fieldError('service_id', 'This service does not exist in your organization.');
  const partySize = q.party_size ?? service.min_party_size;
  checkPartySize(service, partySize);
  if (q.resource_id && !schedule.resources.some((r) => r.id === q.resource_id)) {
    throw validationError('The resource is not linked to this service.', [
      { path: 'resource_id', message: 'Not linked to the service.' },
    ]);
  }
  const timezone = q.timezone ?? ctx.organization.timezone;
  const endDate = q.end_date ?? q.date;
  const rules = toRules(service);
  const range = loadRange({
    service: rules,
    date: q.date,
    end_date: endDate,
    timezone,
    resourceTimezones: schedule.resources.map((r) => r.timezone),
  });
  const occupancy = await loadRangeData(ctx.db, schedule, range, ctx.now);
  const slots = findAvailableSlots({
    service: rules,
    links: schedule.links,
    resources: schedule.resources,
    occupancy,
    now: ctx.now.getTime(),
    date: q.date,
    end_date: endDate,
    timezone,
    party_size: partySize,
    resource_id: q.resource_id,
    preferred_resource_id: q.preferred_resource_id,
  });
  return {
    slots,
    response: {
      service_id: service.id,
      date: q.date,
      end_date: endDate,
      timezone,
      slots: slots.map((s) => ({
        start_datetime: new Date(s.start).toISOString(),
        end_datetime: new Date(s.end).toISOString(),
        remaining_capacity: s.remaining_capacity,
        resource_ids: s.resource_ids,
      })),
    },
  };
}

export async function getAvailableSlots(
  ctx: Ctx,
  query: Record<string, unknown>,
): Promise<SlotsResponse> {
  return (await computeSlots(ctx, parseSlotQuery(query))).response;
}
