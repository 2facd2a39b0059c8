'use client';

import { useRouter } from 'next/navigation';
import { SubPage } from '../EditorFrame';
import { BookingLinkForm } from './BookingLinkForm';

export function NewBookingLink({ organizationName }: { organizationName: string }) {
  const router = useRouter();
  return (
    <SubPage backHref="/catalog/booking-links" backLabel="All booking links">
      <BookingLinkForm
        organizationName={organizationName}
        title="New booking link"
        description="A public page where customers book the services you choose."
        onSaved={(link) => router.push(`/catalog/booking-links/${link.id}?created=1`)}
      />
    </SubPage>
  );
}
