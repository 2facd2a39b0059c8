import type { Service } from '@/db/schema';
import { fieldError } from '@/lib/http/errors';
import type { ServiceRules } from '@/lib/slots';

/** A service row as the engine sees it. */
export function toRules(service: Service): ServiceRules {
  return {
    id: service.id,
    is_active: service.is_active,
    duration_minutes: service.duration_minutes,
    slot_interval_minutes: service.slot_interval_minutes,
    buffer_before_minutes: service.buffer_before_minutes,
    buffer_after_minutes: service.buffer_after_minutes,
    min_notice_minutes: service.min_notice_minutes,
    max_advance_days: service.max_advance_days,
    capacity: service.capacity,
    min_party_size: service.min_party_size,
    max_party_size: service.max_party_size,
  };
}

/** §9: a party size outside the service's bounds is a 400, in queries, creates and updates. */
export function checkPartySize(service: Service, partySize: number): void {
  if (partySize < service.min_party_size || partySize > service.max_party_size) {
    throw fieldError(
      'party_size',
      `Party size must be between ${service.min_party_size} and ${service.max_party_size} for ${service.name}.`,
    );
  }
}
