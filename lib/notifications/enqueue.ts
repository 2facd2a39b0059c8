import { sql, type SQL } from 'drizzle-orm';
import type { Reservation } from '@/db/schema';
import type { Ctx } from '@/lib/http/context';
import type { ReservationView } from '@/lib/reservations/serialize';
import type { AlsoWrite } from '@/lib/webhooks/outbox';
import { subjectFor } from './content';
import { changeOrigin } from './origin';
import { plannedMessages, reminderDropReason, wantsReminder } from './rules';
import { snapshotOf } from './snapshot';

/**
 * A reservation change's messages, as common table expressions of the statement that writes
 * its outbox events (lib/webhooks/outbox.ts `appendEvents`): the same transaction, the same
 * round trip, and each message points at the event it comes from. The statement also reads
 * what the decision needs from the database — the organization's settings (absent row: the
 * defaults), the booking link's branding, the previous service's name — so nothing is read
 * before it.
 *
 * Reminders (one per booking, `kind = 'reminder'`): a live booking whose contact has an email
 * gets one at `start − reminder_hours_before`, if that is still ahead (none for a booking made
 * inside the window). Every change re-plans it in place: the pending row moves to the new
 * time with the new snapshot, or is `cancelled` (with the reason) when no reminder is wanted
 * any more; a row whose send is in flight is left to finish.
 *
 * SEQUENCE (RFC 5545) must grow with every version of the event a calendar sees: it is the
 * booking's revision as the booking page's .ics download counts it (seconds between creation
 * and the last update, lib/booking-links/ics.ts) plus the number of events the booking had
 * before this change — so it rises with each change even within one second, and an email is
 * never older than a download of the same state.
 */
