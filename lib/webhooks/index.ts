/**
 * Webhooks (§17) and the outbox they hang off.
 *
 * - `outbox.ts`: events written in the transaction of the change (`appendEvents`), fanned out
 *   to subscribed endpoints in the same statement; `events.ts` decides which events a
 *   reservation change produces.
 * - `collection.ts`, `create-webhook.ts`, `deliveries.ts`, `routes.ts`: `/api/webhooks`.
 * - `dispatcher.ts` (+ `claims.ts`, `send.ts`, `signature.ts`, `address-guard.ts`): the
 *   in-process loop that claims due deliveries, signs them (Standard Webhooks), refuses
 *   private addresses, sends, retries with backoff and records every try.
 */
export { recordReservationEvents } from './events';
export { startDispatcher, stopDispatcher } from './dispatcher';
export { webhookRoutes } from './routes';
