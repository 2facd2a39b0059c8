import { createApiKey, listApiKeys, revokeApiKey } from '@/lib/auth/api-keys';
import { signUp } from '@/lib/auth/signup';
import { createUser, deleteUser, listUsers, patchUser } from '@/lib/auth/user-admin';
import { json } from '@/lib/http/responses';
import type { Route } from '@/lib/http/route';
import { serializeOrganization } from '@/lib/organizations/create-organization';

/** Organization, staff accounts and API keys (§1). */
export const accountRoutes: Route[] = [
  {
    method: 'GET',
    path: '/organizations/me',
    access: 'member',
    tag: 'Organization',
    summary: 'The caller’s organization',
    handle: async (ctx) => ({ body: serializeOrganization(ctx.organization) }),
  },
  {
    method: 'POST',
    path: '/signup',
    access: 'public',
    tag: 'Organization',
    summary: 'Create an organization and its first admin, and sign in',
    handle: async (ctx, { body, req }) => {
      const { organization, setCookie } = await signUp(ctx.db, body, req.headers);
      const response = json({ organization }, 201);
      for (const cookie of setCookie) response.headers.append('set-cookie', cookie);
      return response;
    },
  },
  {
    method: 'GET',
    path: '/users',
    access: 'admin',
    tag: 'Staff',
    summary: 'List staff users',
    handle: async (ctx, { query }) => ({ body: await listUsers(ctx, query) }),
  },
  {
    method: 'POST',
    path: '/users',
    access: 'admin',
    tag: 'Staff',
    summary: 'Add a staff user',
    handle: async (ctx, { body }) => ({ status: 201, body: await createUser(ctx, body) }),
  },
  {
    method: 'PATCH',
    path: '/users/:id',
    access: 'admin',
    tag: 'Staff',
    summary: 'Change a staff user’s name or role',
    handle: async (ctx, { params, body }) => ({ body: await patchUser(ctx, params.id!, body) }),
  },
  {
    method: 'DELETE',
    path: '/users/:id',
    access: 'admin',
    tag: 'Staff',
    summary: 'Remove a staff user',
    handle: async (ctx, { params }) => ({ body: await deleteUser(ctx, params.id!) }),
  },
  {
    method: 'GET',
    path: '/api-keys',
    access: 'admin',
    tag: 'API keys',
    summary: 'List active API keys (never the keys themselves)',
    handle: async (ctx, { query }) => ({ body: await listApiKeys(ctx, query) }),
  },
  {
    method: 'POST',
    path: '/api-keys',
    access: 'admin',
    tag: 'API keys',
    summary: 'Create an API key (shown once)',
    handle: async (ctx, { body }) => ({ status: 201, body: await createApiKey(ctx, body) }),
  },
  {
    method: 'DELETE',
    path: '/api-keys/:id',
    access: 'admin',
    tag: 'API keys',
    summary: 'Revoke an API key',
    handle: async (ctx, { params }) => ({ body: await revokeApiKey(ctx, params.id!) }),
  },
];
