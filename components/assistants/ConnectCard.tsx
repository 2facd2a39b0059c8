'use client';

import Link from 'next/link';
import { useSyncExternalStore } from 'react';
import styles from '@/components/catalog/catalog.module.css';
import { Card } from '@/components/ui';
import own from './assistants.module.css';

const noSubscription = () => () => undefined;

/** Where a model connects: the MCP endpoint, and the plain HTTP endpoints beside it. */
export function ConnectCard({ assistantId }: { assistantId: string }) {
  // The browser's origin; the server renders the path alone.
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => '',
  );
  const base = `${origin}/api/ai-assistants/${assistantId}`;
  return (
    <Card
      title="Connect a model"
      description="Any MCP client (Claude Desktop, an agent framework…) can use this assistant's tools."
    >
      <dl className={own.endpoints}>
        <dt>MCP server (Streamable HTTP)</dt>
        <dd>
          <span className={`${styles.code} ${own.url}`}>{base}/mcp</span>
        </dd>
        <dt>Tool list and calls over HTTP</dt>
        <dd>
          <span className={`${styles.code} ${own.url}`}>GET {base}/tools</span>{' '}
          <span className={`${styles.code} ${own.url}`}>POST {base}/tool-calls</span>
        </dd>
      </dl>
      <p className="muted">
        Send an API key as <span className={styles.code}>Authorization: Bearer …</span> — create one
        in <Link href="/settings">Settings</Link>. The instructions above reach the model as the
        server&apos;s instructions.
      </p>
    </Card>
  );
}
