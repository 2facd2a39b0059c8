'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui';
import styles from './settings.module.css';

/**
 * A secret shown this once (a new API key, a webhook's signing secret), with a copy button.
 * Focus moves to the secret so keyboard and screen-reader users land on it; if copying fails,
 * the secret is selected for Ctrl+C.
 */
export function ShownOnceSecret({
  titleId,
  title,
  note,
  value,
  noun,
  label,
  onDismiss,
}: {
  titleId: string;
  title: ReactNode;
  /** After "Copy it now: you won’t see it again.": what it is for, what to do if lost. */
  note: ReactNode;
  value: string;
  /** `key`: "Copy key", "hide the key". */
  noun: string;
  /** The secret's accessible name. */
  label: string;
  onDismiss: () => void;
}) {
  const block = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  const select = () => {
    if (block.current) window.getSelection()?.selectAllChildren(block.current);
  };

  useEffect(() => {
    block.current?.focus();
  }, [value]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      select();
      setCopied('failed');
    }
  }

  return (
    <div className={styles.secret} role="region" aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      <p className={styles.secretNote}>
        <strong>Copy it now: you won’t see it again.</strong> {note}
      </p>
      <div className={styles.secretRow}>
        {/* A wrapping block rather than an input, so the whole secret is visible on a phone. */}
        <code
          ref={block}
          className={styles.secretValue}
          tabIndex={0}
          role="textbox"
          aria-readonly="true"
          aria-label={label}
          onFocus={select}
        >
          {value}
        </code>
        <Button variant="primary" onClick={copy} className={styles.copyButton}>
          {copied === 'yes' ? 'Copied' : `Copy ${noun}`}
        </Button>
      </div>
      <p className={styles.secretNote} aria-live="polite">
        {copied === 'yes' && 'Copied to the clipboard.'}
        {copied === 'failed' &&
          `Could not copy automatically: the ${noun} is selected, press Ctrl+C (⌘C on a Mac).`}
      </p>
      <div>
        <Button variant="secondary" size="sm" onClick={onDismiss}>
          I’ve saved it — hide the {noun}
        </Button>
      </div>
    </div>
  );
}
