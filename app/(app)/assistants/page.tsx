import type { Metadata } from 'next';
import { AssistantsList } from '@/components/assistants/AssistantsList';
import { requireStaffSession } from '@/components/auth/session';

export const metadata: Metadata = { title: 'AI assistants' };

export default async function AssistantsPage() {
  await requireStaffSession('/assistants');
  return <AssistantsList />;
}
