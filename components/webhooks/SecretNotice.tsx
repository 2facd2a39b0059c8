'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui';
import styles from '@/components/settings/settings.module.css';

/**
 * A webhook's signing secret, shown this once with a copy button (the settings page's
 * "shown once" look, from its stylesheet). Focus moves to the secret so keyboard and
 * screen-reader users land on it.
 */
export function SecretNotice({
  secret,
  url,
  onDismiss,
}: {
  secret: string;
  url: string;
  onDismiss: () => void;
}) {
  const block = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  const select = () => {
    if (block.current) window.getSelection()?.selectAllChildren(block.current);
  };

  useEffect(() => {
    block.current?.focus();
  }, [secret]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      select();
      setCopied('failed');
    }
  }

  return (
    <div className={styles.secret} role="region" aria-labelledby="webhook-secret-title">
      <h3 id="webhook-secret-title">Signing secret for {url}</h3>
      <p className={styles.secretNote}>
        <strong>Copy it now: you won’t see it again.</strong> Your receiver uses it to check the{' '}
        <code>webhook-signature</code> header of every request. If you lose it, delete this endpoint
        and add it again.
      </p>
      <div className={styles.secretRow}>
        <code
          ref={block}
          className={styles.secretValue}
          tabIndex={0}
          role="textbox"
          aria-readonly="true"
          aria-label="Signing secret"
          onFocus={select}
        >
          {secret}
        </code>
        <Button variant="primary" onClick={copy} className={styles.copyButton}>
          {copied === 'yes' ? 'Copied' : 'Copy secret'}
        </Button>
      </div>
      <p className={styles.secretNote} aria-live="polite">
        {copied === 'yes' && 'Copied to the clipboard.'}
        {copied === 'failed' &&
          'Could not copy automatically: the secret is selected, press Ctrl+C (⌘C on a Mac).'}
      </p>
      <div>
        <Button variant="secondary" size="sm" onClick={onDismiss}>
          I’ve saved it — hide the secret
        </Button>
      </div>
    </div>
  );
}
