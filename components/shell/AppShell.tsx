import Link from 'next/link';
import type { ReactNode } from 'react';
import { BrandMark } from '@/components/auth/BrandMark';
import type { StaffSession } from '@/components/auth/session';
import { NavLinks, type NavItem } from './NavLinks';
import { UserMenu } from './UserMenu';
import styles from './AppShell.module.css';

/** The signed-in frame: organization, sections, account menu; pages render in <main>. */
export function AppShell({ session, children }: { session: StaffSession; children: ReactNode }) {
  const items: NavItem[] = [{ href: '/reservations', label: 'Reservations' }];
  if (session.user.role === 'admin')
    items.push(
      { href: '/catalog', label: 'Catalog' },
      { href: '/assistants', label: 'Assistants' },
      { href: '/settings', label: 'Settings' },
    );
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className={styles.topbar}>
        <div className={styles.bar}>
          <Link href="/reservations" className={styles.org}>
            <BrandMark size={32} />
            <span className={styles.orgText}>
              <span className={styles.orgName}>{session.organization.name}</span>
              <span className={styles.orgZone}>
                <span className="sr-only">Time zone: </span>
                {session.organization.timezone.replaceAll('_', ' ')}
              </span>
            </span>
          </Link>
          <NavLinks items={items} />
          <UserMenu name={session.user.name} email={session.user.email} role={session.user.role} />
        </div>
      </header>
      <main id="main" className={styles.main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
