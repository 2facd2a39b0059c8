'use client';

import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useFlash } from './useFlash';

/**
 * An editor page's passing state: whether the record was just created (`?created=1`, set by
 * the page that created it), and "Saved …" after a save, which also puts the saved record in
 * the query cache under `key`.
 */
export function useEditorStatus<T extends { name: string }>(key: QueryKey) {
  const justCreated = useSearchParams().get('created') === '1';
  const queryClient = useQueryClient();
  const [saved, flashSaved] = useFlash();
  const onSaved = (next: T) => {
    queryClient.setQueryData(key, next);
    flashSaved(`Saved ${next.name}.`);
  };
  return { justCreated, saved, onSaved };
}
