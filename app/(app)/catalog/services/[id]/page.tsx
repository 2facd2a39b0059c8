import type { Metadata } from 'next';
import { requireStaffSession } from '@/components/auth/session';
import { ServiceEditor } from '@/components/catalog/services/ServiceEditor';

export const metadata: Metadata = { title: 'Service · Catalog' };

export default async function ServicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireStaffSession(`/catalog/services/${id}`);
  return <ServiceEditor id={id} />;
}
