'use client';

import { Alert, Card } from '@/components/ui';
import { CardNotice } from '@/components/ui/CardNotice';
import { ActiveBadge } from '../ActiveBadge';
import { DeleteRecordCard } from '../DeleteRecordCard';
import { EditorFrame } from '../EditorFrame';
import { capacityLabel, formatMinutes, formatPrice } from '../format';
import { catalogKeys, useService } from '../queries';
import type { Service } from '../types';
import { useEditorStatus } from '../useEditorStatus';
import { ServiceForm } from './ServiceForm';
import { ServiceLinks } from './ServiceLinks';
import styles from '../catalog.module.css';

/** One service: its details, the resources it takes, and deleting it. */
export function ServiceEditor({ id }: { id: string }) {
  const service = useService(id);
  const { justCreated, saved, onSaved } = useEditorStatus<Service>([...catalogKeys.services, id]);

  return (
    <EditorFrame
      backHref="/catalog/services"
      backLabel="All services"
      what="service"
      query={service}
    >
      {(s) => (
        <>
          <div className={styles.editorHeader}>
            <span
              className={styles.dot}
              style={s.color ? { background: s.color, width: 16, height: 16 } : undefined}
              aria-hidden="true"
            />
            <h2>{s.name}</h2>
            <ActiveBadge active={s.is_active} />
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
            {saved && <CardNotice tone="success">{saved}</CardNotice>}
            <ServiceForm key={s.id} service={s} onSaved={onSaved} />
          </Card>

          <DeleteRecordCard
            what="service"
            name={s.name}
            apiPath={`/api/reservation-services/${id}`}
            listKey={catalogKeys.services}
            backHref="/catalog/services"
            explanation="Past reservations keep their history. A service with upcoming reservations cannot be deleted: deactivate it instead so it takes no new bookings."
            consequence="It disappears from the booking pages and the reservations calendar, with its resource links. This cannot be undone."
          />
        </>
      )}
    </EditorFrame>
  );
}
