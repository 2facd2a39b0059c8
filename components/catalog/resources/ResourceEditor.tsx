'use client';

import { Alert, Card } from '@/components/ui';
import { CardNotice } from '@/components/ui/CardNotice';
import { ActiveBadge } from '../ActiveBadge';
import { DeleteRecordCard } from '../DeleteRecordCard';
import { EditorFrame } from '../EditorFrame';
import { catalogKeys, useResource } from '../queries';
import type { Resource } from '../types';
import { useEditorStatus } from '../useEditorStatus';
import { ExceptionsSection } from './ExceptionsSection';
import { ResourceForm } from './ResourceForm';
import { resourceSummary } from './ResourcesList';
import { WeekGrid } from './WeekGrid';
import styles from '../catalog.module.css';

/** One resource: weekly hours, exceptions, details, and deleting it. */
export function ResourceEditor({ id }: { id: string }) {
  const resource = useResource(id);
  const { justCreated, saved, onSaved } = useEditorStatus<Resource>([...catalogKeys.resources, id]);

  return (
    <EditorFrame
      backHref="/catalog/resources"
      backLabel="All resources"
      what="resource"
      query={resource}
    >
      {(r) => (
        <>
          <div className={styles.editorHeader}>
            <h2>{r.name}</h2>
            <ActiveBadge active={r.is_active} />
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
            {saved && <CardNotice tone="success">{saved}</CardNotice>}
            <ResourceForm key={r.id} resource={r} defaultTimeZone={r.timezone} onSaved={onSaved} />
          </Card>

          <DeleteRecordCard
            what="resource"
            name={r.name}
            apiPath={`/api/reservation-resources/${id}`}
            listKey={catalogKeys.resources}
            alsoInvalidate={[catalogKeys.allLinks]}
            backHref="/catalog/resources"
            explanation="Its hours, exceptions and service links go with it. A resource with upcoming reservations cannot be deleted: deactivate it instead."
            consequence="Services that take it will no longer be bookable with it. This cannot be undone."
          />
        </>
      )}
    </EditorFrame>
  );
}
