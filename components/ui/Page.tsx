import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './Page.module.css';

export interface Crumb {
  href: string;
  label: string;
}

/**
 * A signed-in page: the pages above it (if any), its heading, a line saying what it is for,
 * its tabs if any, then its content.
 */
export function Page({
  title,
  intro,
  trail,
  tabs,
  children,
}: {
  title: string;
  intro?: ReactNode;
  trail?: Crumb[];
  tabs?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={styles.page}>
      <div className={styles.pageHeader}>
        {trail?.length ? (
          <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
            {trail.map((crumb) => (
              <span key={crumb.href}>
                <Link href={crumb.href}>{crumb.label}</Link>
                <span aria-hidden="true"> › </span>
              </span>
            ))}
          </nav>
        ) : null}
        <h1>{title}</h1>
        {intro ? <p className="muted">{intro}</p> : null}
        {tabs}
      </div>
      {children}
    </div>
  );
}
