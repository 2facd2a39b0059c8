/** Value lists of the schema, importable without drizzle (the browser's forms use them). */

export const RESOURCE_TYPES = ['person', 'room', 'equipment', 'table', 'other'] as const;

export const CUSTOM_FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'boolean',
  'date',
  'select',
  'multiselect',
  'email',
  'phone',
  'url',
] as const;

export const UPLOAD_TYPES = [
  'reservation-service-image',
  'booking-link-logo',
  'booking-link-cover',
] as const;

export const RESERVATION_STATUSES = [
  'pending',
  'confirmed',
  'cancelled',
  'completed',
  'no_show',
] as const;

export const RESERVATION_SOURCES = ['staff', 'api', 'booking_link', 'ai_assistant'] as const;

export const CANCELLED_BY = ['organization', 'customer', 'ai_assistant'] as const;
