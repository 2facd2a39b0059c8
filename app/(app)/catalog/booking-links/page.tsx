import type { Metadata } from 'next';
import { requireStaffSession } from '@/components/auth/session';
import { BookingLinksList } from '@/components/catalog/booking-links/BookingLinksList';

export const metadata: Metadata = { title: 'Booking links · Catalog' };

export default async function BookingLinksPage() {
  await requireStaffSession('/catalog/booking-links');
  return <BookingLinksList />;
}
