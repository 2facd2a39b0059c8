'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from '@/components/ui';
import { apiFetch } from '@/components/api/apiFetch';
import styles from './UserMenu.module.css';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0]];
  return letters.join('').toUpperCase() || '?';
}

/** The signed-in person, their role and Sign out, behind a disclosure button. */
export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        trigger.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  async function signOut() {
    setSigningOut(true);
    setError(null);
    try {
      await apiFetch('/api/auth/sign-out', { method: 'POST', body: {} });
      queryClient.clear();
      router.replace('/sign-in');
      router.refresh();
    } catch {
      setError('Could not sign out. Try again.');
      setSigningOut(false);
    }
  }

  return (
    <div
      className={styles.wrapper}
      ref={wrapper}
      onBlur={(event) => {
        // Closing when focus leaves the menu keeps Tab order predictable.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={trigger}
        type="button"
        className={styles.trigger}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        <span className={styles.avatar} aria-hidden="true">
          {initials(name)}
        </span>
        <span className={styles.triggerName}>{name}</span>
        <span className="sr-only">Account menu</span>
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M3 4.5l3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      <div id={panelId} className={styles.panel} hidden={!open}>
        <div className={styles.identity}>
          <strong>{name}</strong>
          <span className={styles.email}>{email}</span>
          <span className={styles.role}>{role}</span>
        </div>
        {error && <Alert tone="error">{error}</Alert>}
        <Button variant="ghost" className={styles.item} onClick={signOut} loading={signingOut}>
          Sign out
        </Button>
      </div>
    </div>
  );
}
