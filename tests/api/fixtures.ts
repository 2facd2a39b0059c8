import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { call, signIn, type ApiResponse, type client, type TestOrg } from '../helpers/api';

/** Shared assertions and fixtures of the tests/api suite (not a test file itself). */

export type Api = ReturnType<typeof client>;

/** Stack-trace-like text (`    at fn (file.ts:1:2)`, file positions, node_modules paths). */
const STACK_LIKE = /\n\s*at\s|\bat\s+\S+\s+\(|\.[cm]?[jt]sx?:\d+:\d+|node_modules|\/work\//;

export function expectNoStack(res: ApiResponse) {
  const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  expect(text, 'error body looks like a stack trace').not.toMatch(STACK_LIKE);
}

/**
 * Asserts the §0 envelope `{error: {code, message, details?}}`, the exact status and code and,
 * when `paths` is given, that the details name exactly those paths (each at least once).
 */
export function expectError(res: ApiResponse, status: number, code: string, paths?: string[]) {
  const dump = JSON.stringify(res.body);
  expect(res.status, dump).toBe(status);
  expect(res.headers.get('content-type') ?? '').toMatch(/^application\/json/);
  expect(Object.keys(res.body ?? {}), dump).toEqual(['error']);
  const error = res.body.error;
  expect(error.code).toBe(code);
  expect(error.code).toMatch(/^[a-z][a-z0-9_]*$/);
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  for (const k of Object.keys(error)) expect(['code', 'message', 'details']).toContain(k);
  if (error.details !== undefined) {
    expect(Array.isArray(error.details)).toBe(true);
    for (const d of error.details) expect(typeof d.message).toBe('string');
  }
  if (paths) {
    const got = [...new Set((error.details ?? []).map((d: { path?: string }) => d.path))].sort();
    expect(got, dump).toEqual([...new Set(paths)].sort());
  }
  expectNoStack(res);
}

export function expectStatus(res: ApiResponse, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
}

/** POSTs and insists on 201, returning the record. */
export async function make(api: Api, path: string, body: Record<string, unknown>): Promise<any> {
  const res = await api.post(path, body);
  expectStatus(res, 201);
  return res.body;
}

export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** One record of every collection, wired together, in the organization of `api`. */
export async function seedAll(api: Api) {
  const company = await make(api, '/companies', { name: 'Acme' });
  const contact = await make(api, '/contacts', {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    company_id: company.id,
  });
  const deal = await make(api, '/deals', {
    title: 'Big deal',
    contact_id: contact.id,
    company_id: company.id,
  });
  const service = await make(api, '/reservation-services', {
    name: 'Haircut',
    duration_minutes: 30,
  });
  const resource = await make(api, '/reservation-resources', {
    name: 'Chair 1',
    type: 'equipment',
  });
  const link = await make(api, '/reservation-service-resources', {
    service_id: service.id,
    resource_id: resource.id,
  });
  const hours = await make(api, '/reservation-resource-availability', {
    resource_id: resource.id,
    day_of_week: 1,
    start_time: '09:00',
    end_time: '17:00',
  });
  const exception = await make(api, '/reservation-resource-exceptions', {
    resource_id: resource.id,
    date: '2030-01-01',
    kind: 'blocked',
    reason: 'Holiday',
  });
  const field = await make(api, '/custom-fields', {
    entity_type: 'contact',
    key: 'tier',
    label: 'Tier',
    type: 'text',
  });
  return { company, contact, deal, service, resource, link, hours, exception, field };
}
export type Seed = Awaited<ReturnType<typeof seedAll>>;

/** The collections of this foundation: seed key, path, and a valid PATCH body. */
export const COLLECTIONS: { name: keyof Seed; path: string; patch: Record<string, unknown> }[] = [
  { name: 'contact', path: '/contacts', patch: { name: 'Changed' } },
  { name: 'company', path: '/companies', patch: { name: 'Changed' } },
  { name: 'deal', path: '/deals', patch: { title: 'Changed' } },
  { name: 'service', path: '/reservation-services', patch: { name: 'Changed' } },
  { name: 'resource', path: '/reservation-resources', patch: { name: 'Changed' } },
  { name: 'link', path: '/reservation-service-resources', patch: { quantity: 2 } },
  { name: 'hours', path: '/reservation-resource-availability', patch: { end_time: '18:00' } },
  { name: 'exception', path: '/reservation-resource-exceptions', patch: { reason: 'Changed' } },
  { name: 'field', path: '/custom-fields', patch: { label: 'Changed' } },
];

/** Adds a user to `org` through the API (as its admin key) and signs them in. */
export async function addUser(org: Pick<TestOrg, 'key'>, role: 'admin' | 'staff' = 'staff') {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
  const password = 'staff password 123';
  const res = await call('POST', '/users', {
    key: org.key,
    body: { name: `A ${role}`, email, password, role },
  });
  expectStatus(res, 201);
  const cookie = await signIn(email, password);
  return { user: res.body, email, password, cookie };
}
