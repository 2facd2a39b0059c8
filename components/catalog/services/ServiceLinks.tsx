'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { apiFetch } from '@/components/api/apiFetch';
import { Card, ConfirmDialog } from '@/components/ui';
import { CardNotice } from '@/components/ui/CardNotice';
import { EmptyState } from '@/components/ui/EmptyState';
import { ListSkeleton } from '@/components/ui/ListSkeleton';
import { LoadError } from '@/components/ui/LoadError';
import { useConfirm } from '@/components/ui/useConfirm';
import { catalogKeys, useResources, useServiceLinks } from '../queries';
import type { Resource, Service, ServiceResourceLink } from '../types';
import { useFlash } from '../useFlash';
import { AddLinkForm } from './AddLinkForm';
import { LinkRow } from './LinkRow';
import styles from '../catalog.module.css';
import { LoadingOrOutage } from '@/components/ui/QueryView';

/** §5: the resources a service takes — required ones, and an optional pool of which one is picked. */
export function ServiceLinks({ service }: { service: Service }) {
  const queryClient = useQueryClient();
  const links = useServiceLinks(service.id);
  const resources = useResources();
  const [flash, showFlash] = useFlash();
  const remove = useConfirm({
    action: (link: ServiceResourceLink) =>
      apiFetch(`/api/reservation-service-resources/${link.id}`, { method: 'DELETE' }),
    onDone: () => {
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
  const groups = [
    { title: 'Required — every booking takes these', links: required },
    { title: 'Pool — each booking takes one of these', links: pool },
  ].filter((group) => group.links.length > 0);
  const removing = remove.target;
  const removingName = removing ? (byId.get(removing.resource_id)?.name ?? 'this resource') : '';

  return (
    <Card
      id="service-resources"
      title="Resources"
      description="Required resources are taken by every booking. Optional ones form a pool: each booking takes one of them (e.g. one of your stylists)."
    >
      {flash && <CardNotice tone="success">{flash}</CardNotice>}
      {links.isPending || resources.isPending ? (
        <LoadingOrOutage queries={[links, resources]}>
          <ListSkeleton label="Loading linked resources" rows={2} />
        </LoadingOrOutage>
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
          {groups.map((group) => (
            <section key={group.title}>
              <h3 className={styles.legend} style={{ fontSize: '0.9375rem' }}>
                {group.title}
              </h3>
              <ul className={styles.list}>
                {group.links.map((link) => (
                  <LinkRow
                    key={link.id}
                    link={link}
                    resource={byId.get(link.resource_id)}
                    onSaved={showFlash}
                    onRemove={() => remove.ask(link)}
                  />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}

      {links.isSuccess && resources.isSuccess && (
        <>
          <hr className={styles.divider} />
          <AddLinkForm serviceId={service.id} available={available} onAdded={showFlash} />
        </>
      )}

      <ConfirmDialog {...remove.dialog} title={`Unlink ${removingName}?`} confirmLabel="Unlink">
        New bookings of {service.name} will no longer take {removingName}. Existing reservations
        keep their allocations.
      </ConfirmDialog>
    </Card>
  );
}
