'use client';

import { hashKey, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { outageOf, progressOf, type Outage } from '@/components/api/outage';

export interface CachedQuery<T> {
  data: T | undefined;
  error: unknown;
  /** No data yet and a fetch under way (or about to start). */
  isLoading: boolean;
  isError: boolean;
  /** The server cannot be reached: the read is retrying by itself (data, if any, is kept). */
  outage: Outage | null;
  refetch: () => void;
}

/**
 * A read from the app's React Query cache (same keys, staleTime, invalidateQueries) without
 * useQuery: its observer layer is ~5 KB gzip that the booking page cannot afford (the page's
 * budget is 150 KB and the framework alone is ~141 KB), while QueryClient is already loaded
 * by the root Providers. It fetches when the entry is missing, stale or invalidated.
 */
export function useCachedQuery<T>(
  queryKey: QueryKey,
  queryFn: () => Promise<T>,
  staleTime: number,
  /** false: read the cache but fetch nothing (e.g. no day chosen yet). */
  enabled = true,
): CachedQuery<T> {
  const client = useQueryClient();
  const hash = hashKey(queryKey);

  const subscribe = useCallback(
    (notify: () => void) =>
      client.getQueryCache().subscribe((event) => {
        if (event.query.queryHash === hash) notify();
      }),
    [client, hash],
  );
  const state = useSyncExternalStore(
    subscribe,
    () => client.getQueryCache().get<T>(hash)?.state,
    () => undefined,
  );

  const fetch = useCallback(
    (maxAge: number) => {
      void client.fetchQuery({ queryKey, queryFn, staleTime: maxAge }).catch(() => {
        // The error is in the cache entry's state, where the component reads it.
      });
    },
    // queryKey and queryFn are described by `hash`: a new array or closure is the same query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, hash],
  );

  // A read no longer shown stops waiting out an outage (it tries again when shown again).
  useEffect(
    () => () => {
      const query = client.getQueryCache().get(hash);
      if (query && query.state.fetchStatus !== 'idle' && query.state.fetchFailureCount > 0) {
        void query.cancel({ revert: true });
      }
    },
    [client, hash],
  );

  useEffect(() => {
    if (!enabled || state?.fetchStatus === 'fetching' || state?.status === 'error') return;
    const fresh =
      state?.status === 'success' &&
      !state.isInvalidated &&
      Date.now() - state.dataUpdatedAt < staleTime;
    if (!fresh) fetch(staleTime);
  }, [state, fetch, staleTime, enabled]);

  const idle = state?.fetchStatus !== 'fetching';
  const failed = state?.status === 'error';

  return {
    data: state?.data,
    error: state?.error,
    isLoading: enabled && state?.data === undefined && (!failed || !idle),
    isError: failed && idle,
    outage: enabled && state ? outageOf(progressOf(state)) : null,
    refetch: () => fetch(0),
  };
}

/**
 * Invalidates reads made with useCachedQuery after a write changed what they show. React Query
 * cancels a fetch under way only for queries with observers, and these have none: an answer
 * already on its way (computed before the write) would land after the invalidation, clear it,
 * and show the old times as fresh. So those fetches are dropped first, then the reads fetch again.
 */
export async function refreshCached(client: QueryClient, queryKey: QueryKey): Promise<void> {
  await client.cancelQueries({ queryKey });
  await client.invalidateQueries({ queryKey });
}
