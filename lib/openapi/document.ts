import type { CollectionDef } from '@/lib/crud/collection';
import type { Route } from '@/lib/http/route';
import { collectionSchemas } from './collections';
import {
  ERROR_RESPONSES,
  ErrorEnvelopeSchema,
  MEMBER_SECURITY,
  SECURITY_SCHEMES,
} from './components';
import { toJsonSchema, type JsonSchema } from './json-schema';
import { buildOperation, resolveRouteSchemas, type ResolvedSchemas } from './operation';
import { openApiPath } from './paths';

/**
 * The OpenAPI 3.1 document of every route in the route table: nothing in it is written by
 * hand about an endpoint. Collections' routes are documented from their declarations; the
 * others from the `schemas` their route declares (the very zod schemas they validate with).
 */
export interface ApiSource {
  routes: readonly Route[];
  collections: readonly CollectionDef[];
}

export const OPENAPI_VERSION = '3.1.1';

const DESCRIPTION = [
  'The Reservations API. JSON in and out, `snake_case` fields; ids are UUIDs; instants are',
  'ISO 8601 with an offset (answers are UTC with `Z`).',
  '',
  'Authenticate with `Authorization: Bearer <api key>` (a key acts as an admin of its',
  'organization) or, in the staff UI, the session cookie. Every non-2xx answer is',
  '`{"error": {"code", "message", "details"?}}`.',
  '',
  'Lists take `$limit` (default 10, at most 50), `$skip`, `$sort[field]=1|-1` and filters',
  'written as the `qs` library writes them: `field=v`, `field[$ne]=v`,',
  '`field[$in][]=a&field[$in][]=b`, and `[$gt] [$gte] [$lt] [$lte]` on instants, dates and',
  'numbers. They answer `{"total", "limit", "skip", "data"}`.',
].join('\n');

export function buildOpenApiDocument(source: ApiSource, version = '1.0.0') {
  const components: Record<string, JsonSchema> = {
    Error: toJsonSchema(ErrorEnvelopeSchema, { io: 'output', components: {} }),
  };
  const fromCollections = new Map<string, ResolvedSchemas>();
  for (const def of source.collections) {
    for (const [key, schemas] of collectionSchemas(def, components))
      fromCollections.set(key, schemas);
  }
  const paths: Record<string, Record<string, unknown>> = {};
  const tags: string[] = [];
  for (const route of source.routes) {
    const key = `${route.method} ${route.path}`;
    const own = route.schemas ? resolveRouteSchemas(route, components) : undefined;
    const schemas = own ?? fromCollections.get(key) ?? resolveRouteSchemas(route, components);
    const path = (paths[openApiPath(route.path)] ??= {});
    path[route.method.toLowerCase()] = buildOperation(route, schemas, components);
    if (!tags.includes(route.tag)) tags.push(route.tag);
  }
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: 'Reservations API',
      version,
      description: DESCRIPTION,
    },
    servers: [{ url: '/', description: 'This server' }],
    tags: tags.map((name) => ({ name })),
    security: MEMBER_SECURITY,
    paths,
    components: {
      schemas: components,
      responses: ERROR_RESPONSES,
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
