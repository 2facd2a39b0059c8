'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui';
import type { CreatedApiKey } from './types';
import styles from './settings.module.css';

/** The freshly created key, shown this once, with a copy button. */
export function NewKeyNotice({
  apiKey,
  onDismiss,
}: {
  apiKey: CreatedApiKey;
  onDismiss: () => void;
}) {
  const keyBlock = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  function selectKey() {
    const node = keyBlock.current;
    if (node) window.getSelection()?.selectAllChildren(node);
  }

  // Move focus to the key so keyboard and screen-reader users land on it.
  useEffect(() => {
    keyBlock.current?.focus();
  }, [apiKey.key]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(apiKey.key);
      setCopied('yes');
    } catch {
      selectKey();
      setCopied('failed');
    }
  }

  return (
    <div className={styles.secret} role="region" aria-labelledby="new-key-title">
      <h3 id="new-key-title">Your new key “{apiKey.name}”</h3>
      <p className={styles.secretNote}>
        <strong>Copy it now: you won’t see it again.</strong> We only keep a fingerprint of it. If
        you lose it, revoke it and create a new one.
      </p>
      <div className={styles.secretRow}>
        {/* A wrapping block rather than an input, so the whole key is visible on a phone. */}
        <code
          ref={keyBlock}
          className={styles.secretValue}
          tabIndex={0}
          role="textbox"
          aria-readonly="true"
          aria-label="API key"
          onFocus={selectKey}
        >
          {apiKey.key}
        </code>
        <Button variant="primary" onClick={copy} className={styles.copyButton}>
          {copied === 'yes' ? 'Copied' : 'Copy key'}
        </Button>
      </div>
      <p className={styles.secretNote} aria-live="polite">
        {copied === 'yes' && 'Copied to the clipboard.'}
        {copied === 'failed' &&
          'Could not copy automatically: the key is selected, press Ctrl+C (⌘C on a Mac).'}
      </p>
      <div>
        <Button variant="secondary" size="sm" onClick={onDismiss}>
          I’ve saved it — hide the key
        </Button>
      </div>
    </div>
  );
}
