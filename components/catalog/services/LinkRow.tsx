'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState } from 'react';
import { apiFetch, ApiError, errorMessage } from '@/components/api/apiFetch';
import { Button } from '@/components/ui';
import { ServiceResourcePatchSchema } from '@/lib/catalog/schemas';
import { catalogKeys } from '../queries';
import type { Resource, ServiceResourceLink } from '../types';
import styles from '../catalog.module.css';
import field from '@/components/ui/Field.module.css';

type Patch = { is_required?: boolean; quantity?: number };

/** One linked resource: its role (required / pool) and units, saved as soon as they change. */
export function LinkRow({
  link,
  resource,
  onSaved,
  onRemove,
}: {
  link: ServiceResourceLink;
  resource: Resource | undefined;
  onSaved: (message: string) => void;
  onRemove: () => void;
}) {
  const queryClient = useQueryClient();
  const id = useId();
  const [quantity, setQuantity] = useState(String(link.quantity));
  const [error, setError] = useState<string | null>(null);
  const name = resource?.name ?? 'Unknown resource';
  const save = useMutation({
    mutationFn: (patch: Patch) =>
      apiFetch<ServiceResourceLink>(`/api/reservation-service-resources/${link.id}`, {
        method: 'PATCH',
        body: patch,
      }),
    onSuccess: (saved) => {
      setError(null);
      setQuantity(String(saved.quantity));
      onSaved(`Saved ${name}.`);
      void queryClient.invalidateQueries({ queryKey: catalogKeys.links(link.service_id) });
    },
    onError: (e) =>
      setError(e instanceof ApiError && e.details[0] ? e.details[0].message : errorMessage(e)),
  });

  function submit(patch: Patch) {
    const parsed = ServiceResourcePatchSchema.safeParse(patch);
    if (!parsed.success) {
      setError(
        parsed.error.issues[0]?.path[0] === 'quantity'
          ? 'Units must be a whole number from 1.'
          : 'Check this value.',
      );
      return;
    }
    save.mutate(parsed.data);
  }

  function saveQuantity() {
    const next = Number(quantity);
    if (quantity.trim() !== '' && next === link.quantity) return setError(null);
    submit({ quantity: quantity.trim() === '' ? Number.NaN : next });
  }

  return (
    <li className={styles.row}>
      <div className={styles.rowMain}>
        <span className={styles.rowTitle}>
          <Link href={`/catalog/resources/${link.resource_id}`} className={styles.rowTitleLink}>
            {name}
          </Link>
          {resource && !resource.is_active && <span className={styles.badge}>Inactive</span>}
        </span>
        {resource && (
          <span className={styles.rowMeta}>
            <span style={{ textTransform: 'capitalize' }}>{resource.type}</span> ·{' '}
            {resource.quantity} unit{resource.quantity === 1 ? '' : 's'}
            {resource.capacity !== null && ` · holds ${resource.capacity}`}
          </span>
        )}
        {error && (
          <span className={field.error} role="alert" id={`${id}-error`}>
            {error}
          </span>
        )}
      </div>
      <div className={styles.rowActions}>
        <label className="sr-only" htmlFor={`${id}-role`}>
          Role of {name}
        </label>
        <select
          id={`${id}-role`}
          className={`${field.control} ${field.select}`}
          style={{ width: 'auto' }}
          value={link.is_required ? 'required' : 'pool'}
          disabled={save.isPending}
          onChange={(e) => submit({ is_required: e.target.value === 'required' })}
        >
          <option value="required">Required</option>
          <option value="pool">Pool (one of)</option>
        </select>
        <label className="sr-only" htmlFor={`${id}-qty`}>
          Units of {name} per booking
        </label>
        <input
          id={`${id}-qty`}
          className={field.control}
          style={{ width: 72 }}
          type="number"
          inputMode="numeric"
          min={1}
          value={quantity}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          title="Units per booking"
          onChange={(e) => setQuantity(e.target.value)}
          onBlur={saveQuantity}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              saveQuantity();
            }
          }}
        />
        <span className="muted" aria-hidden="true">
          unit{quantity === '1' ? '' : 's'}
        </span>
        <Button size="sm" variant="dangerGhost" onClick={onRemove} aria-label={`Unlink ${name}`}>
          Unlink
        </Button>
      </div>
    </li>
  );
}
