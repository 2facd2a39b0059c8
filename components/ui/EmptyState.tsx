import type { ReactNode } from 'react';
import list from './List.module.css';

/** What an empty list looks like: what is missing, and what to do next. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className={list.empty}>
      <p className={list.emptyTitle}>{title}</p>
      {children && <p>{children}</p>}
      {action && <div className={list.emptyAction}>{action}</div>}
    </div>
  );
}
