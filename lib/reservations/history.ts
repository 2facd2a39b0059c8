import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { aiAssistants, apiKeys, reservations, statusChanges, users } from '@/db/schema';
import { z } from 'zod';
import { ACTOR_KINDS, type Ctx } from '@/lib/http/context';
import { uuidSchema } from '@/lib/validation/fields';
import { RESERVATION_STATUSES } from './schemas';
import { notFound } from '@/lib/http/errors';
import { isUuid } from '@/lib/http/query';

/**
 * The status history of one reservation (`GET /api/reservations/:id/history`), oldest first:
 * the rows create and update write to `reservation_status_changes`. `actor_kind`/`actor_id`
 * are as stored; `actor_name` is looked up for display (a staff user's, an API key's or an
 * assistant's name of the same organization) and is null when there is none to show
 * (customers, system callers, a since-deleted user or key).
 */

export interface StatusChangeView {
  id: string;
  reservation_id: string;
  from_status: string | null;
  to_status: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  created_at: Date;
}

/** What `StatusChangeView` is sent as: statuses and actor kinds are the stored value lists. */
const StatusChangeAnswer = z.strictObject({
  id: uuidSchema,
  reservation_id: uuidSchema,
  from_status: z.enum(RESERVATION_STATUSES).nullable().meta({ description: 'null on creation.' }),
  to_status: z.enum(RESERVATION_STATUSES),
  actor_kind: z.enum(ACTOR_KINDS),
  actor_id: z.string().nullable(),
  actor_name: z
    .string()
    .nullable()
    .meta({ description: 'The staff user’s, API key’s or assistant’s name, when there is one.' }),
  created_at: z.string().meta({ format: 'date-time' }),
});

export const HistoryAnswer = z
  .strictObject({ data: z.array(StatusChangeAnswer) })
  .meta({ description: 'The status changes of the reservation, oldest first.' });

export async function getReservationHistory(
  ctx: Ctx,
  reservationId: string,
): Promise<{ data: StatusChangeView[] }> {
  const orgId = ctx.organization.id;
  // Another organization's reservation is indistinguishable from a missing one (§0).
  if (!isUuid(reservationId)) throw notFound('Reservation');
  const [owner] = await ctx.db
    .select({ id: reservations.id })
    .from(reservations)
    .where(and(eq(reservations.organization_id, orgId), eq(reservations.id, reservationId)))
    .limit(1);
  if (!owner) throw notFound('Reservation');

  const rows = await ctx.db
    .select({
      id: statusChanges.id,
      reservation_id: statusChanges.reservation_id,
      from_status: statusChanges.from_status,
      to_status: statusChanges.to_status,
      actor_kind: statusChanges.actor_kind,
      actor_id: statusChanges.actor_id,
      created_at: statusChanges.created_at,
    })
    .from(statusChanges)
    .where(
      and(eq(statusChanges.organization_id, orgId), eq(statusChanges.reservation_id, owner.id)),
    )
    // Changes of one reservation are separate transactions, so `created_at` (the
    // transaction's now()) orders them; on a tie the creation row (no from_status) goes first.
    .orderBy(
      asc(statusChanges.created_at),
      sql`${statusChanges.from_status} is not null`,
      asc(statusChanges.id),
    );

  const names = await actorNames(ctx, rows);
  return {
    data: rows.map(({ created_at, ...row }) => ({
      ...row,
      actor_name:
        (row.actor_id && names.get(`${row.actor_kind}:${row.actor_id.toLowerCase()}`)) ?? null,
      created_at,
    })),
  };
}

/** Display names of the actors of `rows`, keyed `kind:id`; three small indexed look-ups at most. */
async function actorNames(
  ctx: Ctx,
  rows: { actor_kind: string; actor_id: string | null }[],
): Promise<Map<string, string>> {
  const idsOf = (kind: string) => [
    ...new Set(
      rows
        .filter((r) => r.actor_kind === kind && r.actor_id && isUuid(r.actor_id))
        .map((r) => r.actor_id!.toLowerCase()),
    ),
  ];
  const orgId = ctx.organization.id;
  const staffIds = idsOf('staff');
  const keyIds = idsOf('api_key');
  const assistantIds = idsOf('ai_assistant');
  const [staff, keys, assistants] = await Promise.all([
    staffIds.length
      ? ctx.db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(eq(users.organizationId, orgId), inArray(users.id, staffIds)))
      : [],
    keyIds.length
      ? ctx.db
          .select({ id: apiKeys.id, name: apiKeys.name })
          .from(apiKeys)
          .where(and(eq(apiKeys.organization_id, orgId), inArray(apiKeys.id, keyIds)))
      : [],
    assistantIds.length
      ? ctx.db
          .select({ id: aiAssistants.id, name: aiAssistants.name })
          .from(aiAssistants)
          .where(
            and(eq(aiAssistants.organization_id, orgId), inArray(aiAssistants.id, assistantIds)),
          )
      : [],
  ]);
  return new Map([
    ...staff.map((u) => [`staff:${u.id}`, u.name] as const),
    ...keys.map((k) => [`api_key:${k.id}`, k.name] as const),
    ...assistants.map((a) => [`ai_assistant:${a.id}`, a.name] as const),
  ]);
}
