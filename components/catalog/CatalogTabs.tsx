'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
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
  const currentRef = useRef<HTMLAnchorElement>(null);
  // On a phone the tab strip scrolls sideways: keep the current section in view.
  useEffect(() => {
    currentRef.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
  return (
    <nav className={styles.tabs} aria-label="Catalog sections">
      {TABS.map((tab) => {
        const current = pathname === tab.href || pathname.startsWith(`${tab.href}/`);
        return (
          <Link
            key={tab.href}
            ref={current ? currentRef : undefined}
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
