'use client';

import Link from 'next/link';
import { EmptyState } from '@/components/catalog/EmptyState';
import { ListSkeleton } from '@/components/catalog/ListSkeleton';
import { LoadError } from '@/components/catalog/LoadError';
import styles from '@/components/catalog/catalog.module.css';
import { buttonClassName, Card } from '@/components/ui';
import { useAssistants } from './queries';

/** AI assistants: each one a set of reservation tools a language model may call. */
export function AssistantsList() {
  const assistants = useAssistants();
  const newAssistant = (
    <Link href="/assistants/new" className={buttonClassName({ variant: 'primary' })}>
      New assistant
    </Link>
  );

  return (
    <Card
      id="assistants"
      title="Assistants"
      description="Each assistant lets an AI model find, book and change reservations through the tools you enable."
      actions={assistants.data && assistants.data.length > 0 ? newAssistant : undefined}
    >
      {assistants.isPending ? (
        <ListSkeleton label="Loading assistants" rows={2} />
      ) : assistants.isError ? (
        <LoadError
          what="assistants"
          error={assistants.error}
          onRetry={() => void assistants.refetch()}
        />
      ) : assistants.data.length === 0 ? (
        <EmptyState title="No assistants yet — create your first one" action={newAssistant}>
          Give it a name and instructions, tick the tools it may use, then connect a model to it
          over MCP with an API key — or try the tools here first.
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-label="Assistants">
          {assistants.data.map((assistant) => {
            const count = assistant.internal_tools.tools.length;
            return (
              <li key={assistant.id} className={styles.row}>
                <div className={styles.rowMain}>
                  <span className={styles.rowTitle}>
                    <Link href={`/assistants/${assistant.id}`} className={styles.rowTitleLink}>
                      {assistant.name}
                    </Link>
                    {count === 0 && <span className={styles.badge}>No tools</span>}
                  </span>
                  <span className={styles.rowMeta}>
                    {count === 0
                      ? 'Tick some tools to make it useful.'
                      : `${count} tool${count === 1 ? '' : 's'}: ${assistant.internal_tools.tools.join(', ')}`}
                  </span>
                </div>
                <div className={styles.rowActions}>
                  <Link
                    href={`/assistants/${assistant.id}`}
                    className={buttonClassName({ size: 'sm', variant: 'secondary' })}
                    aria-label={`Edit ${assistant.name}`}
                  >
                    Edit
                  </Link>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
