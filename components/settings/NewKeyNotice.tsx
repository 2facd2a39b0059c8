'use client';

import { ShownOnceSecret } from './ShownOnceSecret';
import type { CreatedApiKey } from './types';

/** The freshly created key, shown this once, with a copy button. */
export function NewKeyNotice({
  apiKey,
  onDismiss,
}: {
  apiKey: CreatedApiKey;
  onDismiss: () => void;
}) {
  return (
    <ShownOnceSecret
      titleId="new-key-title"
      title={<>Your new key “{apiKey.name}”</>}
      note="We only keep a fingerprint of it. If you lose it, revoke it and create a new one."
      value={apiKey.key}
      noun="key"
      label="API key"
      onDismiss={onDismiss}
    />
  );
}
