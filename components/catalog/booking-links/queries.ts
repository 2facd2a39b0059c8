'use client';

import { useQueries, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/apiFetch';
import { catalogKeys, fetchAll } from '../queries';
import type { Service } from '../types';
import type { BookingLink } from './types';

/** React Query keys and loaders of the booking-link editor. */

export const bookingLinkKeys = {
  all: ['reservation-booking-links'] as const,
  one: (id: string) => ['reservation-booking-links', id] as const,
  // Under the services key, so every service edit (which invalidates it) refreshes the picker.
  activeServices: [...catalogKeys.services, 'active'] as const,
};

export function useBookingLinks() {
  return useQuery({
    queryKey: bookingLinkKeys.all,
    queryFn: () => fetchAll<BookingLink>('/api/reservation-booking-links'),
  });
}

export function useBookingLink(id: string) {
  return useQuery({
    queryKey: bookingLinkKeys.one(id),
    queryFn: () => apiFetch<BookingLink>(`/api/reservation-booking-links/${id}`),
  });
}

/** The services a link may offer: §11 accepts active ones only. */
export function useActiveServices() {
  return useQuery({
    queryKey: bookingLinkKeys.activeServices,
    queryFn: () => fetchAll<Service>('/api/reservation-services', { is_active: 'true' }),
  });
}

/**
 * Services a saved link still names but that are no longer active (so not in the picker's
 * list), loaded one by one under the same key the service editor uses.
 */
export function useServicesById(ids: string[]): Service[] {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: [...catalogKeys.services, id],
      queryFn: () => apiFetch<Service>(`/api/reservation-services/${id}`),
    })),
    combine: (results) => results.flatMap((r) => (r.data ? [r.data] : [])),
  });
}
