import type { getManagedReservation } from '@/lib/booking-links/manage';
import type { PublicSlot } from '@/lib/booking-links/public-booking';
import type {
  PublicBookingPage,
  PublicCustomField,
  PublicService,
} from '@/lib/booking-links/public-link';

/** The public API's shapes (§11), named once for the booking components (types only). */
export type { PublicBookingPage, PublicCustomField, PublicService, PublicSlot };

export interface SlotsResponse {
  service_id: string;
  date: string;
  end_date: string;
  timezone: string;
  slots: PublicSlot[];
}

export type BookingStatus = 'pending' | 'confirmed' | 'cancelled' | 'completed' | 'no_show';

export interface BookingResult {
  reservation: {
    id: string;
    status: BookingStatus;
    start_datetime: string;
    end_datetime: string;
    party_size: number;
    service: { id: string; name: string; duration_minutes: number } | null;
  };
  manage_token: string;
}

export type ManagedReservation = Awaited<ReturnType<typeof getManagedReservation>>;

/** A range of local dates (in `timezone`) to ask for slots. */
export interface SlotRange {
  date: string;
  end_date: string;
  timezone: string;
}
