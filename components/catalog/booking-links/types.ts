import type { PageConfig } from '@/db/schema';

/** A §11 booking link as `/api/reservation-booking-links` returns it (page_config with defaults). */
export interface BookingLink {
  id: string;
  slug: string;
  name: string;
  service_ids: string[];
  is_active: boolean;
  page_config: Required<PageConfig>;
  created_at: string;
  updated_at: string;
}
