import type { Route } from '@/lib/http/route';
import { getNotification, listNotifications, NOTIFICATIONS_LIST } from './list';
import { NotificationSettingsPatchSchema, NotificationSettingsSchema } from './schemas';
import { getNotificationSettings, patchNotificationSettings } from './settings';

/** §19 routes: the organization's settings, and the messages (the admin Outbox). */
const MESSAGE =
  '`{id, reservation_id, kind, audience (customer|staff), to, subject, status (pending|retrying|sent|kept|failed|cancelled), send_after, sent_at, attempt_count, next_attempt_at, last_error, created_at}`';

export const notificationRoutes: Route[] = [
  {
    method: 'GET',
    path: '/organizations/me/notifications',
    access: 'member',
    tag: 'Notifications',
    summary: 'The organization’s email notification settings',
    schemas: { response: NotificationSettingsSchema },
    handle: async (ctx) => ({ body: await getNotificationSettings(ctx) }),
  },
  {
    method: 'PATCH',
    path: '/organizations/me/notifications',
    access: 'admin',
    tag: 'Notifications',
    summary: 'Change the email notification settings',
    schemas: { body: NotificationSettingsPatchSchema, response: NotificationSettingsSchema },
    handle: async (ctx, { body }) => ({ body: await patchNotificationSettings(ctx, body) }),
  },
  {
    method: 'GET',
    path: '/notifications',
    access: 'admin',
    tag: 'Notifications',
    summary: 'List email messages (sent, kept and pending), newest first',
    schemas: { list: NOTIFICATIONS_LIST, response: `A page of messages: ${MESSAGE}.` },
    handle: async (ctx, { query }) => ({ body: await listNotifications(ctx, query) }),
  },
  {
    method: 'GET',
    path: '/notifications/:id',
    access: 'admin',
    tag: 'Notifications',
    summary: 'One email message, rendered as its recipient gets it',
    schemas: {
      response: `${MESSAGE}, plus \`from\`, \`reply_to\`, \`html\`, \`text\`, \`ics\`, \`ics_method\` (REQUEST|CANCEL, null for staff messages) and \`attempts\` (each try: \`{attempt, at, outcome, error?, response?, duration_ms}\`).`,
    },
    handle: async (ctx, { params }) => ({ body: await getNotification(ctx, params.id!) }),
  },
];
