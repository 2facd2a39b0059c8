'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import styles from '@/components/catalog/catalog.module.css';
import { AssistantForm } from './AssistantForm';
import type { ToolInfo } from './types';

export function NewAssistant({ tools }: { tools: readonly ToolInfo[] }) {
  const router = useRouter();
  return (
    <div className={styles.stack}>
      <Link href="/assistants" className={styles.backLink}>
        ← All assistants
      </Link>
      <AssistantForm
        tools={tools}
        title="New assistant"
        description="You can try its tools and connect a model once it is saved."
        onSaved={(assistant) => router.push(`/assistants/${assistant.id}?created=1`)}
      />
    </div>
  );
}
