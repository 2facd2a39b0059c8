'use client';

import Link from 'next/link';
import { buttonClassName, Card } from '@/components/ui';
import { EmptyState } from '../EmptyState';
import { ListSkeleton } from '../ListSkeleton';
import { LoadError } from '../LoadError';
import { capacityLabel, formatMinutes, formatPrice } from '../format';
import { useServices } from '../queries';
import styles from '../catalog.module.css';

/** Catalog › Services: what customers can book. */
export function ServicesList() {
  const services = useServices();
  const newLink = (
    <Link href="/catalog/services/new" className={buttonClassName({ variant: 'primary' })}>
      New service
    </Link>
  );

  return (
    <Card
      id="services"
      title="Services"
      description="What customers can book: how long it takes, what it costs, who and what it needs."
      actions={services.data && services.data.length > 0 ? newLink : undefined}
    >
      {services.isPending ? (
        <ListSkeleton label="Loading services" rows={4} />
      ) : services.isError ? (
        <LoadError what="services" error={services.error} onRetry={() => void services.refetch()} />
      ) : services.data.length === 0 ? (
        <EmptyState title="No services yet — add your first service" action={newLink}>
          A service is something customers book, such as “Haircut, 45 minutes”.
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-label="Services">
          {services.data.map((service) => (
            <li key={service.id} className={styles.row}>
              <span
                className={styles.dot}
                style={service.color ? { background: service.color } : undefined}
                aria-hidden="true"
              />
              <div className={styles.rowMain}>
                <span className={styles.rowTitle}>
                  <Link href={`/catalog/services/${service.id}`} className={styles.rowTitleLink}>
                    {service.name}
                  </Link>
                  {service.is_active ? (
                    <span className={`${styles.badge} ${styles.badgeSuccess}`}>Active</span>
                  ) : (
                    <span className={styles.badge}>Inactive</span>
                  )}
                  {service.requires_confirmation && (
                    <span className={`${styles.badge} ${styles.badgeWarning}`}>
                      Needs confirmation
                    </span>
                  )}
                </span>
                <span className={styles.rowMeta}>
                  {formatMinutes(service.duration_minutes)}
                  {' · '}
                  {formatPrice(service.price_amount, service.currency)}
                  {' · '}
                  {capacityLabel(service)}
                </span>
              </div>
              <div className={styles.rowActions}>
                <Link
                  href={`/catalog/services/${service.id}`}
                  className={buttonClassName({ size: 'sm', variant: 'secondary' })}
                  aria-label={`Edit ${service.name}`}
                >
                  Edit
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
