import { eq, sql } from 'drizzle-orm';
import { notificationSettings } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Ctx } from '@/lib/http/context';
import { zodToAppError } from '@/lib/http/responses';
import {
  NOTIFICATION_DEFAULTS,
  NotificationSettingsPatchSchema,
  type NotificationSettings,
} from './schemas';

/**
 * §19 settings: one row per organization, created by its first PATCH (until then the
 * defaults apply — the message writer reads them the same way, lib/notifications/enqueue.ts).
 * Changing `reminder_hours_before` re-plans the reminders already scheduled, in the same
 * transaction: they move to the new time, or are cancelled when that time has passed or
 * reminders are turned off. Bookings that had none (made inside the old window, or while
 * reminders were off) do not get one.
 */

function view(row: typeof notificationSettings.$inferSelect | undefined): NotificationSettings {
  if (!row) return { ...NOTIFICATION_DEFAULTS };
  return {
    confirmation_email: row.confirmation_email,
    change_email: row.change_email,
    reminder_hours_before: row.reminder_hours_before,
    staff_email: row.staff_email,
  };
}

async function load(db: Db, organizationId: string, forUpdate = false) {
  const query = db
    .select()
    .from(notificationSettings)
    .where(eq(notificationSettings.organization_id, organizationId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function getNotificationSettings(ctx: Ctx): Promise<NotificationSettings> {
  return view(await load(ctx.db, ctx.organization.id));
}

export async function patchNotificationSettings(
  ctx: Ctx,
  body: Record<string, unknown>,
): Promise<NotificationSettings> {
  const parsed = NotificationSettingsPatchSchema.safeParse(body);
  if (!parsed.success) throw zodToAppError(parsed.error, 'The notification settings are invalid.');
  const patch = parsed.data;
  return ctx.db.transaction(async (tx) => {
    // Two PATCHes of an existing row re-plan in turn.
    const before = view(await load(tx, ctx.organization.id, true));
    const next = { ...before, ...patch };
    const [row] = await tx
      .insert(notificationSettings)
      .values({ organization_id: ctx.organization.id, ...next, updated_at: ctx.now })
      .onConflictDoUpdate({
        target: notificationSettings.organization_id,
        set: { ...patch, updated_at: ctx.now },
      })
      .returning();
    const saved = view(row);
    if (saved.reminder_hours_before !== before.reminder_hours_before) {
      await replanReminders(tx, ctx, saved.reminder_hours_before);
    }
    return saved;
  });
}

async function replanReminders(tx: Db, ctx: Ctx, hours: number | null) {
  const now = sql`${ctx.now.toISOString()}::timestamptz`;
  const scheduled = sql`organization_id = ${ctx.organization.id}::uuid and kind = 'reminder'
    and status in ('pending', 'retrying')
    and not (claim_token is not null and next_attempt_at > ${now})`;
  if (hours === null) {
    await tx.execute(sql`
      update notification_messages
      set status = 'cancelled', claim_token = null, last_error = 'Reminders were turned off.',
          updated_at = ${now}
      where ${scheduled}`);
    return;
  }
  const at = sql`(data->'reservation'->>'start')::timestamptz - make_interval(hours => ${hours}::integer)`;
  await tx.execute(sql`
    update notification_messages
    set status = case when ${at} > ${now} then 'pending' else 'cancelled' end,
        send_after = case when ${at} > ${now} then ${at} else send_after end,
        next_attempt_at = case when ${at} > ${now} then ${at} else next_attempt_at end,
        attempt_count = 0, claim_token = null,
        last_error = case when ${at} > ${now} then null
          else 'The new reminder time (' || ${hours}::integer || ' h before) had already passed.' end,
        updated_at = ${now}
    where ${scheduled}`);
}
