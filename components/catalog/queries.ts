'use client';

import { useQuery } from '@tanstack/react-query';
import { apiFetch, type ListResponse } from '@/components/api/apiFetch';
import type {
  AvailabilityRow,
  CustomField,
  CustomFieldEntity,
  Resource,
  ResourceException,
  Service,
  ServiceResourceLink,
} from './types';

/**
 * React Query keys and loaders of the catalog. The keys (and the whole-collection array
 * they hold) match the Reservations page's, so an edit here refreshes its pickers too.
 */

const PAGE = 50;

export const catalogKeys = {
  services: ['reservation-services'] as const,
  resources: ['reservation-resources'] as const,
  links: (serviceId: string) => ['reservation-service-resources', serviceId] as const,
  allLinks: ['reservation-service-resources'] as const,
  availability: (resourceId: string) => ['reservation-resource-availability', resourceId] as const,
  exceptions: (resourceId: string) => ['reservation-resource-exceptions', resourceId] as const,
  customFields: (entity: CustomFieldEntity) => ['custom-fields', entity, 'all'] as const,
  allCustomFields: ['custom-fields'] as const,
};

/** Every page of a collection (the API caps $limit at 50). */
export async function fetchAll<T>(path: string, params: Record<string, string> = {}): Promise<T[]> {
  const rows: T[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const search = new URLSearchParams({ ...params, $limit: String(PAGE), $skip: String(skip) });
    const page = await apiFetch<ListResponse<T>>(`${path}?${search}`);
    rows.push(...page.data);
    if (page.data.length < PAGE || rows.length >= page.total) return rows;
  }
}

export function useServices() {
  return useQuery({
    queryKey: catalogKeys.services,
    queryFn: () => fetchAll<Service>('/api/reservation-services'),
  });
}

export function useResources() {
  return useQuery({
    queryKey: catalogKeys.resources,
    queryFn: () => fetchAll<Resource>('/api/reservation-resources'),
  });
}

export function useService(id: string) {
  return useQuery({
    queryKey: [...catalogKeys.services, id],
    queryFn: () => apiFetch<Service>(`/api/reservation-services/${id}`),
  });
}

export function useResource(id: string) {
  return useQuery({
    queryKey: [...catalogKeys.resources, id],
    queryFn: () => apiFetch<Resource>(`/api/reservation-resources/${id}`),
  });
}

export function useServiceLinks(serviceId: string) {
  return useQuery({
    queryKey: catalogKeys.links(serviceId),
    queryFn: () =>
      fetchAll<ServiceResourceLink>('/api/reservation-service-resources', {
        service_id: serviceId,
      }),
  });
}

export function useAvailability(resourceId: string) {
  return useQuery({
    queryKey: catalogKeys.availability(resourceId),
    queryFn: () =>
      fetchAll<AvailabilityRow>('/api/reservation-resource-availability', {
        resource_id: resourceId,
      }),
  });
}

export function useExceptions(resourceId: string) {
  return useQuery({
    queryKey: catalogKeys.exceptions(resourceId),
    queryFn: () =>
      fetchAll<ResourceException>('/api/reservation-resource-exceptions', {
        resource_id: resourceId,
      }),
  });
}

export function useCustomFields(entity: CustomFieldEntity) {
  return useQuery({
    queryKey: catalogKeys.customFields(entity),
    queryFn: async () =>
      (await fetchAll<CustomField>('/api/custom-fields', { entity_type: entity })).sort(
        (a, b) => a.position - b.position,
      ),
  });
}
