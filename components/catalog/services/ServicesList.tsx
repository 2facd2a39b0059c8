'use client';

import { RecordListCard, RecordRow } from '@/components/ui/RecordList';
import { ActiveBadge } from '../ActiveBadge';
import { capacityLabel, formatMinutes, formatPrice } from '../format';
import { useServices } from '../queries';
import styles from '../catalog.module.css';

/** Catalog › Services: what customers can book. */
export function ServicesList() {
  const services = useServices();
  return (
    <RecordListCard
      id="services"
      title="Services"
      description="What customers can book: how long it takes, what it costs, who and what it needs."
      query={services}
      newHref="/catalog/services/new"
      newLabel="New service"
      skeletonRows={4}
      emptyTitle="No services yet — add your first service"
      emptyText="A service is something customers book, such as “Haircut, 45 minutes”."
    >
      {(service) => (
        <RecordRow
          href={`/catalog/services/${service.id}`}
          name={service.name}
          leading={
            <span
              className={styles.dot}
              style={service.color ? { background: service.color } : undefined}
              aria-hidden="true"
            />
          }
          badges={
            <>
              <ActiveBadge active={service.is_active} />
              {service.requires_confirmation && (
                <span className={`${styles.badge} ${styles.badgeWarning}`}>Needs confirmation</span>
              )}
            </>
          }
          meta={
            <>
              {formatMinutes(service.duration_minutes)}
              {' · '}
              {formatPrice(service.price_amount, service.currency)}
              {' · '}
              {capacityLabel(service)}
            </>
          }
        />
      )}
    </RecordListCard>
  );
}
