import type { Metadata } from 'next';
import { requireStaffSession } from '@/components/auth/session';
import { NewResource } from '@/components/catalog/resources/NewResource';

export const metadata: Metadata = { title: 'New resource · Catalog' };

export default async function NewResourcePage() {
  const { organization } = await requireStaffSession('/catalog/resources/new');
  return <NewResource defaultTimeZone={organization.timezone} />;
}
