import type { Metadata } from 'next';
import { requireStaffSession } from '@/components/auth/session';
import { ReservationsView } from '@/components/reservations/ReservationsView';

export const metadata: Metadata = { title: 'Reservations' };

export default async function ReservationsPage() {
  const { organization } = await requireStaffSession('/reservations');
  return (
    <ReservationsView
      organization={{
        id: organization.id,
        name: organization.name,
        timezone: organization.timezone,
      }}
    />
  );
}
