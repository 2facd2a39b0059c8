import type { Metadata } from 'next';
import { ApiReference } from './ApiReference';

export const metadata: Metadata = {
  title: 'API reference',
  description: 'The Reservations API: every endpoint, its parameters, bodies and answers.',
};

/** `/docs` (§14): an interactive reference of `/api/openapi.json`, rendered in the browser. */
export default function DocsPage() {
  return (
    <main>
      <noscript>
        <p style={{ padding: 24 }}>
          The interactive reference needs JavaScript. The document itself is at{' '}
          <a href="/api/openapi.json">/api/openapi.json</a>.
        </p>
      </noscript>
      <ApiReference />
    </main>
  );
}
