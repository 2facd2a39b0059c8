import type { ReactNode } from 'react';
import styles from './Page.module.css';

/** A signed-in page: its heading, a line saying what it is for, its tabs if any, then its content. */
export function Page({
  title,
  intro,
  tabs,
  children,
}: {
  title: string;
  intro: ReactNode;
  tabs?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={styles.page}>
      <div className={styles.pageHeader}>
        <h1>{title}</h1>
        <p className="muted">{intro}</p>
        {tabs}
      </div>
      {children}
    </div>
  );
}
