'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import Link from 'next/link';
import type { Ref } from 'react';
import { EmptyState } from '@/components/ui/EmptyState';
import { ChoiceFieldset } from '@/components/ui/ChoiceFieldset';
import { ListSkeleton } from '@/components/ui/ListSkeleton';
import { LoadError } from '@/components/ui/LoadError';
import { ChoiceTile } from '../ChoiceTile';
import { formatMinutes, formatPrice } from '../format';
import type { Service } from '../types';
import styles from '../catalog.module.css';
import own from './bookingLinks.module.css';
import { LoadingOrOutage } from '@/components/ui/QueryView';

/**
 * The services a link offers: a checkbox per active service, plus any service the saved link
 * still names that has since been deactivated (kept while the selection is unchanged; the API
 * refuses it in a new selection, so changing services means unticking it).
 */
export function ServicePicker({
  active,
  inactive,
  value,
  onChange,
  onBlur,
  inputRef,
  error,
}: {
  active: UseQueryResult<Service[]>;
  /** Services in `value` that are not in the active list. */
  inactive: { id: string; service: Service | undefined }[];
  value: string[];
  onChange: (ids: string[]) => void;
  onBlur: () => void;
  inputRef: Ref<HTMLInputElement>;
  error?: string;
}) {
  const selected = new Set(value);
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...value, id] : value.filter((v) => v !== id));
  const rows = [
    ...(active.data ?? []).map((service) => ({ id: service.id, service, isActive: true })),
    ...inactive.map((row) => ({ ...row, isActive: false })),
  ];

  return (
    <ChoiceFieldset
      legend="Services"
      hint="Customers pick one of these on the page. Only active services can be offered."
      error={error}
      className={styles.fieldset}
      legendClassName={styles.legend}
      hintClassName={`${styles.legendHint} ${own.pickerHint}`}
    >
      {(errorId) =>
        active.isPending ? (
          <LoadingOrOutage queries={[active]}>
            <ListSkeleton label="Loading services" rows={2} />
          </LoadingOrOutage>
        ) : active.isError ? (
          <LoadError what="services" error={active.error} onRetry={() => void active.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title="No active services yet">
            A booking link offers services: first{' '}
            <Link href="/catalog/services/new">add a service</Link>, then come back here.
          </EmptyState>
        ) : (
          <div className={own.tiles}>
            {rows.map(({ id, service, isActive }, index) => (
              <ChoiceTile
                key={id}
                className={own.tile}
                ref={index === 0 ? inputRef : undefined}
                type="checkbox"
                checked={selected.has(id)}
                onChange={(event) => toggle(id, event.target.checked)}
                onBlur={onBlur}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                title={service?.name ?? 'A service no longer available'}
                description={
                  <>
                    {service
                      ? `${formatMinutes(service.duration_minutes)} · ${formatPrice(service.price_amount, service.currency)}`
                      : 'Untick it to save.'}
                    {!isActive && service && ' · Inactive: not offered until active again'}
                  </>
                }
              />
            ))}
          </div>
        )
      }
    </ChoiceFieldset>
  );
}
