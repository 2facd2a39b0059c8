'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert, Button, TextField } from '@/components/ui';
import { apiFetch } from '@/components/api/apiFetch';
import { applyServerErrors } from '@/components/api/applyServerErrors';
import { SignUpSchema, type SignUp } from '@/components/forms/schemas';
import { TimeZoneField } from './TimeZoneField';
import styles from './AuthLayout.module.css';

const FIELDS = ['organization_name', 'timezone', 'name', 'email', 'password'] as const;

/** Creates an organization and its first admin (POST /api/signup), validated by the API's own schema. */
export function SignUpForm() {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(SignUpSchema),
    defaultValues: { organization_name: '', timezone: '', name: '', email: '', password: '' },
  });

  // The browser's zone is only known on the client: fill it in after hydration.
  useEffect(() => {
    if (getValues('timezone')) return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) setValue('timezone', zone);
  }, [getValues, setValue]);

  async function onSubmit(values: SignUp) {
    setFormError(null);
    try {
      await apiFetch('/api/signup', { method: 'POST', body: values });
      router.replace('/reservations');
      router.refresh();
    } catch (error) {
      setFormError(applyServerErrors<SignUp>(error, FIELDS, setError));
    }
  }

  return (
    <form className={styles.form} onSubmit={handleSubmit(onSubmit)} noValidate>
      {formError && <Alert tone="error">{formError}</Alert>}
      <TextField
        label="Organization name"
        autoComplete="organization"
        error={errors.organization_name?.message}
        {...register('organization_name')}
      />
      <TimeZoneField
        error={errors.timezone?.message}
        hint="Reservations are shown in this zone. Type to search, e.g. Europe/Paris."
        {...register('timezone')}
      />
      <TextField
        label="Your name"
        autoComplete="name"
        error={errors.name?.message}
        {...register('name')}
      />
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        error={errors.email?.message}
        {...register('email')}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters."
        error={errors.password?.message}
        {...register('password')}
      />
      <Button
        type="submit"
        variant="primary"
        block
        loading={isSubmitting}
        className={styles.submit}
      >
        {isSubmitting ? 'Creating your organization…' : 'Create organization'}
      </Button>
    </form>
  );
}
