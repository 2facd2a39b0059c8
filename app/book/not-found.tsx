import type { Metadata } from 'next';
import styles from '@/components/booking/NotFound.module.css';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

/** An unknown or switched-off booking link, or a manage link that names no booking. */
export default function BookingNotFound() {
  return (
    <main className={styles.page}>
      <section className={styles.box}>
        <span className={styles.icon} aria-hidden="true">
          ?
        </span>
        <h1>This page isn’t available</h1>
        <p>
          The link may be mistyped, or online booking may have been switched off. If a business gave
          you this link, please ask them for a new one.
        </p>
      </section>
    </main>
  );
}
