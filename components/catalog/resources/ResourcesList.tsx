'use client';

import { RecordListCard, RecordRow } from '@/components/ui/RecordList';
import { ActiveBadge } from '../ActiveBadge';
import { useResources } from '../queries';
import type { Resource } from '../types';

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
  return (
    <RecordListCard
      id="resources"
      title="Resources"
      description="The people, rooms, tables and equipment a booking takes, each with its weekly hours."
      query={resources}
      newHref="/catalog/resources/new"
      newLabel="New resource"
      skeletonRows={4}
      emptyTitle="No resources yet — add your first resource"
      emptyText="A resource is who or what a booking takes: a stylist, a room, “5 four-seat tables”."
    >
      {(r) => (
        <RecordRow
          href={`/catalog/resources/${r.id}`}
          name={r.name}
          badges={<ActiveBadge active={r.is_active} />}
          meta={resourceSummary(r)}
          editText="Edit & hours"
          editLabel={`Edit ${r.name} and its hours`}
        />
      )}
    </RecordListCard>
  );
}
