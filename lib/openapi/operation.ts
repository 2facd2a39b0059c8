import type { z } from 'zod';
import type { ListQuerySpec } from '@/lib/http/query';
import type { Route } from '@/lib/http/route';
import { MEMBER_SECURITY, type ErrorStatus } from './components';
import { toJsonSchema, type JsonSchema } from './json-schema';
import { listParameters, pathParameters, queryParameters, type Parameter } from './parameters';
import { operationId, pathParams } from './paths';

/** One route → one OpenAPI operation. */

/** A route's schemas with bodies and responses already turned into JSON Schema. */
export interface ResolvedSchemas {
  list?: ListQuerySpec;
  query?: z.ZodType;
  body?: JsonSchema;
  response?: JsonSchema | string;
  status: number;
  rateLimited?: boolean;
  idempotent?: boolean;
}

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** The route's own `schemas`, converted (bodies as a client sends them, answers as sent back). */
export function resolveRouteSchemas(
  route: Route,
  components: Record<string, JsonSchema>,
): ResolvedSchemas {
  const s = route.schemas ?? {};
  const status = s.status ?? 200;
  return {
    list: s.list,
    query: s.query,
    body: s.body ? toJsonSchema(s.body, { io: 'input', components }) : undefined,
    response:
      s.response === undefined || typeof s.response === 'string'
        ? s.response
        : toJsonSchema(s.response, { io: 'output', components }),
    status,
    rateLimited: s.rateLimited,
    idempotent: s.idempotent,
  };
}

function errorStatuses(route: Route, schemas: ResolvedSchemas): ErrorStatus[] {
  const statuses = new Set<ErrorStatus>();
  const write = WRITES.has(route.method);
  if (schemas.body || schemas.query || schemas.list || write || route.rawBody) statuses.add('400');
  if (route.access !== 'public') statuses.add('401').add('403');
  if (route.cookieWrite) statuses.add('403').add('415');
  if (pathParams(route.path).length) statuses.add('404');
  if (write) statuses.add('409');
  // The router reads every POST/PATCH/PUT body, declared or not, with the 1 MiB cap.
  if (write && route.method !== 'DELETE') statuses.add('413');
  if (schemas.rateLimited) statuses.add('429');
  statuses.add('500').add('503');
  return [...statuses].sort();
}

function successResponse(schemas: ResolvedSchemas) {
  const { response } = schemas;
  if (response === undefined) return { description: 'Success.' };
  if (typeof response === 'string') return { description: response };
  const description = typeof response.description === 'string' ? response.description : 'Success.';
  return { description, content: { 'application/json': { schema: response } } };
}

function requestBody(route: Route, schemas: ResolvedSchemas) {
  if (route.rawBody) {
    return {
      required: true,
      description: 'A raw body, passed to the handler unparsed (see the summary).',
      content: { '*/*': { schema: {} } },
    };
  }
  if (!schemas.body) return undefined;
  return { required: true, content: { 'application/json': { schema: schemas.body } } };
}

/** §0: replays within 24 h answer the original status and body; another body → 409. */
const IDEMPOTENCY_KEY: Parameter = {
  name: 'Idempotency-Key',
  in: 'header',
  description:
    'Makes the request safe to retry: the same key with the same body within 24 h answers the original status and body without creating anything; with a different body, 409 `idempotency_conflict`.',
  schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
};

/** Later parameters (an explicit query schema) replace earlier ones of the same name. */
function mergeParameters(...groups: Parameter[][]): Parameter[] {
  const byName = new Map<string, Parameter>();
  for (const p of groups.flat()) byName.set(`${p.in}:${p.name}`, p);
  return [...byName.values()];
}

export function buildOperation(
  route: Route,
  schemas: ResolvedSchemas,
  components: Record<string, JsonSchema>,
) {
  const parameters = mergeParameters(
    pathParameters(route.path),
    schemas.list ? listParameters(schemas.list) : [],
    schemas.query ? queryParameters(schemas.query, components) : [],
    schemas.idempotent ? [IDEMPOTENCY_KEY] : [],
  );
  const notOffered = schemas.status >= 400;
  const responses: Record<string, unknown> = {};
  // A route kept only to answer "not offered" documents that answer instead of a success.
  responses[String(schemas.status)] = notOffered
    ? { $ref: `#/components/responses/${schemas.status}` }
    : successResponse(schemas);
  const errors: ErrorStatus[] = notOffered
    ? [...(route.access === 'public' ? [] : (['401', '403'] as const)), '500', '503']
    : errorStatuses(route, schemas);
  for (const status of errors) {
    responses[status] ??= { $ref: `#/components/responses/${status}` };
  }
  const body = notOffered ? undefined : requestBody(route, schemas);
  const access =
    route.access === 'admin'
      ? 'Admins and API keys only (staff users get 403).'
      : route.access === 'member'
        ? 'Any signed-in staff user or API key.'
        : 'Public: no credentials.';
  return {
    operationId: operationId(route),
    tags: [route.tag],
    summary: route.summary,
    description: access,
    ...(route.access === 'public' ? { security: [] } : { security: MEMBER_SECURITY }),
    ...(parameters.length ? { parameters } : {}),
    ...(body ? { requestBody: body } : {}),
    responses,
    'x-access': route.access,
    ...(notOffered ? { 'x-not-offered': true } : {}),
  };
}
