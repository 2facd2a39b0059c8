import type { Metadata } from 'next';
import { requireStaffSession } from '@/components/auth/session';
import { CustomFieldsSection } from '@/components/catalog/custom-fields/CustomFieldsSection';

export const metadata: Metadata = { title: 'Custom fields · Catalog' };

export default async function CustomFieldsPage() {
  await requireStaffSession('/catalog/custom-fields');
  return (
    <>
      <CustomFieldsSection entity="reservation" />
      <CustomFieldsSection entity="contact" />
    </>
  );
}
