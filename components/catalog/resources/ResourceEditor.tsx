'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { apiFetch, errorMessage } from '@/components/api/apiFetch';
import { Alert, Button, Card, ConfirmDialog } from '@/components/ui';
import { FormSkeleton } from '../ListSkeleton';
import { LoadError } from '../LoadError';
import { catalogKeys, useResource } from '../queries';
import type { Resource } from '../types';
import { useFlash } from '../useFlash';
import { ExceptionsSection } from './ExceptionsSection';
import { ResourceForm } from './ResourceForm';
import { resourceSummary } from './ResourcesList';
import { WeekGrid } from './WeekGrid';
import styles from '../catalog.module.css';

/** One resource: weekly hours, exceptions, details, and deleting it. */
export function ResourceEditor({ id }: { id: string }) {
  const router = useRouter();
  const justCreated = useSearchParams().get('created') === '1';
  const queryClient = useQueryClient();
  const resource = useResource(id);
  const [saved, flashSaved] = useFlash();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => apiFetch<Resource>(`/api/reservation-resources/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      // Drop it from the cached list now, so the list we go back to never shows it.
      queryClient.setQueryData<Resource[]>(catalogKeys.resources, (all) =>
        all?.filter((x) => x.id !== id),
      );
      void queryClient.invalidateQueries({ queryKey: catalogKeys.resources });
      void queryClient.invalidateQueries({ queryKey: catalogKeys.allLinks });
      router.push('/catalog/resources');
    },
  });

  const back = (
    <Link href="/catalog/resources" className={styles.backLink}>
      ← All resources
    </Link>
  );
  if (resource.isPending)
    return (
      <div className={styles.stack}>
        {back}
        <Card>
          <FormSkeleton label="Loading the resource" />
        </Card>
      </div>
    );
  if (resource.isError)
    return (
      <div className={styles.stack}>
        {back}
        <LoadError
          what="this resource"
          error={resource.error}
          onRetry={() => void resource.refetch()}
        />
      </div>
    );

  const r = resource.data;
  return (
    <div className={styles.stack}>
      {back}
      <div className={styles.editorHeader}>
        <h2>{r.name}</h2>
        {r.is_active ? (
          <span className={`${styles.badge} ${styles.badgeSuccess}`}>Active</span>
        ) : (
          <span className={styles.badge}>Inactive</span>
        )}
        <span className="muted" style={{ flexBasis: '100%' }}>
          {resourceSummary(r)}
        </span>
      </div>
      {justCreated && (
        <Alert tone="success" title={`${r.name} was created.`}>
          Set its weekly hours below, then link it to the services that need it.
        </Alert>
      )}

      <WeekGrid resource={r} />
      <ExceptionsSection resource={r} />

      <Card id="resource-details" title="Details">
        {saved && (
          <div style={{ marginBottom: 'var(--space-2)' }}>
            <Alert tone="success">{saved}</Alert>
          </div>
        )}
        <ResourceForm
          key={r.id}
          resource={r}
          defaultTimeZone={r.timezone}
          onSaved={(next) => {
            queryClient.setQueryData([...catalogKeys.resources, id], next);
            flashSaved(`Saved ${next.name}.`);
          }}
        />
      </Card>

      <Card title="Delete this resource">
        <div className={styles.dangerZone}>
          <p className="muted" style={{ flex: '1 1 280px' }}>
            Its hours, exceptions and service links go with it. A resource with upcoming
            reservations cannot be deleted: deactivate it instead.
          </p>
          <Button
            variant="danger"
            onClick={() => {
              remove.reset();
              setConfirming(true);
            }}
          >
            Delete resource
          </Button>
        </div>
      </Card>

      <ConfirmDialog
        open={confirming}
        title={`Delete “${r.name}”?`}
        confirmLabel="Delete resource"
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={() => remove.mutate()}
      >
        Services that take it will no longer be bookable with it. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
