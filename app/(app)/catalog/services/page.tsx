import type { Metadata } from 'next';
import { requireStaffSession } from '@/components/auth/session';
import { ServicesList } from '@/components/catalog/services/ServicesList';

export const metadata: Metadata = { title: 'Services · Catalog' };

export default async function ServicesPage() {
  await requireStaffSession('/catalog/services');
  return <ServicesList />;
}
