'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui';
import { FormSkeleton } from './ListSkeleton';
import { LoadError } from './LoadError';
import styles from './catalog.module.css';

/** An editor page's frame: the way back to its list, and its loading and error states. */
export function EditorFrame<T>({
  backHref,
  backLabel,
  what,
  query,
  children,
}: {
  backHref: string;
  backLabel: string;
  /** `service`, `resource`: for "Loading the service" and "this service". */
  what: string;
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const back = (
    <Link href={backHref} className={styles.backLink}>
      ← {backLabel}
    </Link>
  );
  return (
    <div className={styles.stack}>
      {back}
      {query.isPending ? (
        <Card>
          <FormSkeleton label={`Loading the ${what}`} />
        </Card>
      ) : query.isError ? (
        <LoadError what={`this ${what}`} error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        children(query.data)
      )}
    </div>
  );
}
