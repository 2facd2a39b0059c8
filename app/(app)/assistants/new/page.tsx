import type { Metadata } from 'next';
import { NewAssistant } from '@/components/assistants/NewAssistant';
import { requireStaffSession } from '@/components/auth/session';
import { describeTools } from '@/lib/ai/registry';

export const metadata: Metadata = { title: 'New assistant · AI assistants' };

export default async function NewAssistantPage() {
  const { organization } = await requireStaffSession('/assistants/new');
  // The tool catalog is code, not data: described here, on the server, from the registry.
  return <NewAssistant tools={describeTools(organization)} />;
}
