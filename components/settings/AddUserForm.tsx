'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { apiFetch } from '@/components/api/apiFetch';
import { applyServerErrors } from '@/components/api/applyServerErrors';
import { Alert, Button, Select, TextField } from '@/components/ui';
import { UserCreateSchema, type UserCreate } from '@/components/forms/schemas';
import { settingsKeys } from './queries';
import type { StaffUser } from './types';
import styles from './settings.module.css';

const FIELDS = ['name', 'email', 'password', 'role'] as const;
const ROLE_OPTIONS = [
  { value: 'staff', label: 'Staff — reservations and contacts' },
  { value: 'admin', label: 'Admin — everything, including settings' },
] as const;

/** Adds a staff account (POST /api/users), validated by the API's own schema. */
export function AddUserForm() {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(UserCreateSchema),
    defaultValues: { name: '', email: '', password: '', role: 'staff' as const },
  });
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = form;

  const create = useMutation({
    mutationFn: (values: UserCreate) =>
      apiFetch<StaffUser>('/api/users', { method: 'POST', body: values }),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.users });
      reset();
      setAdded(`${user.name} can now sign in with ${user.email}.`);
    },
  });

  async function onSubmit(values: UserCreate) {
    setFormError(null);
    setAdded(null);
    try {
      await create.mutateAsync(values);
    } catch (error) {
      setFormError(applyServerErrors<UserCreate>(error, FIELDS, setError));
    }
  }

  return (
    <form
      className={styles.form}
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      aria-labelledby="add-user-title"
    >
      <h3 id="add-user-title" className={styles.subheading}>
        Add a staff user
      </h3>
      {formError && <Alert tone="error">{formError}</Alert>}
      {added && <Alert tone="success">{added}</Alert>}
      <div className={styles.formGrid}>
        <TextField
          label="Name"
          autoComplete="off"
          error={errors.name?.message}
          {...register('name')}
        />
        <TextField
          label="Email"
          type="email"
          autoComplete="off"
          inputMode="email"
          error={errors.email?.message}
          {...register('email')}
        />
        <TextField
          label="Temporary password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters. Share it with them privately."
          error={errors.password?.message}
          {...register('password')}
        />
        <Select
          label="Role"
          options={ROLE_OPTIONS}
          error={errors.role?.message}
          {...register('role')}
        />
      </div>
      <div className={styles.formActions}>
        <Button type="submit" variant="primary" loading={isSubmitting}>
          Add user
        </Button>
      </div>
    </form>
  );
}
