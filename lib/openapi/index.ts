/**
 * lib/openapi owns the API reference (§14): the OpenAPI 3.1 document generated from the route
 * table (lib/api/routes.ts) — collections from their declarations, other routes from the zod
 * schemas they declare — and the public route that serves it. `/docs` renders it.
 */
export {
  buildOpenApiDocument,
  OPENAPI_VERSION,
  type ApiSource,
  type OpenApiDocument,
} from './document';
export { openApiRoutes } from './route';
export { openApiPath, operationId } from './paths';
export { recordSchemaOf } from './record-schema';
export { SECURITY_SCHEMES, SESSION_COOKIE } from './components';
