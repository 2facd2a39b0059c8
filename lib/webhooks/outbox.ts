import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '@/db/migrate';
import type { Db } from '@/db/types';
import { nudgeDispatcher } from './dispatcher-signal';

/**
 * The outbox (§17, §19): events are written by the transaction of the change they describe,
 * so a rolled-back change leaves none, and a committed one cannot lose them. One statement
 * writes the events and fans each out to the organization's active endpoints subscribed to
 * its type — one round trip, whatever the number of endpoints. Other consumers of the events
 * (email notifications) add their own writes to that statement (`also`).
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
  /**
   * More common table expressions for the same statement, in order: they may read
   * `new_events (id, organization_id, type, created_at)` and the ones before them. A write
   * (`returnsIds`) ends in `returning id`, and its ids come back under its name.
   */
  also?: AlsoWrite[];
}

export interface AlsoWrite {
  name: string;
  sql: SQL;
  returnsIds?: boolean;
}

export interface Appended {
  eventIds: string[];
  deliveryIds: string[];
  /** The ids each `also` write returned. */
  also: Record<string, string[]>;
}

export async function appendEvents(
  db: Db,
  events: NewEvent[],
  opts: AppendOptions = {},
): Promise<Appended> {
  if (!events.length) return { eventIds: [], deliveryIds: [], also: {} };
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
  const also = opts.also ?? [];
  const writes = also.filter((a) => a.returnsIds).map((a) => a.name);
  const result = await db.execute(sql`
    with new_events as (
      insert into outbox_events (id, organization_id, type, subject_id, payload, created_at)
      values ${values}
      returning id, organization_id, type, created_at
    ), deliveries as (
      insert into webhook_deliveries
        (organization_id, event_id, webhook_id, next_attempt_at, created_at, updated_at)
      select e.organization_id, e.id, w.id, e.created_at, e.created_at, e.created_at
      from new_events e
      join webhooks w on w.organization_id = e.organization_id and ${subscribed}
      returning id
    )${sql.join(
      also.map((a) => sql`, ${sql.identifier(a.name)} as (${a.sql})`),
      sql``,
    )}
    select 'deliveries'::text as source, id from deliveries${sql.join(
      writes.map((name) => sql` union all select ${name}::text, id from ${sql.identifier(name)}`),
      sql``,
    )}`);
  const rows = rowsOf<{ source: string; id: string }>(result);
  const deliveryIds = rows.filter((r) => r.source === 'deliveries').map((r) => r.id);
  const alsoIds = Object.fromEntries(
    writes.map((name) => [name, rows.filter((r) => r.source === name).map((r) => r.id)]),
  );
  // The rows are visible only after commit; an early nudge that finds nothing is harmless,
  // the dispatcher's regular tick picks them up.
  if (rows.length) nudgeDispatcher();
  return { eventIds: ids, deliveryIds, also: alsoIds };
}
