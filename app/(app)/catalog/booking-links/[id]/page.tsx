import type { Metadata } from 'next';
import { requireStaffSession } from '@/components/auth/session';
import { BookingLinkEditor } from '@/components/catalog/booking-links/BookingLinkEditor';

export const metadata: Metadata = { title: 'Booking link · Catalog' };

export default async function BookingLinkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await requireStaffSession(`/catalog/booking-links/${id}`);
  return <BookingLinkEditor id={id} organizationName={session.organization.name} />;
}
