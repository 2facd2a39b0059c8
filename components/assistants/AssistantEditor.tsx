'use client';

import { DeleteRecordCard } from '@/components/catalog/DeleteRecordCard';
import { EditorFrame } from '@/components/catalog/EditorFrame';
import { useEditorStatus } from '@/components/catalog/useEditorStatus';
import styles from '@/components/catalog/catalog.module.css';
import { Alert } from '@/components/ui';
import { AssistantForm } from './AssistantForm';
import { ConnectCard } from './ConnectCard';
import { assistantKeys, useAssistant } from './queries';
import { TryItPanel } from './TryItPanel';
import type { Assistant, ToolInfo } from './types';

/** One assistant: its settings and tools, a Try it panel, how to connect, and deleting it. */
export function AssistantEditor({
  id,
  tools,
  timezone,
}: {
  id: string;
  tools: readonly ToolInfo[];
  timezone: string;
}) {
  const assistant = useAssistant(id);
  const { justCreated, saved, onSaved } = useEditorStatus<Assistant>(assistantKeys.one(id));

  return (
    <EditorFrame
      backHref="/assistants"
      backLabel="All assistants"
      what="assistant"
      query={assistant}
    >
      {(a) => (
        <>
          <div className={styles.editorHeader}>
            <h2>{a.name}</h2>
            <span className={styles.badge}>
              {a.internal_tools.tools.length} tool{a.internal_tools.tools.length === 1 ? '' : 's'}
            </span>
          </div>
          {justCreated && (
            <Alert tone="success" title={`${a.name} was created.`}>
              Try its tools below, then connect a model with an API key.
            </Alert>
          )}
          <AssistantForm
            key={a.id}
            assistant={a}
            tools={tools}
            title="Settings"
            flash={saved}
            onSaved={onSaved}
          />
          <TryItPanel assistantId={a.id} timezone={timezone} />
          <ConnectCard assistantId={a.id} />
          <DeleteRecordCard
            what="assistant"
            name={a.name}
            apiPath={`/api/ai-assistants/${id}`}
            listKey={assistantKeys.all}
            backHref="/assistants"
            explanation="Reservations it made stay as they are. To stop a model using it for a while, untick its tools instead."
            consequence="Models connected to it lose access at once, and its history entries show no name. This cannot be undone."
          />
        </>
      )}
    </EditorFrame>
  );
}
