'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, type ListResponse } from '@/components/api/apiFetch';
import type { NotificationSettings } from '@/lib/notifications/schemas';
import type { NotificationDetail, NotificationRecord } from './types';

/** React Query keys and loaders of the notification settings and the Outbox. */
export const notificationKeys = {
  settings: ['notification-settings'] as const,
  outbox: ['notifications'] as const,
  message: (id: string) => ['notifications', id] as const,
};

export const OUTBOX_PAGE = 20;

export interface OutboxFilters {
  status: string;
  kind: string;
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationKeys.settings,
    queryFn: () => apiFetch<NotificationSettings>('/api/organizations/me/notifications'),
  });
}

/** A page of messages, newest first, refreshed while shown (the dispatcher works meanwhile). */
export function useOutbox(filters: OutboxFilters, skip: number) {
  const query = new URLSearchParams({ $limit: String(OUTBOX_PAGE), $skip: String(skip) });
  if (filters.status) query.set('status', filters.status);
  if (filters.kind) query.set('kind', filters.kind);
  return useQuery({
    queryKey: [...notificationKeys.outbox, filters, skip],
    queryFn: () => apiFetch<ListResponse<NotificationRecord>>(`/api/notifications?${query}`),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
  });
}

export function useOutboxMessage(id: string) {
  return useQuery({
    queryKey: notificationKeys.message(id),
    queryFn: () => apiFetch<NotificationDetail>(`/api/notifications/${id}`),
    // A scheduled or retrying message changes when the dispatcher gets to it.
    refetchInterval: (q) =>
      q.state.data && ['pending', 'retrying'].includes(q.state.data.status) ? 5000 : false,
  });
}
