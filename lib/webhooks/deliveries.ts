import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { outboxEvents, webhookDeliveries, webhookDeliveryAttempts } from '@/db/schema';
import { findRecord } from '@/lib/crud/operations';
import { filtersToSql, sortToSql } from '@/lib/crud/sql-filters';
import type { Ctx } from '@/lib/http/context';
import { conflict, notFound } from '@/lib/http/errors';
import { isUuid, parseListQuery, type Filter } from '@/lib/http/query';
import { nudgeDispatcher } from './dispatcher-signal';
import { WEBHOOK_TEST_EVENT } from './event-types';
import { appendEvents } from './outbox';
import { webhooksCollection } from './collection';

/**
 * What the admin page needs beside CRUD: an endpoint's delivery attempts (§17), a test
 * event, and sending a delivery again.
 */

const attempts = webhookDeliveryAttempts;
const ATTEMPT_STATUSES = ['succeeded', 'failed'] as const;

const deliveryView = (d: typeof webhookDeliveries.$inferSelect, eventType: string) => ({
  id: d.id,
  organization_id: d.organization_id,
  webhook_id: d.webhook_id,
  event_id: d.event_id,
  event_type: eventType,
  status: d.status,
  attempt_count: d.attempt_count,
  next_attempt_at: d.status === 'pending' || d.status === 'retrying' ? d.next_attempt_at : null,
  last_attempt_at: d.last_attempt_at,
  last_response_status: d.last_response_status,
  last_error: d.last_error,
  created_at: d.created_at,
  updated_at: d.updated_at,
});

/**
 * `GET /api/webhooks/:id/deliveries`: one row per try, newest first, with the event's type
 * and where its delivery stands now. Filters: `status` (of the try: succeeded|failed),
 * `delivery_id`, `event_type`, `attempted_at` ranges.
 */
export async function listDeliveryAttempts(
  ctx: Ctx,
  webhookId: string,
  query: Record<string, unknown>,
) {
  await findRecord(ctx, webhooksCollection, webhookId);
  const list = parseListQuery(query, {
    filters: {
      status: { enum: ATTEMPT_STATUSES },
      delivery_id: 'uuid',
      event_type: 'string',
      attempted_at: 'instant',
    },
    sortable: ['attempted_at'],
  });
  // The try's status is stored as a boolean.
  const filters: Filter[] = list.filters.map((f) =>
    f.field !== 'status'
      ? f
      : {
          field: 'succeeded',
          op: f.op,
          value: Array.isArray(f.value)
            ? f.value.map((v) => v === 'succeeded')
            : f.value === 'succeeded',
        },
  );
  const columns = {
    succeeded: attempts.succeeded,
    delivery_id: attempts.delivery_id,
    event_type: outboxEvents.type,
    attempted_at: attempts.attempted_at,
  };
  const where = and(
    eq(attempts.organization_id, ctx.organization.id),
    eq(attempts.webhook_id, webhookId),
    ...filtersToSql(columns, filters),
  );
  const deliveryJoin = and(
    eq(webhookDeliveries.organization_id, attempts.organization_id),
    eq(webhookDeliveries.id, attempts.delivery_id),
  );
  const eventJoin = and(
    eq(outboxEvents.organization_id, webhookDeliveries.organization_id),
    eq(outboxEvents.id, webhookDeliveries.event_id),
  );
  const sort: SQL[] = list.sort.length
    ? sortToSql(columns, list.sort)
    : [desc(attempts.attempted_at)];
  const [[totals], rows] = await Promise.all([
    ctx.db
      .select({ total: count() })
      .from(attempts)
      .innerJoin(webhookDeliveries, deliveryJoin)
      .innerJoin(outboxEvents, eventJoin)
      .where(where),
    ctx.db
      .select({
        id: attempts.id,
        delivery_id: attempts.delivery_id,
        event_id: webhookDeliveries.event_id,
        event_type: outboxEvents.type,
        attempt_number: attempts.attempt_number,
        succeeded: attempts.succeeded,
        response_status: attempts.response_status,
        duration_ms: attempts.duration_ms,
        error: attempts.error,
        attempted_at: attempts.attempted_at,
        delivery_status: webhookDeliveries.status,
        next_attempt_at: webhookDeliveries.next_attempt_at,
      })
      .from(attempts)
      .innerJoin(webhookDeliveries, deliveryJoin)
      .innerJoin(outboxEvents, eventJoin)
      .where(where)
      .orderBy(...sort, desc(attempts.id))
      .limit(list.limit)
      .offset(list.skip),
  ]);
  const data = rows.map(({ succeeded, next_attempt_at, ...r }) => ({
    id: r.id,
    delivery_id: r.delivery_id,
    event_id: r.event_id,
    event_type: r.event_type,
    attempt_number: r.attempt_number,
    status: succeeded ? 'succeeded' : 'failed',
    response_status: r.response_status,
    duration_ms: r.duration_ms,
    error: r.error,
    attempted_at: r.attempted_at,
    delivery_status: r.delivery_status,
    next_attempt_at: r.delivery_status === 'retrying' ? next_attempt_at : null,
  }));
  return {
    total: Number(totals?.total ?? 0),
    limit: list.limit,
    skip: list.skip,
    data,
  };
}

