'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { apiFetch } from '@/components/api/apiFetch';
import { applyServerErrors } from '@/components/api/applyServerErrors';
import { Alert, Button, TextField } from '@/components/ui';
import { ApiKeyCreateSchema, type ApiKeyCreate } from '@/components/forms/schemas';
import { settingsKeys } from './queries';
import type { CreatedApiKey } from './types';
import styles from './settings.module.css';

/** Creates an API key (POST /api/api-keys) and hands the one-time secret to the parent. */
export function CreateApiKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(ApiKeyCreateSchema), defaultValues: { name: '' } });

  const create = useMutation({
    mutationFn: (values: ApiKeyCreate) =>
      apiFetch<CreatedApiKey>('/api/api-keys', { method: 'POST', body: values }),
    onSuccess: (key) => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.apiKeys });
      reset();
      onCreated(key);
    },
  });

  async function onSubmit(values: ApiKeyCreate) {
    setFormError(null);
    try {
      await create.mutateAsync(values);
    } catch (error) {
      setFormError(applyServerErrors<ApiKeyCreate>(error, ['name'], setError));
    }
  }

  return (
    <form
      className={styles.form}
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      aria-labelledby="create-key-title"
    >
      <h3 id="create-key-title" className={styles.subheading}>
        Create an API key
      </h3>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className={styles.inlineForm}>
        <TextField
          label="Name"
          placeholder="e.g. Website booking widget"
          hint="So you can tell your keys apart. Optional."
          autoComplete="off"
          error={errors.name?.message}
          {...register('name', { setValueAs: (v: string) => (v.trim() === '' ? undefined : v) })}
        />
        <Button
          type="submit"
          variant="primary"
          loading={isSubmitting}
          className={styles.inlineSubmit}
        >
          Create key
        </Button>
      </div>
    </form>
  );
}
