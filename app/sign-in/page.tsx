import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthLayout } from '@/components/auth/AuthLayout';
import { SignInForm } from '@/components/auth/SignInForm';
import { getStaffSession, safeNextPath } from '@/components/auth/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeNextPath((await searchParams).next);
  if (await getStaffSession()) redirect(next ?? '/reservations');
  return (
    <AuthLayout
      title="Sign in"
      subtitle="Welcome back. Sign in to manage your reservations."
      footer={
        <>
          New here? <Link href="/sign-up">Create an organization</Link>
        </>
      }
    >
      <SignInForm next={next} />
    </AuthLayout>
  );
}
