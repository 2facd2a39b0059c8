import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Route } from '@/lib/http/route';
import { buildOpenApiDocument, OPENAPI_VERSION, type ApiSource } from './document';

/** The document, loosely: its top-level members (an OpenAPI 3.1 document, not retyped here). */
const OpenApiDocumentAnswer = z
  .looseObject({
    openapi: z.literal(OPENAPI_VERSION),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.record(z.string(), z.unknown())).meta({
      description: 'The operations, by path and method.',
    }),
    components: z.looseObject({}).meta({
      description: 'Shared schemas, responses and security schemes.',
    }),
  })
  .meta({ description: 'The OpenAPI 3.1 document of this API, generated from its validators.' });

/**
 * `GET /api/openapi.json`. The document depends only on code, so it is built once per
 * process, on first request (the route table is complete by then), and revalidated by ETag.
 */
export function openApiRoutes(source: () => ApiSource): Route[] {
  let cached: { body: string; etag: string } | undefined;
  const load = () => {
    if (!cached) {
      const body = JSON.stringify(buildOpenApiDocument(source()));
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      cached = { body, etag };
    }
    return cached;
  };
  return [
    {
      method: 'GET',
      path: '/openapi.json',
      access: 'public',
      tag: 'Docs',
      summary: 'This OpenAPI 3.1 document',
      schemas: { response: OpenApiDocumentAnswer, otherAnswers: { 304: null } },
      handle: async (_ctx, { req }) => {
        const { body, etag } = load();
        const headers = { etag, 'cache-control': 'public, max-age=0, must-revalidate' };
        if (req.headers.get('if-none-match') === etag) {
          return new Response(null, { status: 304, headers });
        }
        return new Response(body, {
          status: 200,
          headers: { ...headers, 'content-type': 'application/json; charset=utf-8' },
        });
      },
    },
  ];
}
