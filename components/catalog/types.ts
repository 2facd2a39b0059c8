import type { RESOURCE_TYPES } from '@/db/schema';

/** The §3–§7 and §10 records as the catalog editors read them. */

export interface Service {
  id: string;
  name: string;
  description: string | null;
  duration_minutes: number;
  slot_interval_minutes: number | null;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  min_notice_minutes: number;
  max_advance_days: number;
  capacity: number | null;
  min_party_size: number;
  max_party_size: number;
  requires_confirmation: boolean;
  price_amount: number | null;
  currency: string | null;
  image_url: string | null;
  color: string | null;
  is_active: boolean;
}

export type ResourceType = (typeof RESOURCE_TYPES)[number];

export interface Resource {
  id: string;
  name: string;
  type: ResourceType;
  quantity: number;
  capacity: number | null;
  timezone: string;
  image_url: string | null;
  is_active: boolean;
}

export interface ServiceResourceLink {
  id: string;
  service_id: string;
  resource_id: string;
  is_required: boolean;
  quantity: number;
}

export interface AvailabilityRow {
  id: string;
  resource_id: string;
  day_of_week: number;
  start_time: string;
  end_time: string;
}

export interface ResourceException {
  id: string;
  resource_id: string;
  date: string;
  end_date: string | null;
  kind: 'blocked' | 'special_hours';
  start_time: string | null;
  end_time: string | null;
  reason: string | null;
}

export type CustomFieldEntity = 'reservation' | 'contact';

export interface CustomField {
  id: string;
  entity_type: CustomFieldEntity;
  key: string;
  label: string;
  type: string;
  required: boolean;
  options: string[] | null;
  position: number;
  is_active: boolean;
}
