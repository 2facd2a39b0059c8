/**
 * Email notifications (§19): confirmations, changes, reminders and the staff address's
 * activity mail, with calendar invites.
 *
 * - Writing: `enqueue.ts` adds a change's messages (and re-plans its reminder) to the statement
 *   that writes its outbox events (lib/webhooks/events.ts → outbox.ts), so they commit or roll
 *   back with the change; `rules.ts` says which messages a change produces, `snapshot.ts` what
 *   they are rendered from.
 * - Sending: `dispatch.ts` is a queue of the webhook dispatcher (same claim, lease, backoff);
 *   `render.ts` (+ `content.ts`, `email/`, `calendar.ts`, `format.ts`) builds the HTML, text
 *   and .ics; `transport.ts` is SMTP_URL / MAIL_FROM.
 * - API: `settings.ts`, `list.ts`, `routes.ts` (`/api/organizations/me/notifications`,
 *   `/api/notifications`).
 */
export { notificationRoutes } from './routes';
export { dispatchDueMessages } from './dispatch';
