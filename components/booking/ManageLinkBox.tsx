'use client';

import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/Button';
import styles from './ManageLinkBox.module.css';

/** The booking's private manage link, with a copy button: the customer's key to their booking. */
export function ManageLinkBox({ path }: { path: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const url = `${window.location.origin}${path}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard permission (or not a secure context): select it for a manual copy.
      inputRef.current?.select();
      setCopied(false);
    }
    window.setTimeout(() => setCopied(null), 4000);
  }

  return (
    <section className={styles.box} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={styles.title}>
        Need to change or cancel?
      </h3>
      <p className={styles.text}>Keep this link — it’s how you manage your booking online.</p>
      <label htmlFor={`${id}-url`} className="sr-only">
        Your booking link
      </label>
      <div className={styles.row}>
        <input
          ref={inputRef}
          id={`${id}-url`}
          className={styles.url}
          value={url}
          readOnly
          onFocus={(event) => event.target.select()}
        />
        <Button onClick={copy} className={styles.copy}>
          {copied ? 'Copied' : 'Copy link'}
        </Button>
      </div>
      <p className={styles.status} aria-live="polite">
        {copied === true
          ? 'Link copied to your clipboard.'
          : copied === false
            ? 'Press Ctrl+C (or ⌘C) to copy the selected link.'
            : ''}
      </p>
      <a href={path} className={styles.open}>
        Manage your booking →
      </a>
    </section>
  );
}
