import { z } from 'zod';
import { emailSchema } from '@/lib/validation/fields';

/**
 * §19 settings, `GET/PATCH /api/organizations/me/notifications`. Browser-safe (zod only), so
 * the settings form validates with the schema the API uses.
 */
export const NotificationSettingsSchema = z.strictObject({
  /** A confirmation ("requested" or "confirmed") when a booking is made. */
  confirmation_email: z.boolean({ error: 'Expected true or false.' }),
  /** A message when a booking is confirmed, rescheduled or cancelled by someone else. */
  change_email: z.boolean({ error: 'Expected true or false.' }),
  /** Hours before the start for the reminder; null sends none. */
  reminder_hours_before: z
    .int({ error: 'Expected a whole number of hours.' })
    .min(1, 'At least 1 hour.')
    .max(168, 'At most 168 hours (a week).')
    .nullable(),
  /** Where booking-link and AI-assistant activity is reported; null for nowhere. */
  staff_email: emailSchema.nullable(),
});
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

export const NotificationSettingsPatchSchema = NotificationSettingsSchema.partial();
export type NotificationSettingsPatch = z.infer<typeof NotificationSettingsPatchSchema>;

export const NOTIFICATION_DEFAULTS: NotificationSettings = {
  confirmation_email: true,
  change_email: true,
  reminder_hours_before: 24,
  staff_email: null,
};
