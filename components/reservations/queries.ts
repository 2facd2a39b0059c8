'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ListResponse } from '@/components/api/apiFetch';
import type { z } from 'zod';
import type { ReservationPatchSchema } from '@/lib/reservations/schemas';
import type {
  CustomField,
  Organization,
  Reservation,
  ReservationFilters,
  Resource,
  ServiceResourceLink,
  Service,
  Slot,
  StatusChange,
} from './types';

export type ReservationPatchBody = z.input<typeof ReservationPatchSchema>;

/** React Query keys and hooks of the Reservations page: one key per collection. */

const PAGE = 50;

export const reservationKeys = {
  all: ['reservations'] as const,
  range: (from: string, to: string, filters: ReservationFilters) =>
    ['reservations', { from, to, filters }] as const,
  // Under `all`, so every mutation that invalidates the reservations refetches the history too.
  history: (id: string) => ['reservations', 'history', id] as const,
};

export const slotKeys = { all: ['reservation-available-slots'] as const };

function qs(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  return search.toString();
}

/** Every page of a collection (the API caps $limit at 50). */
async function fetchAll<T>(path: string, params: Record<string, string | undefined>): Promise<T[]> {
  const rows: T[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await apiFetch<ListResponse<T>>(
      `${path}?${qs({ ...params, $limit: PAGE, $skip: skip })}`,
    );
    rows.push(...page.data);
    if (page.data.length < PAGE || rows.length >= page.total) return rows;
  }
}

export function useOrganization(initial: Organization) {
  return useQuery({
    queryKey: ['organizations', 'me'],
    queryFn: () => apiFetch<Organization>('/api/organizations/me'),
    initialData: initial,
  });
}

export function useServices() {
  return useQuery({
    queryKey: ['reservation-services'],
    queryFn: () => fetchAll<Service>('/api/reservation-services', {}),
    staleTime: 5 * 60_000,
  });
}

export function useResources() {
  return useQuery({
    queryKey: ['reservation-resources'],
    queryFn: () => fetchAll<Resource>('/api/reservation-resources', {}),
    staleTime: 5 * 60_000,
  });
}

export function useServiceResourceLinks(serviceId: string) {
  return useQuery({
    queryKey: ['reservation-service-resources', serviceId],
    queryFn: () =>
      fetchAll<ServiceResourceLink>('/api/reservation-service-resources', {
        service_id: serviceId,
      }),
    enabled: Boolean(serviceId),
    staleTime: 5 * 60_000,
  });
}

export function useReservationCustomFields() {
  return useQuery({
    queryKey: ['custom-fields', 'reservation'],
    queryFn: async () =>
      (
        await fetchAll<CustomField>('/api/custom-fields', {
          entity_type: 'reservation',
          is_active: 'true',
        })
      ).sort((a, b) => a.position - b.position),
    staleTime: 5 * 60_000,
  });
}

/** All reservations starting in [from, to), with the filters bar applied server-side. */
export function useReservationsInRange(from: string, to: string, filters: ReservationFilters) {
  return useQuery({
    queryKey: reservationKeys.range(from, to, filters),
    queryFn: () =>
      fetchAll<Reservation>('/api/reservations', {
        'start_datetime[$gte]': from,
        'start_datetime[$lt]': to,
        status: filters.status || undefined,
        service_id: filters.service_id || undefined,
        resource_id: filters.resource_id || undefined,
        $search: filters.search.trim() || undefined,
      }),
    enabled: Boolean(from && to),
    // Keep the previous range on screen while the next loads: no flash of an empty calendar.
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

/** The status changes of one reservation, oldest first (the drawer's timeline). */
export function useReservationHistory(id: string | null) {
  return useQuery({
    queryKey: reservationKeys.history(id ?? ''),
    queryFn: async () =>
      (await apiFetch<{ data: StatusChange[] }>(`/api/reservations/${id}/history`)).data,
    enabled: Boolean(id),
  });
}

export function useAvailableSlots(params: {
  serviceId: string;
  date: string;
  partySize?: number;
  preferredResourceId?: string;
}) {
  const { serviceId, date, partySize, preferredResourceId } = params;
  return useQuery({
    queryKey: [...slotKeys.all, { serviceId, date, partySize, preferredResourceId }],
    queryFn: () =>
      apiFetch<{ slots: Slot[] }>(
        `/api/reservation-available-slots?${qs({
          service_id: serviceId,
          date,
          party_size: partySize,
          preferred_resource_id: preferredResourceId,
        })}`,
      ),
    enabled: Boolean(serviceId && /^\d{4}-\d{2}-\d{2}$/.test(date)),
    staleTime: 0,
  });
}

/** PATCH /api/reservations/:id, then refetch every reservation range and slot list. */
export function usePatchReservation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: ReservationPatchBody }) =>
      apiFetch<Reservation>(`/api/reservations/${id}`, { method: 'PATCH', body: patch }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: reservationKeys.all });
      void client.invalidateQueries({ queryKey: slotKeys.all });
    },
  });
}
