import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { collections, routes } from '@/lib/api/routes';
import { buildOpenApiDocument, openApiPath } from '@/lib/openapi';
import { call } from '../helpers/api';
import { createFixture, fillPath, fixtureParams, type Fixture } from '../security/fixture';

/**
 * The documented success shapes are what the API answers: every GET with a response schema,
 * called on the fixture organization's records, validates against it (unknown fields fail
 * where the schema closes the object, so a column added without a thought shows up here).
 */

const DOC_ID = 'https://reference.test/openapi.json';
const doc = buildOpenApiDocument({ routes, collections });
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ $id: DOC_ID, ...doc } as object);

/** Points `#/components/…` references of an inline schema at the document. */
function absolute(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(absolute);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${DOC_ID}${v}` : absolute(v),
    ]),
  );
}

type Op = { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
const documented = routes
  .filter((r) => r.method === 'GET')
  .map((route) => {
    const op = (doc.paths as Record<string, Record<string, Op>>)[openApiPath(route.path)]!.get!;
    const schema = op.responses['200']?.content?.['application/json']?.schema;
    return { route, schema };
  })
  .filter((d) => d.schema !== undefined);

describe('documented answers match real ones', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture();
  }, 120_000);

  it('covers the collections and reservations', () => {
    const paths = documented.map((d) => d.route.path);
    for (const def of collections) {
      expect(paths).toContain(`/${def.path}`);
      expect(paths).toContain(`/${def.path}/:id`);
    }
    expect(paths).toEqual(expect.arrayContaining(['/reservations', '/reservations/:id']));
  });

  it.each(documented.map((d) => [`GET ${d.route.path}`, d] as const))(
    '%s',
    async (_, { route, schema }) => {
      const params = fixtureParams(route, fx);
      expect(params, 'a fixture record for this route').not.toBeNull();
      const res = await call('GET', fillPath(route.path, params!), { key: fx.org.key });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const validate = ajv.compile(absolute(schema) as object);
      const valid = validate(res.body);
      expect(validate.errors ?? [], JSON.stringify(res.body).slice(0, 500)).toEqual([]);
      expect(valid).toBe(true);
    },
  );
});
