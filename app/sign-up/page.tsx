import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthLayout } from '@/components/auth/AuthLayout';
import { getStaffSession } from '@/components/auth/session';
import { SignUpForm } from '@/components/auth/SignUpForm';

export const metadata: Metadata = { title: 'Create an organization' };

export default async function SignUpPage() {
  if (await getStaffSession()) redirect('/reservations');
  return (
    <AuthLayout
      title="Create your organization"
      subtitle="Set up your workspace. You will be its first admin."
      footer={
        <>
          Already have an account? <Link href="/sign-in">Sign in</Link>
        </>
      }
    >
      <SignUpForm />
    </AuthLayout>
  );
}
