import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { notificationMessages, type NotificationMessage } from '@/db/schema';
import { filtersToSql, sortToSql } from '@/lib/crud/sql-filters';
import type { Ctx } from '@/lib/http/context';
import { notFound } from '@/lib/http/errors';
import { isUuid, parseListQuery, type ListQuerySpec } from '@/lib/http/query';
import { NOTIFICATION_KINDS, NOTIFICATION_STATUSES } from './kinds';
import { renderMessage } from './render';

/**
 * `GET /api/notifications` (§19, admins): sent, kept and pending messages, newest first, and
 * `GET /api/notifications/:id`: one message with its rendered content (for the Outbox page:
 * HTML, text, the .ics) and its tries.
 */

export const NOTIFICATIONS_LIST: ListQuerySpec = {
  filters: {
    status: { enum: NOTIFICATION_STATUSES },
    kind: { enum: NOTIFICATION_KINDS },
    reservation_id: 'uuid',
    created_at: 'instant',
    send_after: 'instant',
  },
  sortable: ['created_at', 'send_after', 'sent_at'],
};

const m = notificationMessages;

export function messageSummary(row: NotificationMessage) {
  return {
    id: row.id,
    organization_id: row.organization_id,
    reservation_id: row.reservation_id,
    kind: row.kind,
    audience: row.audience,
    to: row.to_address,
    subject: row.subject,
    status: row.status,
    /** When it is (or was) due: a reminder's time, else its creation. */
    send_after: row.send_after,
    sent_at: row.sent_at,
    attempt_count: row.attempt_count,
    next_attempt_at: row.status === 'retrying' ? row.next_attempt_at : null,
    last_error: row.last_error,
    created_at: row.created_at,
  };
}

export async function listNotifications(ctx: Ctx, query: Record<string, unknown>) {
  const list = parseListQuery(query, NOTIFICATIONS_LIST);
  const columns = {
    status: m.status,
    kind: m.kind,
    reservation_id: m.reservation_id,
    created_at: m.created_at,
    send_after: m.send_after,
    sent_at: m.sent_at,
  };
  const where = and(
    eq(m.organization_id, ctx.organization.id),
    ...filtersToSql(columns, list.filters),
  );
  const sort: SQL[] = list.sort.length ? sortToSql(columns, list.sort) : [desc(m.created_at)];
  const [[totals], rows] = await Promise.all([
    ctx.db.select({ total: count() }).from(m).where(where),
    ctx.db
      .select()
      .from(m)
      .where(where)
      .orderBy(...sort, desc(m.id))
      .limit(list.limit)
      .offset(list.skip),
  ]);
  return {
    total: Number(totals?.total ?? 0),
    limit: list.limit,
    skip: list.skip,
    data: rows.map(messageSummary),
  };
}

export async function getNotification(ctx: Ctx, id: string) {
  if (!isUuid(id)) throw notFound('Message');
  const [row] = await ctx.db
    .select()
    .from(m)
    .where(and(eq(m.organization_id, ctx.organization.id), eq(m.id, id)));
  if (!row) throw notFound('Message');
  const rendered = await renderMessage(row);
  return {
    ...messageSummary(row),
    from: `${rendered.from.name} <${rendered.from.address}>`,
    reply_to: rendered.replyTo,
    html: rendered.html,
    text: rendered.text,
    ics: rendered.ics?.content ?? null,
    ics_method: rendered.ics?.method ?? null,
    attempts: row.attempts,
  };
}
