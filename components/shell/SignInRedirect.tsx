'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Sends a signed-out visitor to the sign-in page with `next` set to where they were
 * going. Used when the server cannot tell which path was requested (layouts do not
 * receive it); the link is the no-JavaScript fallback.
 */
export function SignInRedirect() {
  const router = useRouter();
  const pathname = usePathname();
  const href = `/sign-in?next=${encodeURIComponent(pathname)}`;
  useEffect(() => {
    router.replace(
      `/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`,
    );
  }, [router]);
  return (
    <main style={{ padding: 'var(--space-4)', textAlign: 'center' }}>
      <p>
        Your session has ended. <Link href={href}>Sign in</Link> to continue.
      </p>
    </main>
  );
}
