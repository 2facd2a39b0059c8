'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { apiFetch } from '@/components/api/apiFetch';
import { applyServerErrors } from '@/components/api/applyServerErrors';
import { Alert, Button, Select, WholeNumberField } from '@/components/ui';
import { ServiceResourceCreateSchema } from '@/lib/catalog/schemas';
import { friendlyMessages, toInt } from '../formHelpers';
import { catalogKeys } from '../queries';
import type { Resource, ServiceResourceLink } from '../types';
import styles from '../catalog.module.css';

type LinkValues = z.input<typeof ServiceResourceCreateSchema>;
const FIELDS = ['resource_id', 'is_required', 'quantity'] as const;
const ROLES = [
  { value: 'true', label: 'Required — every booking' },
  { value: 'false', label: 'Pool — one of these per booking' },
];

/** Links one more resource to the service (POST /api/reservation-service-resources). */
export function AddLinkForm({
  serviceId,
  available,
  onAdded,
}: {
  serviceId: string;
  available: Resource[];
  onAdded: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<LinkValues, unknown, z.output<typeof ServiceResourceCreateSchema>>({
    resolver: zodResolver(ServiceResourceCreateSchema, friendlyMessages),
    defaultValues: { service_id: serviceId, resource_id: '', is_required: true, quantity: 1 },
  });

  if (available.length === 0) {
    return (
      <p className={styles.help}>
        Every resource is linked. <Link href="/catalog/resources/new">Add a resource</Link> to link
        more.
      </p>
    );
  }

  async function onSubmit(values: z.output<typeof ServiceResourceCreateSchema>) {
    setFormError(null);
    try {
      await apiFetch<ServiceResourceLink>('/api/reservation-service-resources', {
        method: 'POST',
        body: values,
      });
      const name = available.find((r) => r.id === values.resource_id)?.name ?? 'Resource';
      reset({
        service_id: serviceId,
        resource_id: '',
        is_required: values.is_required,
        quantity: 1,
      });
      onAdded(`Linked ${name}.`);
      void queryClient.invalidateQueries({ queryKey: catalogKeys.links(serviceId) });
    } catch (error) {
      setFormError(applyServerErrors<LinkValues>(error, FIELDS, setError));
    }
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-labelledby="add-link-title">
      <h3 id="add-link-title" className={styles.legend} style={{ fontSize: '0.9375rem' }}>
        Link a resource
      </h3>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className={styles.inlineFields}>
        <Select
          className={styles.grow}
          label="Resource"
          options={[
            { value: '', label: 'Choose a resource…' },
            ...available.map((r) => ({ value: r.id, label: `${r.name} (${r.type})` })),
          ]}
          error={
            errors.resource_id &&
            (errors.resource_id.type === 'server'
              ? errors.resource_id.message
              : 'Choose a resource.')
          }
          {...register('resource_id')}
        />
        <Select
          className={styles.grow}
          label="Role"
          options={ROLES}
          error={errors.is_required?.message}
          {...register('is_required', { setValueAs: (v: unknown) => v === true || v === 'true' })}
        />
        <WholeNumberField
          className={styles.fixed}
          style={{ width: 96 }}
          label="Units"
          min={1}
          error={errors.quantity?.message}
          {...register('quantity', { setValueAs: toInt })}
        />
        <Button type="submit" variant="primary" loading={isSubmitting} className={styles.fixed}>
          Link resource
        </Button>
      </div>
    </form>
  );
}
