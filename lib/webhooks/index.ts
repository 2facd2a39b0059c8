/**
 * Webhooks (§17) and the outbox they hang off.
 *
 * - `outbox.ts`: events written in the transaction of the change (`appendEvents`), fanned out
 *   to subscribed endpoints in the same statement — and to email messages (§19,
 *   lib/notifications/enqueue.ts), whose writes join that statement; `events.ts` decides which
 *   events a reservation change produces.
 * - `collection.ts`, `create-webhook.ts`, `deliveries.ts`, `routes.ts`: `/api/webhooks`.
 * - `dispatcher.ts`: the in-process loop serving the outbox's queues (webhook deliveries and
 *   email messages) with one claim (`lease.ts`: SKIP LOCKED, lease, claim token, backoff);
 *   `claims.ts`, `send.ts`, `signature.ts`, `address-guard.ts` are the webhook queue's side:
 *   sign (Standard Webhooks), refuse private addresses, send, record every try.
 */
export { recordReservationEvents } from './events';
export { startDispatcher, stopDispatcher } from './dispatcher';
export { webhookRoutes } from './routes';
