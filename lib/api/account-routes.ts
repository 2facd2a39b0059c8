import { createApiKey, listApiKeys, revokeApiKey } from '@/lib/auth/api-keys';
import {
  ApiKeyCreateSchema,
  SignUpSchema,
  UserCreateSchema,
  UserPatchSchema,
} from '@/lib/auth/schemas';
import { signUp } from '@/lib/auth/signup';
import { createUser, deleteUser, listUsers, patchUser } from '@/lib/auth/user-admin';
import { clientIp } from '@/lib/http/client-ip';
import { enforceRateLimit, perMinuteSetting } from '@/lib/http/rate-limit';
import { json } from '@/lib/http/responses';
import { ROLES } from '@/lib/http/context';
import type { Route } from '@/lib/http/route';
import { recordSchemaOf } from '@/lib/openapi/record-schema';
import { uuidSchema } from '@/lib/validation/fields';
import { z } from 'zod';
import { instantAnswer, pageOf } from '@/lib/validation/answers';
import { organizations } from '@/db/schema';
import { serializeOrganization } from '@/lib/organizations/create-organization';

/** Organization, staff accounts and API keys (§1). */

const OrganizationView = recordSchemaOf(organizations, { omit: ['updated_at'] });
/** Lists of users and keys page like collections, without filters or sort. */
const plainList = { filters: {}, sortable: [] };

/** `serializeUser`: never a password or a session. */
const UserView = z.strictObject({
  id: uuidSchema,
  organization_id: uuidSchema,
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  created_at: instantAnswer(),
  updated_at: instantAnswer(),
});

/** `serializeApiKey`: the prefix identifies a key; the key itself is only in the create answer. */
const ApiKeyView = z.strictObject({
  id: uuidSchema,
  organization_id: uuidSchema,
  name: z.string(),
  prefix: z.string(),
  created_at: instantAnswer(),
  last_used_at: instantAnswer().nullable(),
  revoked_at: instantAnswer().nullable(),
});

export const accountRoutes: Route[] = [
  {
    method: 'GET',
    path: '/organizations/me',
    access: 'member',
    tag: 'Organization',
    summary: 'The caller’s organization',
    schemas: { response: OrganizationView },
    handle: async (ctx) => ({ body: serializeOrganization(ctx.organization) }),
  },
  {
    method: 'POST',
    path: '/signup',
    access: 'public',
    tag: 'Organization',
    summary: 'Create an organization and its first admin, and sign in',
    cookieWrite: true,
    schemas: {
      body: SignUpSchema,
      status: 201,
      response: z
        .strictObject({ organization: OrganizationView })
        .meta({ description: 'The new organization, with its first admin’s session cookie set.' }),
      rateLimited: true,
    },
    handle: async (ctx, { body, req }) => {
      await enforceRateLimit(
        ctx.db,
        `signup:ip:${clientIp(req)}`,
        perMinuteSetting('SIGN_UP_PER_MINUTE_IP', 5),
        ctx.now,
      );
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
    schemas: {
      list: plainList,
      response: pageOf(UserView, 'A page of staff users.'),
    },
    handle: async (ctx, { query }) => ({ body: await listUsers(ctx, query) }),
  },
  {
    method: 'POST',
    path: '/users',
    access: 'admin',
    tag: 'Staff',
    summary: 'Add a staff user',
    schemas: {
      body: UserCreateSchema,
      status: 201,
      response: UserView.meta({ description: 'The user.' }),
    },
    handle: async (ctx, { body }) => ({ status: 201, body: await createUser(ctx, body) }),
  },
  {
    method: 'PATCH',
    path: '/users/:id',
    access: 'admin',
    tag: 'Staff',
    summary: 'Change a staff user’s name or role',
    schemas: { body: UserPatchSchema, response: UserView.meta({ description: 'The user.' }) },
    handle: async (ctx, { params, body }) => ({ body: await patchUser(ctx, params.id!, body) }),
  },
  {
    method: 'DELETE',
    path: '/users/:id',
    access: 'admin',
    tag: 'Staff',
    summary: 'Remove a staff user',
    schemas: { response: UserView.meta({ description: 'The removed user.' }) },
    handle: async (ctx, { params }) => ({ body: await deleteUser(ctx, params.id!) }),
  },
  {
    method: 'GET',
    path: '/api-keys',
    access: 'admin',
    tag: 'API keys',
    summary: 'List active API keys (never the keys themselves)',
    schemas: { list: plainList, response: pageOf(ApiKeyView, 'A page of active API keys.') },
    handle: async (ctx, { query }) => ({ body: await listApiKeys(ctx, query) }),
  },
  {
    method: 'POST',
    path: '/api-keys',
    access: 'admin',
    tag: 'API keys',
    summary: 'Create an API key (shown once)',
    schemas: {
      body: ApiKeyCreateSchema,
      status: 201,
      response: ApiKeyView.extend({
        key: z.string().meta({ description: 'The secret (`rsk_…`), shown in this answer only.' }),
      }).meta({ description: 'The key’s record with `key`, the secret, shown this once.' }),
    },
    handle: async (ctx, { body }) => ({ status: 201, body: await createApiKey(ctx, body) }),
  },
  {
    method: 'DELETE',
    path: '/api-keys/:id',
    access: 'admin',
    tag: 'API keys',
    summary: 'Revoke an API key',
    schemas: { response: ApiKeyView.meta({ description: 'The revoked key’s record.' }) },
    handle: async (ctx, { params }) => ({ body: await revokeApiKey(ctx, params.id!) }),
  },
];
