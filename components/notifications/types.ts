import type { NotificationKind, NotificationStatus } from '@/lib/notifications/kinds';

/** A message as `GET /api/notifications` lists it (§19). */
export interface NotificationRecord {
  id: string;
  reservation_id: string;
  kind: NotificationKind;
  audience: 'customer' | 'staff';
  to: string;
  subject: string;
  status: NotificationStatus;
  send_after: string;
  sent_at: string | null;
  attempt_count: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
}

export interface NotificationAttempt {
  attempt: number;
  at: string;
  outcome: 'sent' | 'kept' | 'failed' | 'will_retry';
  error?: string;
  response?: string;
  duration_ms: number;
}

/** `GET /api/notifications/:id`: the message rendered as its recipient gets it. */
export interface NotificationDetail extends NotificationRecord {
  from: string;
  reply_to: string | null;
  html: string;
  text: string;
  ics: string | null;
  ics_method: 'REQUEST' | 'CANCEL' | null;
  attempts: NotificationAttempt[];
}
