'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { LoadError } from './LoadError';

/** A query's three states: `loading` while pending, its failure with a retry, then its data. */
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
  if (query.isPending) return loading;
  if (query.isError)
    return <LoadError what={what} error={query.error} onRetry={() => void query.refetch()} />;
  return children(query.data);
}
