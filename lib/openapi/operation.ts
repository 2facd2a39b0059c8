import type { z } from 'zod';
import type { ListQuerySpec } from '@/lib/http/query';
import type { MediaAnswer, Route } from '@/lib/http/route';
import { ALL_ERROR_CODES, ERROR_CODES, statusOf, type ErrorCode } from '@/lib/http/error-codes';
import { ERROR_RESPONSES, MEMBER_SECURITY, type ErrorStatus } from './components';
import { toJsonSchema, type JsonSchema } from './json-schema';
import { listParameters, pathParameters, queryParameters, type Parameter } from './parameters';
import { operationId, pathParams } from './paths';

/** One route → one OpenAPI operation. */

/** A route's schemas with bodies and responses already turned into JSON Schema. */
export interface ResolvedSchemas {
  list?: ListQuerySpec;
  query?: z.ZodType;
  body?: JsonSchema;
  response?: JsonSchema | MediaAnswer;
  status: number;
  otherAnswers?: Record<number, JsonSchema | MediaAnswer | null>;
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
    response: s.response && resolveAnswer(s.response, components),
    status,
    otherAnswers:
      s.otherAnswers &&
      Object.fromEntries(
        Object.entries(s.otherAnswers).map(([k, v]) => [k, v && resolveAnswer(v, components)]),
      ),
    rateLimited: s.rateLimited,
    idempotent: s.idempotent,
  };
}

const isMedia = (answer: object): answer is MediaAnswer =>
  typeof (answer as MediaAnswer).media === 'string' && !('~standard' in answer);

function resolveAnswer(
  answer: z.ZodType | MediaAnswer,
  components: Record<string, JsonSchema>,
): JsonSchema | MediaAnswer {
  return isMedia(answer) ? answer : toJsonSchema(answer, { io: 'output', components });
}

/**
 * The codes a route can answer, by status: those every route of its kind can give (a body to
 * validate, credentials to check, a record to find, a write that can race), and its own.
 */
export function errorCodesOf(route: Route, schemas: ResolvedSchemas): Map<string, ErrorCode[]> {
  const codes = new Set<ErrorCode>(['internal_error', 'service_unavailable']);
  const write = WRITES.has(route.method);
  if (schemas.status >= 400) {
    // A route kept only to answer "not offered".
    for (const [code, info] of Object.entries(ERROR_CODES)) {
      if (info.status === schemas.status) codes.add(code as ErrorCode);
    }
    if (route.access !== 'public') codes.add('unauthenticated').add('forbidden');
    // It may look its parent record up first (an unknown assistant's MCP endpoint is a 404).
    if (pathParams(route.path).length) codes.add('not_found');
  } else {
    if (schemas.body || schemas.query || schemas.list || write || route.rawBody)
      codes.add('validation_error');
    if (route.access !== 'public') codes.add('unauthenticated').add('forbidden');
    if (route.cookieWrite) codes.add('forbidden').add('unsupported_media_type');
    if (pathParams(route.path).length) codes.add('not_found');
    if (write) codes.add('conflict');
    if (route.method === 'DELETE') codes.add('in_use');
    // The router reads every POST/PATCH/PUT body, declared or not, with the 1 MiB cap.
    if (write && route.method !== 'DELETE') codes.add('payload_too_large');
    if (schemas.rateLimited) codes.add('rate_limited');
    if (schemas.idempotent) codes.add('idempotency_conflict');
    for (const code of route.errors === 'any' ? ALL_ERROR_CODES : (route.errors ?? []))
      codes.add(code);
  }
  const byStatus = new Map<string, ErrorCode[]>();
  for (const code of ALL_ERROR_CODES) {
    if (!codes.has(code)) continue;
    const status = String(statusOf(code));
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return new Map([...byStatus].sort(([a], [b]) => a.localeCompare(b)));
}

/** The §0 envelope of one status, its `code` narrowed to what the operation can give there. */
function errorResponse(status: string, codes: ErrorCode[]) {
  const shared = ERROR_RESPONSES[status as ErrorStatus];
  const description = codes.map((c) => `\`${c}\`: ${ERROR_CODES[c].about}.`).join(' ');
  return {
    description,
    ...(shared && 'headers' in shared ? { headers: shared.headers } : {}),
    content: {
      'application/json': {
        schema: {
          allOf: [
            { $ref: '#/components/schemas/Error' },
            { properties: { error: { properties: { code: { enum: codes } } } } },
          ],
        },
      },
    },
  };
}

function answerResponse(response: JsonSchema | MediaAnswer | null | undefined) {
  if (!response) return { description: 'Success, with no body.' };
  if (isMedia(response)) {
    return { description: response.description, content: { [response.media]: {} } };
  }
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
  if (!notOffered) responses[String(schemas.status)] = answerResponse(schemas.response);
  for (const [status, codes] of errorCodesOf(route, schemas)) {
    responses[status] = errorResponse(status, codes);
  }
  // Declared answers win over the envelope: a protocol's own error bodies (MCP's JSON-RPC).
  for (const [status, answer] of Object.entries(schemas.otherAnswers ?? {})) {
    responses[status] = answerResponse(answer);
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
