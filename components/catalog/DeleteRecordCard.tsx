'use client';

import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { apiFetch, errorMessage } from '@/components/api/apiFetch';
import { Button, Card, ConfirmDialog } from '@/components/ui';
import styles from './catalog.module.css';

/**
 * "Delete this …": the danger card, its confirmation and the DELETE call. On success the
 * record leaves the cached list at once (the list we go back to never shows it), the given
 * queries refetch, and we go back to the list. A 409 `in_use` shows in the dialog.
 */
export function DeleteRecordCard({
  what,
  name,
  apiPath,
  listKey,
  alsoInvalidate = [],
  backHref,
  explanation,
  consequence,
}: {
  what: string;
  name: string;
  apiPath: string;
  listKey: QueryKey;
  alsoInvalidate?: QueryKey[];
  backHref: string;
  explanation: ReactNode;
  consequence: ReactNode;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => apiFetch<{ id: string }>(apiPath, { method: 'DELETE' }),
    onSuccess: (removed) => {
      queryClient.setQueryData<{ id: string }[]>(listKey, (all) =>
        all?.filter((x) => x.id !== removed.id),
      );
      for (const key of [listKey, ...alsoInvalidate]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
      router.push(backHref);
    },
  });
  const label = `Delete ${what}`;
  return (
    <>
      <Card title={`Delete this ${what}`}>
        <div className={styles.dangerZone}>
          <p className="muted" style={{ flex: '1 1 280px' }}>
            {explanation}
          </p>
          <Button
            variant="danger"
            onClick={() => {
              remove.reset();
              setConfirming(true);
            }}
          >
            {label}
          </Button>
        </div>
      </Card>
      <ConfirmDialog
        open={confirming}
        title={`Delete “${name}”?`}
        confirmLabel={label}
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={() => remove.mutate()}
      >
        {consequence}
      </ConfirmDialog>
    </>
  );
}
