import type { Route } from '@/lib/http/route';
import { getNotification, listNotifications, NOTIFICATIONS_LIST } from './list';
import { NotificationSettingsPatchSchema } from './schemas';
import { getNotificationSettings, patchNotificationSettings } from './settings';
import { MessageAnswer, MessagePage, NotificationSettingsAnswer } from './views';

/** §19 routes: the organization's settings, and the messages (the admin Outbox). */

export const notificationRoutes: Route[] = [
  {
    method: 'GET',
    path: '/organizations/me/notifications',
    access: 'member',
    tag: 'Notifications',
    summary: 'The organization’s email notification settings',
    schemas: { response: NotificationSettingsAnswer },
    handle: async (ctx) => ({ body: await getNotificationSettings(ctx) }),
  },
  {
    method: 'PATCH',
    path: '/organizations/me/notifications',
    access: 'admin',
    tag: 'Notifications',
    summary: 'Change the email notification settings',
    schemas: { body: NotificationSettingsPatchSchema, response: NotificationSettingsAnswer },
    handle: async (ctx, { body }) => ({ body: await patchNotificationSettings(ctx, body) }),
  },
  {
    method: 'GET',
    path: '/notifications',
    access: 'admin',
    tag: 'Notifications',
    summary: 'List email messages (sent, kept and pending), newest first',
    schemas: { list: NOTIFICATIONS_LIST, response: MessagePage },
    handle: async (ctx, { query }) => ({ body: await listNotifications(ctx, query) }),
  },
  {
    method: 'GET',
    path: '/notifications/:id',
    access: 'admin',
    tag: 'Notifications',
    summary: 'One email message, rendered as its recipient gets it',
    schemas: { response: MessageAnswer },
    handle: async (ctx, { params }) => ({ body: await getNotification(ctx, params.id!) }),
  },
];
