import type { Route } from '@/lib/http/route';

/** Names the document derives from a route: its OpenAPI path and its operationId. */

/** `/contacts/:id` (below /api) → `/api/contacts/{id}`. */
export function openApiPath(routePath: string): string {
  return `/api${routePath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}')}`;
}

export function pathParams(routePath: string): string[] {
  return [...routePath.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
}

const pascal = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/** `GET /reservations/:id/history` → `getReservationsByIdHistory`: unique as (method, path) is. */
export function operationId(route: Pick<Route, 'method' | 'path'>): string {
  const words = route.path
    .split('/')
    .filter(Boolean)
    .map((segment) =>
      segment.startsWith(':') ? `By${pascal(segment.slice(1))}` : pascal(segment),
    );
  return `${route.method.toLowerCase()}${words.join('')}`;
}
