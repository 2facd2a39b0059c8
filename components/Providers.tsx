'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { retryDelay, shouldRetryRead } from '@/components/api/outage';

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // While the server is unreachable (network error, 503) reads keep trying, at the
        // server's Retry-After, until it answers; 4xx answers will not change on retry.
        retry: shouldRetryRead,
        retryDelay,
      },
      // Writes are never retried behind the user's back: see components/api/outage.ts.
      mutations: { retry: false },
    },
  });
}

/** One QueryClient per browser tab (per request on the server), for the client pages. */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
