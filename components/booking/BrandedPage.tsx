import type { ReactNode } from 'react';
import { brandStyle } from './theme';
import styles from './BrandedPage.module.css';

export interface Branding {
  title: string;
  organizationName: string;
  description?: string | null;
  logoUrl?: string | null;
  coverUrl?: string | null;
  primaryColor?: string | null;
}

function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  return (
    words.length > 1 ? words[0]![0]! + words[1]![0]! : (words[0] ?? '?').slice(0, 2)
  ).toUpperCase();
}

/**
 * The business's shop window around the booking flow: cover, logo, title, description, in the
 * link's colour. A server component, so the first paint already carries the brand.
 */
export function BrandedPage({ branding, children }: { branding: Branding; children: ReactNode }) {
  const { title, organizationName, description, logoUrl, coverUrl, primaryColor } = branding;
  return (
    <div className={styles.page} style={brandStyle(primaryColor)}>
      <a className="skip-link" href="#booking">
        Skip to booking
      </a>
      <header className={styles.header}>
        <div className={coverUrl ? styles.cover : styles.band}>
          {coverUrl && (
            // Business-supplied images from any https host: next/image would need each host
            // configured, and a plain <img> with a fixed box gives no layout shift either.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={coverUrl} alt="" className={styles.coverImage} />
          )}
        </div>
        <div className={styles.identity}>
          {logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={logoUrl}
              alt={`${organizationName} logo`}
              width={72}
              height={72}
              className={styles.logo}
            />
          ) : (
            <span className={`${styles.logo} ${styles.monogram}`} aria-hidden="true">
              {initials(organizationName)}
            </span>
          )}
          <div className={styles.titles}>
            <h1 className={styles.title}>{title}</h1>
            {title !== organizationName && <p className={styles.org}>{organizationName}</p>}
          </div>
        </div>
        {description && <p className={styles.description}>{description}</p>}
      </header>
      <main id="booking" className={styles.main} tabIndex={-1}>
        {children}
      </main>
      <footer className={styles.footer}>
        <span>{organizationName}</span>
        <span aria-hidden="true">·</span>
        <span>Online booking by Reservations</span>
      </footer>
    </div>
  );
}
