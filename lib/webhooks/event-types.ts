/**
 * The event types an endpoint may subscribe to (§17). Browser-safe: imports nothing, so the
 * admin page's form can list them without pulling server code.
 */
export const WEBHOOK_EVENT_TYPES = [
  'reservation.created',
  'reservation.updated',
  'reservation.rescheduled',
  'reservation.status_changed',
  'reservation.cancelled',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by `POST /api/webhooks/:id/test`, to that endpoint, whatever it subscribes to. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  'reservation.created': 'Reservation created',
  'reservation.updated': 'Reservation updated (notes, party size, custom fields…)',
  'reservation.rescheduled': 'Reservation rescheduled (new time or service)',
  'reservation.status_changed': 'Status changed (confirmed, completed, no-show…)',
  'reservation.cancelled': 'Reservation cancelled',
};
