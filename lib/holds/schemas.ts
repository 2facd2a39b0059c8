import { z } from 'zod';
import { instantSchema, intRange, uuidSchema } from '@/lib/validation/fields';

/** §15 inputs. A hold lives 60–1800 s (default 600), and at most 1800 s from its creation. */
export const HOLD_TTL = { min: 60, max: 1800, default: 600 } as const;

const ttlSchema = intRange(HOLD_TTL.min, HOLD_TTL.max);

export const HoldCreateSchema = z.strictObject({
  service_id: uuidSchema,
  start_datetime: instantSchema,
  party_size: intRange(1, 1000).optional(),
  preferred_resource_id: uuidSchema.nullable().optional(),
  ttl_seconds: ttlSchema.optional(),
});
export type HoldCreate = z.infer<typeof HoldCreateSchema>;

/**
 * The public body: no `preferred_resource_id`; `ttl_seconds` is capped at 600 (issue 23) rather
 * than refused, and `replaces_hold_id` names the visitor's previous hold on the link, released
 * in the same transaction (a page that moves to another time need not DELETE it first).
 */
export const PublicHoldCreateSchema = HoldCreateSchema.omit({ preferred_resource_id: true }).extend(
  { replaces_hold_id: uuidSchema.optional() },
);

export const HoldPatchSchema = z.strictObject({ ttl_seconds: ttlSchema });
