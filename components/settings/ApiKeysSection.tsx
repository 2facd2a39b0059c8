'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '@/components/api/apiFetch';
import { Button, Card, ConfirmDialog } from '@/components/ui';
import { EmptyState } from '@/components/ui/EmptyState';
import { ListSkeleton } from '@/components/ui/ListSkeleton';
import { QueryView } from '@/components/ui/QueryView';
import { useConfirm } from '@/components/ui/useConfirm';
import { CreateApiKeyForm } from './CreateApiKeyForm';
import { formatDateTime } from './formatDate';
import { NewKeyNotice } from './NewKeyNotice';
import { settingsKeys, useApiKeys } from './queries';
import type { ApiKeyRecord, CreatedApiKey } from './types';
import styles from './settings.module.css';

/** Settings › API keys: create (shown once), list by prefix, revoke. */
export function ApiKeysSection({ timeZone }: { timeZone: string }) {
  const queryClient = useQueryClient();
  const keys = useApiKeys();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const revoke = useConfirm({
    action: (key: ApiKeyRecord) =>
      apiFetch<ApiKeyRecord>(`/api/api-keys/${key.id}`, { method: 'DELETE' }),
    onDone: (key) => {
      if (created?.id === key.id) setCreated(null);
      void queryClient.invalidateQueries({ queryKey: settingsKeys.apiKeys });
    },
  });

  return (
    <Card
      id="api-keys"
      aria-labelledby="api-keys-title"
      title="API keys"
      description="Apps and websites use a key to read and create reservations for this organization. A key acts as an admin: keep it secret."
    >
      {created && <NewKeyNotice apiKey={created} onDismiss={() => setCreated(null)} />}

      <QueryView
        query={keys}
        what="API keys"
        loading={<ListSkeleton rows={2} label="Loading API keys" />}
      >
        {({ data }) =>
          data.length === 0 ? (
            <EmptyState title="No API keys yet">
              Create one below to connect your website or another app.
            </EmptyState>
          ) : (
            <ul className={styles.list} aria-label="Active API keys">
              {data.map((key) => (
                <li key={key.id} className={styles.row}>
                  <div className={styles.rowMain}>
                    <span className={styles.rowTitle}>
                      {key.name}
                      <code
                        className={styles.prefix}
                        aria-label={`Key starting with ${key.prefix}`}
                      >
                        {key.prefix}…
                      </code>
                    </span>
                    <span className={styles.rowMeta}>
                      Created {formatDateTime(key.created_at, timeZone)}
                      {' · '}
                      {key.last_used_at
                        ? `Last used ${formatDateTime(key.last_used_at, timeZone)}`
                        : 'Never used'}
                    </span>
                  </div>
                  <div className={styles.rowActions}>
                    <Button
                      size="sm"
                      variant="dangerGhost"
                      onClick={() => revoke.ask(key)}
                      aria-label={`Revoke ${key.name}`}
                    >
                      Revoke
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>

      <hr className={styles.divider} />
      <CreateApiKeyForm onCreated={setCreated} />

      <ConfirmDialog
        {...revoke.dialog}
        title={`Revoke “${revoke.target?.name ?? 'this key'}”?`}
        confirmLabel="Revoke key"
      >
        Apps using the key starting with <code>{revoke.target?.prefix}</code> will stop working at
        once. This cannot be undone.
      </ConfirmDialog>
    </Card>
  );
}