/** `POST /api/webhooks/:id/test`: a `webhook.test` event to this endpoint only, sent at once. */
export async function sendTestEvent(ctx: Ctx, webhookId: string) {
  const webhook = await findRecord(ctx, webhooksCollection, webhookId);
  const { deliveryIds } = await appendEvents(
    ctx.db,
    [
      {
        organizationId: ctx.organization.id,
        type: WEBHOOK_TEST_EVENT,
        subjectId: webhook.id,
        data: {
          webhook: { id: webhook.id, url: webhook.url },
          message: 'A test event sent from the webhooks settings. No reservation changed.',
        },
        createdAt: ctx.now,
      },
    ],
    { webhookId: webhook.id },
  );
  return loadDelivery(ctx, webhook.id, deliveryIds[0]!);
}

async function loadDelivery(ctx: Ctx, webhookId: string, deliveryId: string) {
  const [row] = await ctx.db
    .select({ delivery: webhookDeliveries, event_type: outboxEvents.type })
    .from(webhookDeliveries)
    .innerJoin(
      outboxEvents,
      and(
        eq(outboxEvents.organization_id, webhookDeliveries.organization_id),
        eq(outboxEvents.id, webhookDeliveries.event_id),
      ),
    )
    .where(
      and(
        eq(webhookDeliveries.organization_id, ctx.organization.id),
        eq(webhookDeliveries.webhook_id, webhookId),
        eq(webhookDeliveries.id, deliveryId),
      ),
    );
  if (!row) throw notFound('Delivery');
  return deliveryView(row.delivery, row.event_type);
}

/**
 * `POST /api/webhooks/:id/deliveries/:deliveryId/resend`: the delivery starts over (a fresh
 * series of tries, same event id, so a receiver that de-duplicates sees the same event).
 * Refused while a try is in flight.
 */
export async function resendDelivery(ctx: Ctx, webhookId: string, deliveryId: string) {
  await findRecord(ctx, webhooksCollection, webhookId);
  if (!isUuid(deliveryId)) throw notFound('Delivery');
  const mine = and(
    eq(webhookDeliveries.organization_id, ctx.organization.id),
    eq(webhookDeliveries.webhook_id, webhookId),
    eq(webhookDeliveries.id, deliveryId),
  );
  const [updated] = await ctx.db
    .update(webhookDeliveries)
    .set({
      status: 'pending',
      attempt_count: 0,
      next_attempt_at: ctx.now,
      claim_token: null,
      updated_at: ctx.now,
    })
    .where(
      and(
        mine,
        sql`not (${webhookDeliveries.claim_token} is not null and ${webhookDeliveries.next_attempt_at} > ${ctx.now.toISOString()}::timestamptz)`,
      ),
    )
    .returning({ id: webhookDeliveries.id });
  if (!updated) {
    const [exists] = await ctx.db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(mine);
    if (!exists) throw notFound('Delivery');
    throw conflict(
      'delivery_in_progress',
      'This delivery is being sent right now; try again shortly.',
    );
  }
  nudgeDispatcher();
  return loadDelivery(ctx, webhookId, deliveryId);
}
