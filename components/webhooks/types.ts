import type { WebhookEventType } from '@/lib/webhooks/event-types';

/** What /api/webhooks answers (§17). */
export interface WebhookRecord {
  id: string;
  organization_id: string;
  url: string;
  events: WebhookEventType[];
  is_active: boolean;
  created_at: string;
  updated_at: string;
}

export interface CreatedWebhook extends WebhookRecord {
  /** `whsec_…`: returned by the create only, never again. */
  secret: string;
}

/** One try, from GET /api/webhooks/:id/deliveries. */
export interface DeliveryAttempt {
  id: string;
  delivery_id: string;
  event_id: string;
  event_type: string;
  attempt_number: number;
  status: 'succeeded' | 'failed';
  response_status: number | null;
  duration_ms: number;
  error: string | null;
  attempted_at: string;
  delivery_status: 'pending' | 'retrying' | 'succeeded' | 'failed';
  next_attempt_at: string | null;
}
