'use client';

import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/apiFetch';
import { fetchAll } from '@/components/catalog/queries';
import type { Assistant, ToolInfo } from './types';

/** React Query keys and loaders of the assistants pages (one key per collection). */

export const assistantKeys = {
  all: ['ai-assistants'] as const,
  one: (id: string) => ['ai-assistants', id] as const,
  // Under the assistant's key, so saving it refreshes the Try it panel's tools.
  tools: (id: string) => ['ai-assistants', id, 'tools'] as const,
};

export function useAssistants() {
  return useQuery({
    queryKey: assistantKeys.all,
    queryFn: () => fetchAll<Assistant>('/api/ai-assistants'),
  });
}

export function useAssistant(id: string) {
  return useQuery({
    queryKey: assistantKeys.one(id),
    queryFn: () => apiFetch<Assistant>(`/api/ai-assistants/${id}`),
  });
}

/** The saved, enabled tools: what `/tool-calls` and MCP will run. */
export function useAssistantTools(id: string) {
  return useQuery({
    queryKey: assistantKeys.tools(id),
    queryFn: async () =>
      (await apiFetch<{ tools: ToolInfo[] }>(`/api/ai-assistants/${id}/tools`)).tools,
  });
}
