'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { firstOutage, outageOf, type QueryProgress } from '@/components/api/outage';
import { LoadError } from './LoadError';
import { OutageNotice, useRetryOutagesNow } from './OutageNotice';

/**
 * A query's states: `loading` while pending, its failure with a retry, then its data. While the
 * server cannot be reached the query keeps retrying (Providers): the outage notice stands in
 * for data not loaded yet, and sits as a small banner above data already on screen.
 */
export function QueryView<T>({
  query,
  what,
  loading,
  children,
}: {
  query: UseQueryResult<T>;
  /** What failed to load: "Could not load {what}." */
  what: string;
  loading: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const outage = outageOf(query);
  const retryNow = useRetryOutagesNow();
  if (query.data === undefined) {
    if (outage) return <OutageNotice outage={outage} onRetry={retryNow} />;
    if (query.isPending) return loading;
  }
  if (query.isError && !outage)
    return <LoadError what={what} error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      {outage && <OutageNotice compact outage={outage} onRetry={retryNow} />}
      {children(query.data as T)}
    </>
  );
}

/**
 * The loading placeholder of views that lay out their own states (`isPending ? skeleton : …`):
 * the outage notice instead of it while the server cannot be reached, rather than a skeleton
 * that never ends.
 */
export function LoadingOrOutage({
  queries,
  children,
}: {
  queries: readonly QueryProgress[];
  children: ReactNode;
}) {
  const outage = firstOutage(queries);
  const retryNow = useRetryOutagesNow();
  return outage ? <OutageNotice outage={outage} onRetry={retryNow} /> : children;
}
