'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch, errorMessage, type ListResponse } from '@/components/api/apiFetch';
import { Alert, Button, Card, ConfirmDialog } from '@/components/ui';
import { CreateApiKeyForm } from './CreateApiKeyForm';
import { formatDateTime } from './formatDate';
import { ListSkeleton } from './ListSkeleton';
import { NewKeyNotice } from './NewKeyNotice';
import type { ApiKeyRecord, CreatedApiKey } from './types';
import styles from './settings.module.css';

/** Settings › API keys: create (shown once), list by prefix, revoke. */
export function ApiKeysSection({ timeZone }: { timeZone: string }) {
  const queryClient = useQueryClient();
  const keys = useQuery({
    queryKey: ['api-keys'],
    queryFn: () => apiFetch<ListResponse<ApiKeyRecord>>('/api/api-keys'),
  });
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyRecord | null>(null);
  const revoke = useMutation({
    mutationFn: (key: ApiKeyRecord) =>
      apiFetch<ApiKeyRecord>(`/api/api-keys/${key.id}`, { method: 'DELETE' }),
    onSuccess: (key) => {
      setRevoking(null);
      if (created?.id === key.id) setCreated(null);
      void queryClient.invalidateQueries({ queryKey: ['api-keys'] });
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

      {keys.isPending ? (
        <ListSkeleton rows={2} label="Loading API keys" />
      ) : keys.isError ? (
        <Alert tone="error" title="Could not load API keys.">
          {errorMessage(keys.error)}{' '}
          <Button size="sm" variant="secondary" onClick={() => void keys.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : keys.data.data.length === 0 ? (
        <div className={styles.empty}>
          <p className={styles.emptyTitle}>No API keys yet</p>
          <p>Create one below to connect your website or another app.</p>
        </div>
      ) : (
        <ul className={styles.list} aria-label="Active API keys">
          {keys.data.data.map((key) => (
            <li key={key.id} className={styles.row}>
              <div className={styles.rowMain}>
                <span className={styles.rowTitle}>
                  {key.name}
                  <code className={styles.prefix} aria-label={`Key starting with ${key.prefix}`}>
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
                  onClick={() => {
                    revoke.reset();
                    setRevoking(key);
                  }}
                  aria-label={`Revoke ${key.name}`}
                >
                  Revoke
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}

      <hr className={styles.divider} />
      <CreateApiKeyForm onCreated={setCreated} />

      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? 'this key'}”?`}
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        error={revoke.isError ? errorMessage(revoke.error) : null}
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking)}
      >
        Apps using the key starting with <code>{revoking?.prefix}</code> will stop working at once.
        This cannot be undone.
      </ConfirmDialog>
    </Card>
  );
}
