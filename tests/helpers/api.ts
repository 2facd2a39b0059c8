import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { apiRouter } from '@/lib/api/routes';
import { createOrganization } from '@/lib/organizations/create-organization';

/** Calls the real /api router in-process, as an HTTP client would. */
export const BASE = 'http://localhost:3000';

export interface CallOptions {
  key?: string;
  cookie?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = any>(
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  if (opts.cookie) headers.cookie = opts.cookie;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  const res = await apiRouter.dispatch(
    new Request(`${BASE}/api${path}`, { method, headers, body }),
  );
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** A client bound to one API key. */
export function client(key: string) {
  return {
    get: <T = any>(path: string) => call<T>('GET', path, { key }),
    post: <T = any>(path: string, body?: unknown) => call<T>('POST', path, { key, body }),
    patch: <T = any>(path: string, body?: unknown) => call<T>('PATCH', path, { key, body }),
    delete: <T = any>(path: string) => call<T>('DELETE', path, { key }),
  };
}

export interface TestOrg {
  id: string;
  key: string;
  adminEmail: string;
  adminPassword: string;
  api: ReturnType<typeof client>;
}

/** A fresh organization with an admin and an API key; names are unique per call. */
export async function createTestOrg(timezone = 'Europe/Paris'): Promise<TestOrg> {
  const db = await getDb();
  const suffix = randomUUID().slice(0, 8);
  const adminEmail = `admin-${suffix}@example.test`;
  const adminPassword = 'correct horse battery';
  const { organization, apiKey } = await createOrganization(db, {
    name: `Test Org ${suffix}`,
    timezone,
    admin: { email: adminEmail, password: adminPassword, name: 'Admin' },
    with_api_key: true,
  });
  return {
    id: organization.id,
    key: apiKey!.key,
    adminEmail,
    adminPassword,
    api: client(apiKey!.key),
  };
}

/** Signs in through Better Auth's real endpoint and returns the session cookie header. */
export async function signIn(email: string, password: string): Promise<string> {
  const { getAuth } = await import('@/lib/auth/better-auth');
  const auth = await getAuth();
  const res = await auth.handler(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE },
      body: JSON.stringify({ email, password }),
    }),
  );
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** A fresh organization with only an API key (no admin: skips password hashing, so it is fast). */
export async function createKeyOrg(
  timezone = 'Europe/Paris',
): Promise<Pick<TestOrg, 'id' | 'key' | 'api'>> {
  const db = await getDb();
  const { organization, apiKey } = await createOrganization(db, {
    name: `Key Org ${randomUUID().slice(0, 8)}`,
    timezone,
    with_api_key: true,
  });
  return { id: organization.id, key: apiKey!.key, api: client(apiKey!.key) };
}

/** A client bound to a session cookie; writes carry this app's Origin unless `origin` says otherwise. */
export function sessionClient(cookie: string, origin: string | null = BASE) {
  const headers = origin ? { origin } : undefined;
  return {
    get: <T = any>(path: string) => call<T>('GET', path, { cookie }),
    post: <T = any>(path: string, body?: unknown) =>
      call<T>('POST', path, { cookie, body, headers }),
    patch: <T = any>(path: string, body?: unknown) =>
      call<T>('PATCH', path, { cookie, body, headers }),
    delete: <T = any>(path: string) => call<T>('DELETE', path, { cookie, headers }),
  };
}
