import type { PublicBookingPage } from './types';

/**
 * The booking form's raw values (no zod here: the flow keeps a draft of them, and the
 * validating schema is loaded only with the form).
 */

/** Text as typed, booleans as 'yes' | 'no' | '' (radio buttons), multiselects as option lists. */
export type CustomFieldInput = string | string[];

export interface BookingFormValues {
  contact: { name: string; email: string; phone: string };
  notes: string;
  custom_fields_by_key: Record<string, CustomFieldInput>;
}

export function emptyBookingForm(page: PublicBookingPage): BookingFormValues {
  return {
    contact: { name: '', email: '', phone: '' },
    notes: '',
    custom_fields_by_key: Object.fromEntries(
      page.custom_fields.map((f) => [f.key, f.type === 'multiselect' ? [] : '']),
    ),
  };
}
