'use client';

import { useQuery } from '@tanstack/react-query';
import { apiFetch, type ListResponse } from '@/components/api/apiFetch';
import type { ApiKeyRecord, StaffUser } from './types';

/** React Query keys of the settings page (one per collection). */
export const settingsKeys = {
  apiKeys: ['api-keys'] as const,
  users: ['users'] as const,
};

export function useApiKeys() {
  return useQuery({
    queryKey: settingsKeys.apiKeys,
    queryFn: () => apiFetch<ListResponse<ApiKeyRecord>>('/api/api-keys'),
  });
}

export function useStaffUsers() {
  return useQuery({
    queryKey: settingsKeys.users,
    queryFn: () => apiFetch<ListResponse<StaffUser>>('/api/users'),
  });
}
