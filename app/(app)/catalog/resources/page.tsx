import type { Metadata } from 'next';
import { requireStaffSession } from '@/components/auth/session';
import { ResourcesList } from '@/components/catalog/resources/ResourcesList';

export const metadata: Metadata = { title: 'Resources · Catalog' };

export default async function ResourcesPage() {
  await requireStaffSession('/catalog/resources');
  return <ResourcesList />;
}