export async function notificationWrites(
  ctx: Pick<Ctx, 'organization' | 'actor' | 'now'>,
  change: { before?: Reservation; after: Reservation; view: ReservationView },
  eventTypes: string[],
): Promise<AlsoWrite[]> {
  const { before, after, view } = change;
  const email = view.contact?.email ?? null;
  const planned = plannedMessages({
    before,
    after,
    actor: ctx.actor.kind,
    customerEmail: email,
    eventTypes,
  });
  const reminder = wantsReminder(after, email);
  // A new booking with nothing to send has no reminder to re-plan either.
  if (!before && !planned.length && !reminder) return [];

  const data = snapshotOf(ctx, change, await changeOrigin());
  const org = sql`${ctx.organization.id}::uuid`;
  const rid = sql`${after.id}::uuid`;
  const now = sql`${ctx.now.toISOString()}::timestamptz`;
  const start = sql`${after.start_datetime.toISOString()}::timestamptz`;
  const revision = Math.max(
    0,
    Math.floor((after.updated_at.getTime() - after.created_at.getTime()) / 1000),
  );

  const branding = after.booking_link_id
    ? sql`(select jsonb_build_object('name', l.name, 'slug', l.slug,
                'logo_url', l.page_config->>'logo_url',
                'primary_color', l.page_config->>'primary_color')
           from reservation_booking_links l
           where l.organization_id = ${org} and l.id = ${after.booking_link_id}::uuid)`
    : sql`null::jsonb`;
  let snapshot: SQL = sql`(${JSON.stringify(data)}::jsonb || jsonb_build_object('branding', ${branding}, 'reply_to', st.staff_email))`;
  if (data.previous && before && before.service_id !== after.service_id) {
    snapshot = sql`jsonb_set(${snapshot}, '{previous,service_name}', coalesce(to_jsonb(
      (select s.name from reservation_services s
       where s.organization_id = ${org} and s.id = ${before.service_id}::uuid)), 'null'::jsonb))`;
  }
  const mine = sql`m.organization_id = ${org} and m.reservation_id = ${rid}
    and m.kind = 'reminder' and m.status in ('pending', 'retrying')
    and not (m.claim_token is not null and m.next_attempt_at > ${now})`;
  const anyEvent = sql`(select e.id from new_events e limit 1)`;

  const writes: AlsoWrite[] = [
    {
      name: 'notify_settings',
      sql: sql`
        select coalesce(s.confirmation_email, true) as confirmation_email,
               coalesce(s.change_email, true) as change_email,
               case when s.organization_id is null then 24 else s.reminder_hours_before end
                 as reminder_hours,
               s.staff_email
        from (select 1) as one
        left join notification_settings s on s.organization_id = ${org}`,
    },
    {
      name: 'notify_snapshot',
      sql: sql`
        select ${snapshot} as data,
               (select count(*) from outbox_events o
                where o.organization_id = ${org} and o.subject_id = ${rid})::integer
                 + ${revision}::integer as sequence
        from notify_settings st`,
    },
  ];

  if (planned.length) {
    const rows = planned.map(
      (p) =>
        sql`(${p.kind}::text, ${p.audience}::text, ${p.audience === 'customer' ? email : null}::text, ${subjectFor(p.kind, data)}::text, ${p.setting}::text, ${p.eventType}::text)`,
    );
    writes.push({
      name: 'notify_messages',
      returnsIds: true,
      sql: sql`
        insert into notification_messages
          (organization_id, reservation_id, event_id, kind, audience, to_address, subject, data,
           sequence, send_after, next_attempt_at, created_at, updated_at)
        select ${org}, ${rid}, (select e.id from new_events e where e.type = m.event_type limit 1),
               m.kind, m.audience, coalesce(m.to_address, st.staff_email), m.subject, x.data,
               x.sequence, ${now}, ${now}, ${now}, ${now}
        from (values ${sql.join(rows, sql`, `)})
          as m (kind, audience, to_address, subject, setting, event_type)
        cross join notify_settings st
        cross join notify_snapshot x
        where case m.setting
                when 'confirmation' then st.confirmation_email
                when 'change' then st.change_email
                else st.staff_email is not null
              end
        returning id`,
    });
  }

  const sendAfter = sql`${start} - make_interval(hours => st.reminder_hours)`;
  writes.push({
    name: 'notify_reminder_plan',
    sql: sql`
      select ${sendAfter} as send_after from notify_settings st
      where ${reminder}::boolean and st.reminder_hours is not null and ${sendAfter} > ${now}`,
  });
  const reminderSubject = subjectFor('reminder', data);
  if (before) {
    writes.push(
      {
        name: 'notify_reminder_moved',
        returnsIds: true,
        sql: sql`
          update notification_messages m
          set send_after = p.send_after, next_attempt_at = p.send_after, status = 'pending',
              attempt_count = 0, claim_token = null, last_error = null,
              to_address = ${email}::text, subject = ${reminderSubject}::text, data = x.data,
              sequence = x.sequence, event_id = ${anyEvent}, updated_at = ${now}
          from notify_reminder_plan p, notify_snapshot x
          where ${mine}
          returning m.id`,
      },
      {
        name: 'notify_reminder_dropped',
        returnsIds: true,
        sql: sql`
          update notification_messages m
          set status = 'cancelled', claim_token = null, updated_at = ${now},
              last_error = case
                when not ${reminder}::boolean then ${reminderDropReason(after, email)}::text
                when st.reminder_hours is null then 'Reminders are turned off.'
                else 'The booking now starts within the reminder window.'
              end
          from notify_settings st
          where ${mine} and not exists (select 1 from notify_reminder_plan)
          returning m.id`,
      },
    );
  }
  writes.push({
    name: 'notify_reminder_new',
    returnsIds: true,
    sql: sql`
      insert into notification_messages
        (organization_id, reservation_id, event_id, kind, audience, to_address, subject, data,
         sequence, send_after, next_attempt_at, created_at, updated_at)
      select ${org}, ${rid}, ${anyEvent}, 'reminder', 'customer', ${email}::text,
             ${reminderSubject}::text, x.data, x.sequence, p.send_after, p.send_after,
             ${now}, ${now}
      from notify_reminder_plan p cross join notify_snapshot x
      where ${before ? sql`not exists (select 1 from notify_reminder_moved)` : sql`true`}
      returning id`,
  });
  return writes;
}
