import { z } from 'zod';
import type { JsonSchema } from './json-schema';

/** The parts every operation shares: the §0 error envelope, its responses, the two schemes. */

export const ErrorEnvelopeSchema = z
  .strictObject({
    error: z.strictObject({
      code: z
        .string()
        .regex(/^[a-z][a-z0-9_]*$/)
        .meta({ description: 'A stable snake_case code, e.g. validation_error.' }),
      message: z.string().meta({ description: 'For humans; never a stack trace.' }),
      details: z
        .array(
          z.looseObject({
            path: z.string().optional().meta({ description: 'The field, dot-separated.' }),
            message: z.string(),
          }),
        )
        .optional(),
    }),
  })
  .meta({ description: 'Every non-2xx answer (§0).' });

/** Session cookie name: Better Auth's `<cookiePrefix>.session_token` (lib/auth/better-auth.ts). */
export const SESSION_COOKIE = 'reservations.session_token';

export const SECURITY_SCHEMES = {
  apiKey: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'rsk_…',
    description:
      'An API key of one organization, created by an admin in Settings and shown once: ' +
      '`Authorization: Bearer rsk_…`. A key acts as an admin of its organization.',
  },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'The staff UI’s session cookie, set by signing in (named `__Secure-' +
      SESSION_COOKIE +
      '` when served over HTTPS in production). Writes with it must come from this ' +
      'application’s own origin (an `Origin` or `Referer` header), else 403.',
  },
} as const;

/** Either scheme grants access; public operations say `security: []`. */
export const MEMBER_SECURITY = [{ apiKey: [] }, { session: [] }];

const errorResponse = (description: string, headers?: JsonSchema) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** Reusable error responses, by status. */
export const ERROR_RESPONSES = {
  '400': errorResponse(
    '`validation_error`: bad JSON, wrong types, unknown fields or parameters, broken rules; `details` lists `{path, message}`.',
  ),
  '401': errorResponse('`unauthenticated`: no valid API key or session.'),
  '403': errorResponse(
    '`forbidden`: the role may not do this, `organization_id` is not the caller’s, or a cookie write came from another origin.',
  ),
  '404': errorResponse(
    '`not_found`: no such record in the caller’s organization (another organization’s reads the same).',
  ),
  '405': errorResponse('`method_not_allowed`: this method is not offered here.', {
    Allow: { description: 'The methods this path offers.', schema: { type: 'string' } },
  }),
  '409': errorResponse(
    'A conflict with the current state; each operation lists the codes it can give (lib/http/error-codes.ts).',
  ),
  '413': errorResponse('`payload_too_large`: the body is over 1 MiB.'),
  '415': errorResponse('`unsupported_media_type`: the body must be `application/json`.'),
  '429': errorResponse('`rate_limited`: too many requests from this client.', {
    'Retry-After': {
      description: 'Seconds to wait before trying again.',
      schema: { type: 'integer', minimum: 0 },
    },
  }),
  '500': errorResponse('`internal_error`: an unexpected failure (logged with the request id).'),
  '503': errorResponse('`service_unavailable`: the database cannot be reached; try again.', {
    'Retry-After': {
      description: 'Seconds to wait before trying again.',
      schema: { type: 'integer', minimum: 0 },
    },
  }),
} as const;

export type ErrorStatus = keyof typeof ERROR_RESPONSES;
