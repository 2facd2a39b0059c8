'use client';

// First: it configures zod before Scalar's modules load.
import './zod-jitless';
import { ApiReferenceReact } from '@scalar/api-reference-react';
import '@scalar/api-reference-react/style.css';

/**
 * Scalar's reference, bundled with the app: nothing is fetched from a CDN. Its defaults that
 * would reach other hosts are off — the hosted fonts (our CSP allows fonts from 'self' only),
 * telemetry, the AI agent, and the request proxy ("Test request" calls this origin directly,
 * which `connect-src 'self'` allows).
 */
const configuration = {
  url: '/api/openapi.json',
  withDefaultFonts: false,
  telemetry: false,
  // "Ask AI" and the MCP helper are Scalar's hosted services.
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: 'never' as const,
  documentDownloadType: 'json' as const,
  persistAuth: false,
  hideDarkModeToggle: false,
  metaData: { title: 'API reference · Reservations' },
};

export function ApiReference() {
  return <ApiReferenceReact configuration={configuration} />;
}
