import type { NotificationStatus } from '@/lib/notifications/kinds';
import type { NotificationRecord } from './types';

/** A date-time in the organization's zone, e.g. "Sun 14 Mar 2027, 15:00". */
export function formatWhen(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(date);
}

/** What happened to a message, or will, in a few words with its time (`long`: and why). */
export function statusLine(m: NotificationRecord, timeZone: string, long = false): string {
  switch (m.status) {
    case 'sent':
      return `Sent ${formatWhen(m.sent_at, timeZone)}`;
    case 'kept':
      return long
        ? `Rendered ${formatWhen(m.sent_at, timeZone)}; no mail server, so not sent`
        : `Kept ${formatWhen(m.sent_at, timeZone)}`;
    case 'pending':
      return `Scheduled for ${formatWhen(m.send_after, timeZone)}`;
    case 'retrying':
      return `Try ${m.attempt_count} failed; next try ${formatWhen(m.next_attempt_at, timeZone)}`;
    case 'failed':
      return `Failed after ${m.attempt_count} ${m.attempt_count === 1 ? 'try' : 'tries'}`;
    case 'cancelled':
      return 'Not sent: no longer needed';
  }
}

export const STATUS_TONE: Record<
  NotificationStatus,
  'success' | 'accent' | 'warning' | 'danger' | 'neutral'
> = {
  sent: 'success',
  kept: 'accent',
  pending: 'neutral',
  retrying: 'warning',
  failed: 'danger',
  cancelled: 'neutral',
};
