import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/migrate';
import type { Db } from '@/db/types';
import { nudgeDispatcher } from './dispatcher-signal';

/**
 * The outbox (§17, §19): events are written by the transaction of the change they describe,
 * so a rolled-back change leaves none, and a committed one cannot lose them. One statement
 * writes the events and fans each out to the organization's active endpoints subscribed to
 * its type — one round trip, whatever the number of endpoints.
 */
export interface NewEvent {
  organizationId: string;
  type: string;
  /** The record the event is about, e.g. the reservation. */
  subjectId: string | null;
  /** The event's `data`, as the webhook body carries it. */
  data: Record<string, unknown>;
  createdAt: Date;
}

export interface AppendOptions {
  /** Deliver to this endpoint only, whatever it subscribes to (the test event). */
  webhookId?: string;
}

export async function appendEvents(
  db: Db,
  events: NewEvent[],
  opts: AppendOptions = {},
): Promise<{ eventIds: string[]; deliveryIds: string[] }> {
  if (!events.length) return { eventIds: [], deliveryIds: [] };
  const ids = events.map(() => randomUUID());
  const values = sql.join(
    events.map(
      (e, i) =>
        sql`(${ids[i]}::uuid, ${e.organizationId}::uuid, ${e.type}, ${e.subjectId}::uuid, ${JSON.stringify(e.data)}::jsonb, ${e.createdAt.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  const subscribed = opts.webhookId
    ? sql`w.id = ${opts.webhookId}::uuid`
    : sql`w.is_active and e.type = any(w.events)`;
  const result = await db.execute(sql`
    with new_events as (
      insert into outbox_events (id, organization_id, type, subject_id, payload, created_at)
      values ${values}
      returning id, organization_id, type, created_at
    )
    insert into webhook_deliveries
      (organization_id, event_id, webhook_id, next_attempt_at, created_at, updated_at)
    select e.organization_id, e.id, w.id, e.created_at, e.created_at, e.created_at
    from new_events e
    join webhooks w on w.organization_id = e.organization_id and ${subscribed}
    returning id`);
  const deliveryIds = rowsOf<{ id: string }>(result).map((r) => r.id);
  // The rows are visible only after commit; an early nudge that finds nothing is harmless,
  // the dispatcher's regular tick picks them up.
  if (deliveryIds.length) nudgeDispatcher();
  return { eventIds: ids, deliveryIds };
}
