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

/** §16: how many slots each local date has (0 and null where nothing is free). */
export interface DaysResponse {
  service_id: string;
  date: string;
  end_date: string;
  timezone: string;
  days: { date: string; slot_count: number; first_start_datetime: string | null }[];
}

/** A slot held for this visitor (§15) while they fill in the form. */
export interface HeldSlot {
  id: string;
  start_datetime: string;
  end_datetime: string;
  expires_at: string;
  /** When the countdown ends, on this device's clock (ms). */
  deadline: number;
  /** When the time was first held, on this device's clock (ms): extensions end 30 min after. */
  heldSince: number;
  /** The server said it is gone (409 hold_expired), whatever the countdown says. */
  lost?: boolean;
}

/** A message above the calendar: why the time just chosen could not be kept. */
export interface TimeNotice {
  /** warning: the time is gone; info: the server could not be reached; error: anything else. */
  tone: 'warning' | 'info' | 'error';
  title: string;
  text: string;
}

/** A range of local dates (in `timezone`) to ask for slots. */
export interface SlotRange {
  date: string;
  end_date: string;
  timezone: string;
}
