import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, instant, organizationId, updatedAt } from './columns';
import { reservations } from './reservations';
import {
  NOTIFICATION_AUDIENCES,
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  type NotificationAudience,
  type NotificationKind,
  type NotificationStatus,
} from '../../lib/notifications/kinds';
import { organizationFk, tenantFk } from './tenancy';
import { outboxEvents } from './webhooks';

/**
 * Email notifications (§19). A reservation change writes its messages in its own transaction,
 * in the same statement as its outbox events (lib/webhooks/outbox.ts), and the webhook
 * dispatcher claims and sends them like deliveries (lib/webhooks/claims.ts). A message keeps
 * the snapshot it is rendered from (`data`), never the rendered mail: the manage link in it is
 * a credential, derived again at render time.
 */

/** One row per organization that changed the defaults; no row means the defaults. */
export const notificationSettings = pgTable(
  'notification_settings',
  {
    organization_id: organizationId(),
    confirmation_email: boolean('confirmation_email').notNull().default(true),
    change_email: boolean('change_email').notNull().default(true),
    /** null: no reminders. */
    reminder_hours_before: integer('reminder_hours_before').default(24),
    staff_email: text('staff_email'),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organization_id] }),
    organizationFk(t),
    check(
      'notification_settings_reminder',
      sql`${t.reminder_hours_before} is null or ${t.reminder_hours_before} between 1 and 168`,
    ),
  ],
);

const inList = (values: readonly string[]) =>
  sql.raw(`(${values.map((v) => `'${v}'`).join(', ')})`);

/**
 * One email to one address. `pending`/`retrying` rows are due at `next_attempt_at` (a
 * reminder's first try is its `send_after`); a claim moves `next_attempt_at` forward by a
 * lease and stamps `claim_token`, exactly as for webhook deliveries. `sent` went out over
 * SMTP, `kept` was rendered but not sent (no SMTP_URL), `cancelled` was dropped before it was
 * due (a reminder of a cancelled or moved booking).
 */
export const notificationMessages = pgTable(
  'notification_messages',
  {
    id: id(),
    organization_id: organizationId(),
    reservation_id: uuid('reservation_id').notNull(),
    /** The outbox event of the change that wrote (or last re-planned) it. */
    event_id: uuid('event_id'),
    kind: text('kind').$type<NotificationKind>().notNull(),
    audience: text('audience').$type<NotificationAudience>().notNull(),
    to_address: text('to_address').notNull(),
    subject: text('subject').notNull(),
    /** What the message is rendered from (lib/notifications/snapshot.ts). */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** The iCalendar SEQUENCE of the booking at the change (lib/notifications/enqueue.ts). */
    sequence: integer('sequence').notNull().default(0),
    status: text('status').$type<NotificationStatus>().notNull().default('pending'),
    send_after: instant('send_after').notNull().defaultNow(),
    attempt_count: integer('attempt_count').notNull().default(0),
    next_attempt_at: instant('next_attempt_at').notNull().defaultNow(),
    claim_token: uuid('claim_token'),
    last_attempt_at: instant('last_attempt_at'),
    sent_at: instant('sent_at'),
    last_error: text('last_error'),
    /** Every try, oldest first: `{at, attempt, outcome, error?, response?}` (the last 20). */
    attempts: jsonb('attempts').$type<Record<string, unknown>[]>().notNull().default([]),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [
    organizationFk(t),
    unique('notification_messages_org_id_key').on(t.organization_id, t.id),
    tenantFk(
      'notification_messages_reservation_fk',
      { organization_id: t.organization_id, ref: t.reservation_id },
      reservations,
    ).onDelete('cascade'),
    tenantFk(
      'notification_messages_event_fk',
      { organization_id: t.organization_id, ref: t.event_id },
      outboxEvents,
    ).onDelete('cascade'),
    // The dispatcher's claim: due rows in order, and only the rows still to send.
    index('notification_messages_due_idx')
      .on(t.next_attempt_at)
      .where(sql`${t.status} in ('pending', 'retrying')`),
    index('notification_messages_list_idx').on(t.organization_id, t.created_at),
    index('notification_messages_reservation_idx').on(t.organization_id, t.reservation_id, t.kind),
    check('notification_messages_status', sql`${t.status} in ${inList(NOTIFICATION_STATUSES)}`),
    check('notification_messages_kind', sql`${t.kind} in ${inList(NOTIFICATION_KINDS)}`),
    check(
      'notification_messages_audience',
      sql`${t.audience} in ${inList(NOTIFICATION_AUDIENCES)}`,
    ),
    check('notification_messages_attempts', sql`${t.attempt_count} >= 0`),
  ],
);

export type NotificationSettingsRow = typeof notificationSettings.$inferSelect;
export type NotificationMessage = typeof notificationMessages.$inferSelect;
