import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { randomUUID } from 'node:crypto';
import { cache } from 'react';
import { BrandedPage } from '@/components/booking/BrandedPage';
import { ManageBooking } from '@/components/booking/ManageBooking';
import { getDb } from '@/db/client';
import { getManagedReservation } from '@/lib/booking-links/manage';
import { AppError } from '@/lib/http/errors';

interface Props {
  params: Promise<{ token: string }>;
}

const loadBooking = cache(async (token: string) => {
  await connection();
  try {
    return await getManagedReservation(
      { db: await getDb(), requestId: randomUUID(), now: new Date() },
      token,
    );
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const booking = await loadBooking((await params).token);
  return {
    title: { absolute: `Your booking · ${booking.organization.name}` },
    // The address is the customer's key to the booking: keep it out of indexes and referrers.
    robots: { index: false, follow: false },
    referrer: 'same-origin',
  };
}

export default async function ManageBookingPage({ params }: Props) {
  const { token } = await params;
  const booking = await loadBooking(token);
  const link = booking.booking_link;
  return (
    <BrandedPage
      branding={{
        title: link?.title ?? booking.organization.name,
        organizationName: booking.organization.name,
        description: link?.description,
        logoUrl: link?.logo_url,
        coverUrl: link?.cover_url,
        primaryColor: link?.primary_color,
      }}
    >
      <ManageBooking token={token} initial={booking} />
    </BrandedPage>
  );
}
