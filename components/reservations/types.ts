import type { ReservationStatus } from '@/lib/reservations/schemas';

/** Shapes of the §3, §4, §8, §9 and §10 API objects as the staff pages read them. */

export type { ReservationStatus };

export interface Organization {
  id: string;
  name: string;
  timezone: string;
}

export interface Service {
  id: string;
  name: string;
  duration_minutes: number;
  color: string | null;
  capacity: number | null;
  min_party_size: number;
  max_party_size: number;
  is_active: boolean;
  requires_confirmation: boolean;
}

export interface Resource {
  id: string;
  name: string;
  type: string;
  quantity: number;
  capacity: number | null;
  is_active: boolean;
}

export interface ServiceResourceLink {
  id: string;
  service_id: string;
  resource_id: string;
  is_required: boolean;
  quantity: number;
}

export type CustomFieldType =
  | 'text'
  | 'textarea'
  | 'number'
  | 'boolean'
  | 'date'
  | 'select'
  | 'multiselect'
  | 'email'
  | 'phone'
  | 'url';

export interface CustomField {
  id: string;
  key: string;
  label: string;
  type: CustomFieldType;
  required: boolean;
  options: string[] | null;
  position: number;
}

export interface Contact {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
}

export interface Reservation {
  id: string;
  contact_id: string;
  service_id: string;
  start_datetime: string;
  end_datetime: string;
  party_size: number;
  status: ReservationStatus;
  preferred_resource_id: string | null;
  resource_ids: string[];
  notes: string | null;
  custom_fields_by_key: Record<string, unknown> | null;
  cancelled_at: string | null;
  cancelled_by: string | null;
  cancellation_reason: string | null;
  source: string;
  contact: Contact | null;
  service: { id: string; name: string; duration_minutes: number } | null;
  created_at: string;
  updated_at: string;
}

/** One row of `GET /api/reservations/:id/history` (oldest first). */
export interface StatusChange {
  id: string;
  reservation_id: string;
  from_status: ReservationStatus | null;
  to_status: ReservationStatus;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  created_at: string;
}

export interface Slot {
  start_datetime: string;
  end_datetime: string;
  remaining_capacity: number;
  resource_ids: string[];
}

export interface ReservationFilters {
  service_id: string;
  resource_id: string;
  status: string;
  search: string;
}

export const EMPTY_FILTERS: ReservationFilters = {
  service_id: '',
  resource_id: '',
  status: '',
  search: '',
};
