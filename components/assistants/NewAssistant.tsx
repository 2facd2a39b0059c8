'use client';

import { useRouter } from 'next/navigation';
import { SubPage } from '@/components/catalog/EditorFrame';
import { AssistantForm } from './AssistantForm';
import type { ToolInfo } from './types';

export function NewAssistant({ tools }: { tools: readonly ToolInfo[] }) {
  const router = useRouter();
  return (
    <SubPage backHref="/assistants" backLabel="All assistants">
      <AssistantForm
        tools={tools}
        title="New assistant"
        description="You can try its tools and connect a model once it is saved."
        onSaved={(assistant) => router.push(`/assistants/${assistant.id}?created=1`)}
      />
    </SubPage>
  );
}
