import type { ReactNode } from 'react';
import { Alert, type AlertTone } from './Alert';

/** A message at the top of a card, above its content: the outcome of the last action. */
export function CardNotice({ tone, children }: { tone: AlertTone; children: ReactNode }) {
  return (
    <div style={{ marginBottom: 'var(--space-2)' }}>
      <Alert tone={tone}>{children}</Alert>
    </div>
  );
}
