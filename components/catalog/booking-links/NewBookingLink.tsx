'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { BookingLinkForm } from './BookingLinkForm';
import styles from '../catalog.module.css';

export function NewBookingLink({ organizationName }: { organizationName: string }) {
  const router = useRouter();
  return (
    <div className={styles.stack}>
      <Link href="/catalog/booking-links" className={styles.backLink}>
        ← All booking links
      </Link>
      <BookingLinkForm
        organizationName={organizationName}
        title="New booking link"
        description="A public page where customers book the services you choose."
        onSaved={(link) => router.push(`/catalog/booking-links/${link.id}?created=1`)}
      />
    </div>
  );
}
