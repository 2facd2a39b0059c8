import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { collections, routes } from '@/lib/api/routes';
import { ERROR_CODES, type ErrorCode } from '@/lib/http/error-codes';
import { buildOpenApiDocument, openApiPath, SESSION_COOKIE } from '@/lib/openapi';
import { call, createTestOrg, signIn } from '../helpers/api';

/** §14: the OpenAPI document is valid, complete (every route), and consistent. */

type Operation = {
  operationId?: string;
  tags?: string[];
  summary?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: unknown;
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: unknown }> }>;
  'x-not-offered'?: boolean;
};

const doc = buildOpenApiDocument({ routes, collections });
const paths = doc.paths as Record<string, Record<string, Operation>>;
const operations = Object.entries(paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ path, method, op })),
);
const ERROR_REF = '#/components/schemas/Error';

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator)', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
  });

  it('has schemas that compile as JSON Schema 2020-12 (Ajv, strict types)', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema({ $id: 'https://doc.test/openapi.json', ...doc } as object);
    for (const name of Object.keys(doc.components.schemas)) {
      expect(
        ajv.getSchema(`https://doc.test/openapi.json#/components/schemas/${name}`),
        name,
      ).toBeTruthy();
    }
  });

  it('documents every route of the route table, and nothing else', () => {
    const missing = routes
      .filter((r) => !paths[openApiPath(r.path)]?.[r.method.toLowerCase()])
      .map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
    expect(operations.length).toBe(routes.length);
  });

  it('names its own route, public', () => {
    const op = paths['/api/openapi.json']!.get!;
    expect(op.security).toEqual([]);
    expect(op.tags).toEqual(['Docs']);
  });

  describe.each(operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
    '%s',
    (_, { op, path }) => {
      const route = routes.find(
        (r) =>
          openApiPath(r.path) === path && r.method.toLowerCase() === _.split(' ')[0]!.toLowerCase(),
      )!;

      it('has an operationId, a tag and a summary', () => {
        expect(op.operationId).toMatch(/^[a-z][A-Za-z0-9]+$/);
        expect(op.tags?.length).toBe(1);
        expect(doc.tags.map((t) => t.name)).toContain(op.tags![0]);
        expect(op.summary?.length).toBeGreaterThan(0);
      });

      it('has a 2xx answer and the error envelope on every error', () => {
        const statuses = Object.keys(op.responses);
        if (op['x-not-offered']) {
          expect(statuses.every((s) => s >= '400')).toBe(true);
          expect(statuses).toContain('405');
        } else {
          expect(statuses.some((s) => /^2\d\d$/.test(s))).toBe(true);
          expect(statuses).toContain('500');
          expect(statuses).toContain('503');
        }
        const ownFormat = (s: string) => route.schemas?.otherAnswers?.[Number(s)] !== undefined;
        for (const status of statuses.filter((s) => s >= '400' && !ownFormat(s))) {
          const response = op.responses[status]!;
          const resolved = response.$ref
            ? (doc.components.responses as Record<string, typeof response>)[
                response.$ref.split('/').pop()!
              ]!
            : response;
          const schema = resolved.content?.['application/json']?.schema as {
            allOf: [
              unknown,
              { properties: { error: { properties: { code: { enum: string[] } } } } },
            ];
          };
          expect(schema.allOf[0]).toEqual({ $ref: ERROR_REF });
          const codes = schema.allOf[1].properties.error.properties.code.enum;
          expect(codes.length, `${status} lists its codes`).toBeGreaterThan(0);
          for (const code of codes) {
            expect(ERROR_CODES[code as ErrorCode]?.status, `${code} is a ${status} code`).toBe(
              Number(status),
            );
          }
        }
      });

      it('has a schema for every answer: JSON, a media type, or declared without a body', () => {
        for (const [status, response] of Object.entries(op.responses)) {
          if (response.$ref) continue;
          const content = response.content ?? {};
          const bodiless = route.schemas?.otherAnswers?.[Number(status)] === null;
          expect(bodiless || Object.keys(content).length > 0, `${status} has content`).toBe(true);
          for (const [media, entry] of Object.entries(content)) {
            if (media === 'application/json') expect(entry.schema, media).toBeDefined();
            expect(media, 'a media type, not a wildcard').not.toBe('*/*');
          }
        }
      });

      it('states its security: none when public, a key or the session otherwise', () => {
        if (route.access === 'public') {
          expect(op.security).toEqual([]);
        } else {
          expect(op.security).toEqual([{ apiKey: [] }, { session: [] }]);
          expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
        }
      });

      it('declares each path parameter', () => {
        const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path');
        expect(declared.map((p) => p.name).sort()).toEqual(names.sort());
        expect(declared.every((p) => p.required)).toBe(true);
      });
    },
  );

  it('has unique operationIds', () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(collections.map((c) => [c.path, c] as const))(
    '/%s: list parameters, bodies and records from its declaration',
    (_, def) => {
      const list = paths[`/api/${def.path}`]!.get!;
      const names = (list.parameters ?? []).map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(['$limit', '$skip']));
      for (const field of def.sortable) expect(names).toContain(`$sort[${field}]`);
      for (const field of Object.keys(def.filters)) {
        expect(names).toEqual(expect.arrayContaining([field, `${field}[$ne]`, `${field}[$in][]`]));
      }
      if (def.search?.length || def.searchSql) expect(names).toContain('$search');
      const create = paths[`/api/${def.path}`]!.post!;
      expect(Object.keys(create.responses)).toContain('201');
      expect(create.requestBody).toBeTruthy();
      expect(paths[`/api/${def.path}/{id}`]!.patch!.requestBody).toBeTruthy();
    },
  );

  it('documents the request bodies the routes declare', () => {
    for (const route of routes.filter((r) => r.schemas?.body)) {
      const op = paths[openApiPath(route.path)]![route.method.toLowerCase()]!;
      expect(op.requestBody, `${route.method} ${route.path}`).toBeTruthy();
    }
  });
});

describe('the security schemes', () => {
  it('describe the bearer API key and the cookie Better Auth sets', async () => {
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.session).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: SESSION_COOKIE,
    });
    const org = await createTestOrg();
    const cookie = await signIn(org.adminEmail, org.adminPassword);
    expect(cookie.split('; ').map((c) => c.split('=')[0])).toContain(SESSION_COOKIE);
  });
});

describe('GET /api/openapi.json', () => {
  let first: Awaited<ReturnType<typeof call>>;
  beforeAll(async () => {
    first = await call('GET', '/openapi.json');
  });

  it('is public, JSON, and the generated document', () => {
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(first.body).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('is built once per process and revalidated by ETag', async () => {
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await call('GET', '/openapi.json');
    expect(again.headers.get('etag')).toBe(etag);
    const cached = await call('GET', '/openapi.json', { headers: { 'if-none-match': etag } });
    expect(cached.status).toBe(304);
  });
});
