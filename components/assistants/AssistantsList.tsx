'use client';

import styles from '@/components/catalog/catalog.module.css';
import { RecordListCard, RecordRow } from '@/components/ui/RecordList';
import { useAssistants } from './queries';

/** AI assistants: each one a set of reservation tools a language model may call. */
export function AssistantsList() {
  const assistants = useAssistants();
  return (
    <RecordListCard
      id="assistants"
      title="Assistants"
      description="Each assistant lets an AI model find, book and change reservations through the tools you enable."
      query={assistants}
      newHref="/assistants/new"
      newLabel="New assistant"
      skeletonRows={2}
      emptyTitle="No assistants yet — create your first one"
      emptyText="Give it a name and instructions, tick the tools it may use, then connect a model to it over MCP with an API key — or try the tools here first."
    >
      {(assistant) => {
        const count = assistant.internal_tools.tools.length;
        return (
          <RecordRow
            href={`/assistants/${assistant.id}`}
            name={assistant.name}
            badges={count === 0 && <span className={styles.badge}>No tools</span>}
            meta={
              count === 0
                ? 'Tick some tools to make it useful.'
                : `${count} tool${count === 1 ? '' : 's'}: ${assistant.internal_tools.tools.join(', ')}`
            }
          />
        );
      }}
    </RecordListCard>
  );
}
