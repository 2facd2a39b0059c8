import type { Ctx } from '@/lib/http/context';
import { summarizeDays, type Slot } from '@/lib/slots';
import { computeSlots, parseSlotQuery } from './available-slots';
import { MAX_DAYS_RANGE_DAYS, SlotQuerySchema, type SlotQuery } from './schemas';
import type { z } from 'zod';

/** §16: GET /api/reservation-available-days — one engine pass, summarized per local date. */

export interface DaysResponse {
  service_id: string;
  date: string;
  end_date: string;
  timezone: string;
  days: { date: string; slot_count: number; first_start_datetime: string | null }[];
}

export function daysResponse(
  slotsResponse: { service_id: string; date: string; end_date: string; timezone: string },
  slots: Slot[],
): DaysResponse {
  const { service_id, date, end_date, timezone } = slotsResponse;
  return {
    service_id,
    date,
    end_date,
    timezone,
    days: summarizeDays(slots, date, end_date, timezone).map((d) => ({
      date: d.date,
      slot_count: d.slot_count,
      first_start_datetime: d.first_start === null ? null : new Date(d.first_start).toISOString(),
    })),
  };
}

export function parseDaysQuery(
  query: Record<string, unknown>,
  schema: z.ZodType<SlotQuery, unknown> = SlotQuerySchema,
): SlotQuery {
  return parseSlotQuery(query, MAX_DAYS_RANGE_DAYS, schema);
}

export async function getAvailableDays(
  ctx: Ctx,
  query: Record<string, unknown>,
): Promise<DaysResponse> {
  const { response, slots } = await computeSlots(ctx, parseDaysQuery(query));
  return daysResponse(response, slots);
}
