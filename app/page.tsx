import { redirect } from 'next/navigation';
import { getStaffSession } from '@/components/auth/session';

/** The root has no page of its own: the app when signed in, the sign-in page otherwise. */
export default async function HomePage() {
  redirect((await getStaffSession()) ? '/reservations' : '/sign-in');
}
