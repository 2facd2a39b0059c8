import type { Metadata } from 'next';
import { requireStaffSession } from '@/components/auth/session';
import { NewBookingLink } from '@/components/catalog/booking-links/NewBookingLink';

export const metadata: Metadata = { title: 'New booking link · Catalog' };

export default async function NewBookingLinkPage() {
  const session = await requireStaffSession('/catalog/booking-links/new');
  return <NewBookingLink organizationName={session.organization.name} />;
}
