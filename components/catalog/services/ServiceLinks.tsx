'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { apiFetch, errorMessage } from '@/components/api/apiFetch';
import { Alert, Card, ConfirmDialog } from '@/components/ui';
import { EmptyState } from '../EmptyState';
import { ListSkeleton } from '../ListSkeleton';
import { LoadError } from '../LoadError';
import { catalogKeys, useResources, useServiceLinks } from '../queries';
import type { Resource, Service, ServiceResourceLink } from '../types';
import { useFlash } from '../useFlash';
import { AddLinkForm } from './AddLinkForm';
import { LinkRow } from './LinkRow';
import styles from '../catalog.module.css';

/** §5: the resources a service takes — required ones, and an optional pool of which one is picked. */
export function ServiceLinks({ service }: { service: Service }) {
  const queryClient = useQueryClient();
  const links = useServiceLinks(service.id);
  const resources = useResources();
  const [flash, showFlash] = useFlash();
  const [removing, setRemoving] = useState<ServiceResourceLink | null>(null);
  const remove = useMutation({
    mutationFn: (link: ServiceResourceLink) =>
      apiFetch(`/api/reservation-service-resources/${link.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      setRemoving(null);
      showFlash('Link removed.');
      void queryClient.invalidateQueries({ queryKey: catalogKeys.links(service.id) });
    },
  });

  const byId = new Map<string, Resource>((resources.data ?? []).map((r) => [r.id, r]));
  const rows = links.data ?? [];
  const required = rows.filter((l) => l.is_required);
  const pool = rows.filter((l) => !l.is_required);
  const linkedIds = new Set(rows.map((l) => l.resource_id));
  const available = (resources.data ?? []).filter((r) => !linkedIds.has(r.id));
  const removingName = removing ? (byId.get(removing.resource_id)?.name ?? 'this resource') : '';

  return (
    <Card
      id="service-resources"
      title="Resources"
      description="Required resources are taken by every booking. Optional ones form a pool: each booking takes one of them (e.g. one of your stylists)."
    >
      {flash && (
        <div style={{ marginBottom: 'var(--space-2)' }}>
          <Alert tone="success">{flash}</Alert>
        </div>
      )}
      {links.isPending || resources.isPending ? (
        <ListSkeleton label="Loading linked resources" rows={2} />
      ) : links.isError || resources.isError ? (
        <LoadError
          what="the linked resources"
          error={links.error ?? resources.error}
          onRetry={() => {
            void links.refetch();
            void resources.refetch();
          }}
        />
      ) : rows.length === 0 ? (
        <EmptyState title="No resources linked — this service has no bookable times yet">
          {resources.data.length === 0 ? (
            <>
              First <Link href="/catalog/resources/new">add a resource</Link> (a person, room or
              table), then link it here.
            </>
          ) : (
            'Link the people, rooms or equipment a booking needs below.'
          )}
        </EmptyState>
      ) : (
        <div className={styles.stack} style={{ gap: 'var(--space-2)' }}>
          {required.length > 0 && (
            <LinkGroup title="Required — every booking takes these">
              {required.map((link) => (
                <LinkRow
                  key={link.id}
                  link={link}
                  resource={byId.get(link.resource_id)}
                  onSaved={showFlash}
                  onRemove={() => {
                    remove.reset();
                    setRemoving(link);
                  }}
                />
              ))}
            </LinkGroup>
          )}
          {pool.length > 0 && (
            <LinkGroup title="Pool — each booking takes one of these">
              {pool.map((link) => (
                <LinkRow
                  key={link.id}
                  link={link}
                  resource={byId.get(link.resource_id)}
                  onSaved={showFlash}
                  onRemove={() => {
                    remove.reset();
                    setRemoving(link);
                  }}
                />
              ))}
            </LinkGroup>
          )}
        </div>
      )}

      {links.isSuccess && resources.isSuccess && (
        <>
          <hr className={styles.divider} />
          <AddLinkForm serviceId={service.id} available={available} onAdded={showFlash} />
        </>
      )}

      <ConfirmDialog
        open={removing !== null}
        title={`Unlink ${removingName}?`}
        confirmLabel="Unlink"
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing)}
      >
        New bookings of {service.name} will no longer take {removingName}. Existing reservations
        keep their allocations.
      </ConfirmDialog>
    </Card>
  );
}

function LinkGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h3 className={styles.legend} style={{ fontSize: '0.9375rem' }}>
        {title}
      </h3>
      <ul className={styles.list}>{children}</ul>
    </section>
  );
}
