/**
 * The value lists of §19 messages. Browser-safe (imports nothing): the Outbox page's filters
 * and the database's CHECK constraints (db/schema/notifications.ts) read the same lists.
 */

/** Customer messages, then the staff address's. */
export const NOTIFICATION_KINDS = [
  'confirmation',
  'confirmed',
  'rescheduled',
  'cancelled',
  'reminder',
  'staff_booked',
  'staff_changed',
  'staff_cancelled',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_STATUSES = [
  'pending',
  'retrying',
  'sent',
  'kept',
  'failed',
  'cancelled',
] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const NOTIFICATION_AUDIENCES = ['customer', 'staff'] as const;
export type NotificationAudience = (typeof NOTIFICATION_AUDIENCES)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  confirmation: 'Booking confirmation',
  confirmed: 'Confirmed',
  rescheduled: 'Rescheduled',
  cancelled: 'Cancelled',
  reminder: 'Reminder',
  staff_booked: 'Staff: new booking',
  staff_changed: 'Staff: booking changed',
  staff_cancelled: 'Staff: booking cancelled',
};

export const NOTIFICATION_STATUS_LABELS: Record<NotificationStatus, string> = {
  pending: 'Scheduled',
  retrying: 'Retrying',
  sent: 'Sent',
  kept: 'Kept',
  failed: 'Failed',
  cancelled: 'Cancelled',
};
