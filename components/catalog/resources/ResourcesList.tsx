'use client';

import Link from 'next/link';
import { buttonClassName, Card } from '@/components/ui';
import { EmptyState } from '../EmptyState';
import { ListSkeleton } from '../ListSkeleton';
import { LoadError } from '../LoadError';
import { useResources } from '../queries';
import type { Resource } from '../types';
import styles from '../catalog.module.css';

export const RESOURCE_TYPE_LABELS: Record<Resource['type'], string> = {
  person: 'Person',
  room: 'Room',
  equipment: 'Equipment',
  table: 'Table',
  other: 'Other',
};

export function resourceSummary(r: Resource): string {
  const parts = [RESOURCE_TYPE_LABELS[r.type] ?? r.type];
  if (r.quantity > 1) parts.push(`${r.quantity} units`);
  if (r.capacity !== null) parts.push(`holds ${r.capacity}`);
  parts.push(r.timezone.replaceAll('_', ' '));
  return parts.join(' · ');
}

/** Catalog › Resources: the people, rooms and things bookings take. */
export function ResourcesList() {
  const resources = useResources();
  const newLink = (
    <Link href="/catalog/resources/new" className={buttonClassName({ variant: 'primary' })}>
      New resource
    </Link>
  );
  return (
    <Card
      id="resources"
      title="Resources"
      description="The people, rooms, tables and equipment a booking takes, each with its weekly hours."
      actions={resources.data && resources.data.length > 0 ? newLink : undefined}
    >
      {resources.isPending ? (
        <ListSkeleton label="Loading resources" rows={4} />
      ) : resources.isError ? (
        <LoadError
          what="resources"
          error={resources.error}
          onRetry={() => void resources.refetch()}
        />
      ) : resources.data.length === 0 ? (
        <EmptyState title="No resources yet — add your first resource" action={newLink}>
          A resource is who or what a booking takes: a stylist, a room, “5 four-seat tables”.
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-label="Resources">
          {resources.data.map((r) => (
            <li key={r.id} className={styles.row}>
              <div className={styles.rowMain}>
                <span className={styles.rowTitle}>
                  <Link href={`/catalog/resources/${r.id}`} className={styles.rowTitleLink}>
                    {r.name}
                  </Link>
                  {r.is_active ? (
                    <span className={`${styles.badge} ${styles.badgeSuccess}`}>Active</span>
                  ) : (
                    <span className={styles.badge}>Inactive</span>
                  )}
                </span>
                <span className={styles.rowMeta}>{resourceSummary(r)}</span>
              </div>
              <div className={styles.rowActions}>
                <Link
                  href={`/catalog/resources/${r.id}`}
                  className={buttonClassName({ size: 'sm', variant: 'secondary' })}
                  aria-label={`Edit ${r.name} and its hours`}
                >
                  Edit &amp; hours
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
