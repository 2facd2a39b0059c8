'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useEffect, useState } from 'react';
import { Alert } from './Alert';
import { Button } from './Button';
import styles from '@/components/booking/NotFound.module.css';

const PROBE_EVERY_MS = 3_000;

/** Whether the server can answer now: `/api/health` is 200 only when it reaches its database. */
async function serverReachable(): Promise<boolean> {
  try {
    const res = await fetch('/api/health', { cache: 'no-store' });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * A page whose server render failed (the `error.tsx` of the booking and staff pages). Next
 * hides the reason in production, so it asks `/api/health`: when the server cannot reach its
 * database this is an outage — a calm "can't reach the server, retrying" that renders the
 * page again by itself once health answers — otherwise a plain error with a retry.
 */
export function PageError({ reset }: { error: Error; reset: () => void }) {
  const router = useRouter();
  const [outage, setOutage] = useState<boolean | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const probe = async () => {
      const reachable = await serverReachable();
      if (stopped) return;
      if (reachable && outage) {
        startTransition(() => {
          router.refresh();
          reset();
        });
        return;
      }
      setOutage(!reachable);
      if (!reachable) timer = window.setTimeout(probe, PROBE_EVERY_MS);
    };
    void probe();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [outage, reset, router]);

  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });

  return (
    <main className={styles.page}>
      <section className={styles.box}>
        {outage === false ? (
          <Alert tone="error" title="Something went wrong">
            <p>This page could not be shown.</p>
            <Button size="sm" variant="secondary" onClick={retry}>
              Try again
            </Button>
          </Alert>
        ) : (
          <Alert tone="info" title="Can’t reach the server">
            <div role="status">
              <p>Retrying… This page comes back by itself as soon as the server answers.</p>
            </div>
            <Button size="sm" variant="secondary" onClick={retry}>
              Try again now
            </Button>
          </Alert>
        )}
      </section>
    </main>
  );
}
