'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert, Button, TextField } from '@/components/ui';
import { ApiError, apiFetch } from '@/components/api/apiFetch';
import styles from './AuthLayout.module.css';

function signInErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401 || error.code === 'INVALID_EMAIL_OR_PASSWORD')
      return 'Wrong email or password.';
    if (error.code === 'INVALID_EMAIL' || error.status === 400)
      return 'Enter a valid email address and your password.';
    if (error.status === 429) return 'Too many attempts. Wait a minute and try again.';
    if (error.status === 0) return error.message;
  }
  return 'We could not sign you in right now. Try again in a moment.';
}

/** Email + password sign-in through Better Auth (POST /api/auth/sign-in/email). */
export function SignInForm({ next }: { next: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    if (!email || !password) {
      setError('Enter your email and password.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      await apiFetch('/api/auth/sign-in/email', { method: 'POST', body: { email, password } });
      router.replace(next ?? '/reservations');
      router.refresh();
    } catch (caught) {
      setError(signInErrorMessage(caught));
      setPending(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      {error && <Alert tone="error">{error}</Alert>}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        autoFocus
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <Button type="submit" variant="primary" block loading={pending} className={styles.submit}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
