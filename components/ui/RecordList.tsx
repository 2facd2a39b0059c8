'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import Link from 'next/link';
import { Fragment, type ReactNode } from 'react';
import { buttonClassName } from './Button';
import { Card } from './Card';
import { EmptyState } from './EmptyState';
import { ListSkeleton } from './ListSkeleton';
import { QueryView } from './QueryView';
import list from './List.module.css';

/**
 * A list page's card: a "New …" link, the list's loading and failed states, an empty state
 * inviting the first record, then a row per record (`children` renders one, e.g. RecordRow).
 */
export function RecordListCard<T extends { id: string }>({
  id,
  title,
  description,
  query,
  newHref,
  newLabel,
  skeletonRows,
  emptyTitle,
  emptyText,
  children,
}: {
  id: string;
  /** The card's heading and the list's name; in lower case, what is loading. */
  title: string;
  description: string;
  query: UseQueryResult<T[]>;
  newHref: string;
  newLabel: string;
  skeletonRows: number;
  emptyTitle: string;
  emptyText: ReactNode;
  children: (record: T) => ReactNode;
}) {
  const what = title.toLowerCase();
  const newLink = (
    <Link href={newHref} className={buttonClassName({ variant: 'primary' })}>
      {newLabel}
    </Link>
  );
  return (
    <Card
      id={id}
      title={title}
      description={description}
      actions={query.data && query.data.length > 0 ? newLink : undefined}
    >
      <QueryView
        query={query}
        what={what}
        loading={<ListSkeleton label={`Loading ${what}`} rows={skeletonRows} />}
      >
        {(records) =>
          records.length === 0 ? (
            <EmptyState title={emptyTitle} action={newLink}>
              {emptyText}
            </EmptyState>
          ) : (
            <ul className={list.list} aria-label={title}>
              {records.map((record) => (
                <Fragment key={record.id}>{children(record)}</Fragment>
              ))}
            </ul>
          )
        }
      </QueryView>
    </Card>
  );
}

/** One record in a list: its name linking to its editor, badges, a line of facts, actions. */
export function RecordRow({
  href,
  name,
  leading,
  badges,
  meta,
  actions,
  editText = 'Edit',
  editLabel = `Edit ${name}`,
}: {
  href: string;
  name: string;
  /** Before the name, e.g. a colour dot. */
  leading?: ReactNode;
  badges?: ReactNode;
  meta: ReactNode;
  /** Before the Edit link. */
  actions?: ReactNode;
  editText?: string;
  editLabel?: string;
}) {
  return (
    <li className={`${list.row} ${list.rowWraps}`}>
      {leading}
      <div className={list.rowMain}>
        <span className={list.rowTitle}>
          <Link href={href} className={list.rowTitleLink}>
            {name}
          </Link>
          {badges}
        </span>
        <span className={list.rowMeta}>{meta}</span>
      </div>
      <div className={`${list.rowActions} ${list.actionGroup}`}>
        {actions}
        <Link
          href={href}
          className={buttonClassName({ size: 'sm', variant: 'secondary' })}
          aria-label={editLabel}
        >
          {editText}
        </Link>
      </div>
    </li>
  );
}
