import type { Metadata } from 'next';
import { requireStaffSession } from '@/components/auth/session';
import { ResourceEditor } from '@/components/catalog/resources/ResourceEditor';

export const metadata: Metadata = { title: 'Resource · Catalog' };

export default async function ResourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireStaffSession(`/catalog/resources/${id}`);
  return <ResourceEditor id={id} />;
}
