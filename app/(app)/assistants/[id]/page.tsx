import type { Metadata } from 'next';
import { AssistantEditor } from '@/components/assistants/AssistantEditor';
import { requireStaffSession } from '@/components/auth/session';
import { describeTools } from '@/lib/ai/registry';

export const metadata: Metadata = { title: 'Assistant · AI assistants' };

export default async function AssistantPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { organization } = await requireStaffSession(`/assistants/${id}`);
  return (
    <AssistantEditor id={id} tools={describeTools(organization)} timezone={organization.timezone} />
  );
}
