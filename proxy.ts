import { NextResponse, type NextRequest } from 'next/server';
import { createNonce, isEmbeddablePath, securityHeaders } from '@/lib/http/security-headers';

/**
 * Every page gets a nonce-based CSP: a fresh nonce per request, passed to Next in the request's
 * own `Content-Security-Policy` header (Next reads the nonce from there and puts it on its
 * bootstrap and page scripts) and sent to the browser. The root layout reads the request, so
 * every page is rendered per request (a prerendered page would carry no nonce). API routes
 * and static files are not matched: scripts/serve.ts gives them the nonce-less policy.
 */
export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const csp = securityHeaders({
    dev: process.env.NODE_ENV !== 'production',
    embeddable: isEmbeddablePath(request.nextUrl.pathname),
    nonce,
  })['Content-Security-Policy']!;
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  matcher: ['/((?!api/|_next/static/|_next/image|favicon\\.ico|icon\\.svg).*)'],
};
