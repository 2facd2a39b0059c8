import type { Metadata } from 'next';
import { requireStaffSession } from '@/components/auth/session';
import { NewService } from '@/components/catalog/services/NewService';

export const metadata: Metadata = { title: 'New service · Catalog' };

export default async function NewServicePage() {
  await requireStaffSession('/catalog/services/new');
  return <NewService />;
}
