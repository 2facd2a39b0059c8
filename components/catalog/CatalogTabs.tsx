'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './catalog.module.css';

const TABS = [
  { href: '/catalog/services', label: 'Services' },
  { href: '/catalog/resources', label: 'Resources' },
  { href: '/catalog/custom-fields', label: 'Custom fields' },
  { href: '/catalog/booking-links', label: 'Booking links' },
] as const;

/** The catalog's sections; the current one (or its editor) is marked as the page. */
export function CatalogTabs() {
  const pathname = usePathname();
  return (
    <nav className={styles.tabs} aria-label="Catalog sections">
      {TABS.map((tab) => {
        const current = pathname === tab.href || pathname.startsWith(`${tab.href}/`);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            className={styles.tab}
            aria-current={current ? 'page' : undefined}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
