'use client';

import { Select, TextField } from '@/components/ui';
import { STATUS_LABELS } from './status';
import type { ReservationFilters, Resource, Service } from './types';
import { RESERVATION_STATUSES } from '@/lib/reservations/schemas';
import styles from './ReservationsView.module.css';

interface FiltersBarProps {
  filters: ReservationFilters;
  onChange: (filters: ReservationFilters) => void;
  services: readonly Service[];
  resources: readonly Resource[];
}

/** Server-side filters of the reservations list (§9): service, resource, status, search. */
export function FiltersBar({ filters, onChange, services, resources }: FiltersBarProps) {
  const set = (patch: Partial<ReservationFilters>) => onChange({ ...filters, ...patch });
  return (
    <form
      className={styles.filters}
      role="search"
      aria-label="Filter reservations"
      onSubmit={(event) => event.preventDefault()}
    >
      <TextField
        label="Search"
        type="search"
        placeholder="Name, email, phone, notes"
        value={filters.search}
        onChange={(event) => set({ search: event.target.value })}
        className={styles.filterSearch}
      />
      <Select
        label="Service"
        value={filters.service_id}
        onChange={(event) => set({ service_id: event.target.value })}
        options={[
          { value: '', label: 'All services' },
          ...services.map((s) => ({ value: s.id, label: s.name })),
        ]}
      />
      <Select
        label="Resource"
        value={filters.resource_id}
        onChange={(event) => set({ resource_id: event.target.value })}
        options={[
          { value: '', label: 'All resources' },
          ...resources.map((r) => ({ value: r.id, label: r.name })),
        ]}
      />
      <Select
        label="Status"
        className={styles.filterWide}
        value={filters.status}
        onChange={(event) => set({ status: event.target.value })}
        options={[
          { value: '', label: 'Any status' },
          ...RESERVATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
        ]}
      />
    </form>
  );
}
