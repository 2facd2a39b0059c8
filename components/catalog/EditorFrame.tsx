'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui';
import { FormSkeleton } from '@/components/ui/ListSkeleton';
import { QueryView } from '@/components/ui/QueryView';
import styles from './catalog.module.css';

/** A page under a list (a new record, one record): the way back to the list, then the page. */
export function SubPage({
  backHref,
  backLabel,
  children,
}: {
  backHref: string;
  backLabel: string;
  children: ReactNode;
}) {
  return (
    <div className={styles.stack}>
      <Link href={backHref} className={styles.backLink}>
        ← {backLabel}
      </Link>
      {children}
    </div>
  );
}

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
  return (
    <SubPage backHref={backHref} backLabel={backLabel}>
      <QueryView
        query={query}
        what={`this ${what}`}
        loading={
          <Card>
            <FormSkeleton label={`Loading the ${what}`} />
          </Card>
        }
      >
        {children}
      </QueryView>
    </SubPage>
  );
}
