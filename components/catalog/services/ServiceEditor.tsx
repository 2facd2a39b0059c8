'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { apiFetch, errorMessage } from '@/components/api/apiFetch';
import { Alert, Button, Card, ConfirmDialog } from '@/components/ui';
import { FormSkeleton } from '../ListSkeleton';
import { LoadError } from '../LoadError';
import { capacityLabel, formatMinutes, formatPrice } from '../format';
import { catalogKeys, useService } from '../queries';
import type { Service } from '../types';
import { useFlash } from '../useFlash';
import { ServiceForm } from './ServiceForm';
import { ServiceLinks } from './ServiceLinks';
import styles from '../catalog.module.css';

/** One service: its details, the resources it takes, and deleting it. */
export function ServiceEditor({ id }: { id: string }) {
  const router = useRouter();
  const justCreated = useSearchParams().get('created') === '1';
  const queryClient = useQueryClient();
  const service = useService(id);
  const [saved, flashSaved] = useFlash();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => apiFetch<Service>(`/api/reservation-services/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      // Drop it from the cached list now, so the list we go back to never shows it.
      queryClient.setQueryData<Service[]>(catalogKeys.services, (all) =>
        all?.filter((x) => x.id !== id),
      );
      void queryClient.invalidateQueries({ queryKey: catalogKeys.services });
      router.push('/catalog/services');
    },
  });

  const back = (
    <Link href="/catalog/services" className={styles.backLink}>
      ← All services
    </Link>
  );

  if (service.isPending)
    return (
      <div className={styles.stack}>
        {back}
        <Card>
          <FormSkeleton label="Loading the service" />
        </Card>
      </div>
    );
  if (service.isError)
    return (
      <div className={styles.stack}>
        {back}
        <LoadError
          what="this service"
          error={service.error}
          onRetry={() => void service.refetch()}
        />
      </div>
    );

  const s = service.data;
  return (
    <div className={styles.stack}>
      {back}
      <div className={styles.editorHeader}>
        <span
          className={styles.dot}
          style={s.color ? { background: s.color, width: 16, height: 16 } : undefined}
          aria-hidden="true"
        />
        <h2>{s.name}</h2>
        {s.is_active ? (
          <span className={`${styles.badge} ${styles.badgeSuccess}`}>Active</span>
        ) : (
          <span className={styles.badge}>Inactive</span>
        )}
        <span className="muted" style={{ flexBasis: '100%' }}>
          {formatMinutes(s.duration_minutes)} · {formatPrice(s.price_amount, s.currency)} ·{' '}
          {capacityLabel(s)}
        </span>
      </div>
      {justCreated && (
        <Alert tone="success" title={`${s.name} was created.`}>
          Next, link the resources it needs below: without any, it has no bookable times.
        </Alert>
      )}

      <ServiceLinks service={s} />

      <Card id="service-details" title="Details">
        {saved && (
          <div style={{ marginBottom: 'var(--space-2)' }}>
            <Alert tone="success">{saved}</Alert>
          </div>
        )}
        <ServiceForm
          key={s.id}
          service={s}
          onSaved={(next) => {
            queryClient.setQueryData([...catalogKeys.services, id], next);
            flashSaved(`Saved ${next.name}.`);
          }}
        />
      </Card>

      <Card title="Delete this service">
        <div className={styles.dangerZone}>
          <p className="muted" style={{ flex: '1 1 280px' }}>
            Past reservations keep their history. A service with upcoming reservations cannot be
            deleted: deactivate it instead so it takes no new bookings.
          </p>
          <Button
            variant="danger"
            onClick={() => {
              remove.reset();
              setConfirming(true);
            }}
          >
            Delete service
          </Button>
        </div>
      </Card>

      <ConfirmDialog
        open={confirming}
        title={`Delete “${s.name}”?`}
        confirmLabel="Delete service"
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={() => remove.mutate()}
      >
        It disappears from the booking pages and the reservations calendar, with its resource links.
        This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
