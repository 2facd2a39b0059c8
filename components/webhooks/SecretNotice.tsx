'use client';

import { ShownOnceSecret } from '@/components/settings/ShownOnceSecret';

/** A webhook's signing secret, shown this once with a copy button (the settings page's look). */
export function SecretNotice({
  secret,
  url,
  onDismiss,
}: {
  secret: string;
  url: string;
  onDismiss: () => void;
}) {
  return (
    <ShownOnceSecret
      titleId="webhook-secret-title"
      title={<>Signing secret for {url}</>}
      note={
        <>
          Your receiver uses it to check the <code>webhook-signature</code> header of every request.
          If you lose it, delete this endpoint and add it again.
        </>
      }
      value={secret}
      noun="secret"
      label="Signing secret"
      onDismiss={onDismiss}
    />
  );
}
