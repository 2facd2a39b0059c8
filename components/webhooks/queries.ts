'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, type ListResponse } from '@/components/api/apiFetch';
import type { DeliveryAttempt, WebhookRecord } from './types';

/** React Query keys and loaders of the webhooks page. */
export const webhookKeys = {
  all: ['webhooks'] as const,
  deliveries: (webhookId: string) => ['webhooks', webhookId, 'deliveries'] as const,
};

export const DELIVERIES_PAGE = 10;

export function useWebhooks() {
  return useQuery({
    queryKey: webhookKeys.all,
    queryFn: () => apiFetch<ListResponse<WebhookRecord>>('/api/webhooks?$limit=50'),
  });
}

/** An endpoint's tries, newest first, refreshed while shown (the dispatcher works in the background). */
export function useDeliveryAttempts(webhookId: string, skip: number) {
  return useQuery({
    queryKey: [...webhookKeys.deliveries(webhookId), skip],
    queryFn: () =>
      apiFetch<ListResponse<DeliveryAttempt>>(
        `/api/webhooks/${webhookId}/deliveries?$limit=${DELIVERIES_PAGE}&$skip=${skip}`,
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 4000,
  });
}
