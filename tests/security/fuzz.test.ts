import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRouter, collections, routes } from '@/lib/api/routes';
import type { Route } from '@/lib/http/route';
import { buildOpenApiDocument, openApiPath } from '@/lib/openapi';
import { BASE, type ApiResponse } from '../helpers/api';
import { expectNoStack } from '../api/fixtures';
import { bodyArbitrary, hostileStrings, queryArbitrary, type Body } from './fuzz-arbitraries';
import { mutatedBody, mutatedQuery, validBodies, validQueries } from './fuzz-valid-inputs';
import {
  createFixture,
  fillPath,
  fixtureParams,
  organizationRowCounts,
  type Fixture,
} from './fixture';

/**
 * Random and hostile requests against every route (§0: never a 500 for bad input, never a
 * stack trace, always the envelope): wrong types, huge and NaN-like numbers, 1000-level
 * nesting, long unicode, SQL-looking text, prototype keys, arrays for objects, bodies over
 * 1 MiB, invalid JSON and UTF-8, wrong content types, malformed query strings. Every write
 * the API refuses must leave the organization's rows as they were.
 *
 * Sent as the fixture organization's API key (an admin), and anonymously on public routes.
 * A fixed seed by default (FUZZ_SEED to change it); SLOW_TESTS=1 runs many more cases.
 */

const SLOW = !!process.env.SLOW_TESTS;
const RUNS = SLOW ? 150 : 10;
const SEED = Number(process.env.FUZZ_SEED ?? 20270314);
const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

const doc = buildOpenApiDocument({ routes, collections });
type Schema = { $ref?: string; properties?: Record<string, unknown> };
const schemaOf = (s: Schema | undefined): Schema | undefined =>
  s?.$ref ? (doc.components.schemas[s.$ref.split('/').pop()!] as Schema) : s;

/** Field and parameter names the route documents: fuzzing them reaches past "unknown field". */
function documentedNames(route: Route) {
  const op = (doc.paths as Record<string, Record<string, Record<string, unknown>>>)[
    openApiPath(route.path)
  ]![route.method.toLowerCase()]! as {
    parameters?: { name: string; in: string }[];
    requestBody?: { content?: Record<string, { schema?: Schema }> };
  };
  const body = schemaOf(op.requestBody?.content?.['application/json']?.schema);
  return {
    fields: Object.keys(body?.properties ?? {}),
    params: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
  };
}

// ---- the requests -----------------------------------------------------------------------

const hostileParam = fc.oneof(
  fc.uuid(),
  hostileStrings,
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constant('x'.repeat(5000)),
);

interface Case {
  anonymous: boolean;
  params: Record<string, string> | null;
  query: string;
  body: Body | null;
}

function caseArbitrary(route: Route, fx: Fixture): fc.Arbitrary<Case> {
  const names = documentedNames(route);
  const real = fixtureParams(route, fx);
  const paramNames = [...route.path.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1]!);
  const hostile = fc.record(Object.fromEntries(paramNames.map((n) => [n, hostileParam])));
  // DELETE never gets the real record: the fixture must outlive the run.
  const base = validBodies(fx)[`${route.method} ${route.path}`];
  const random = bodyArbitrary(names.fields);
  const baseQuery = validQueries(fx)[`${route.method} ${route.path}`];
  const query = baseQuery
    ? fc.oneof(queryArbitrary(names.params), mutatedQuery(baseQuery))
    : queryArbitrary(names.params);
  const body = base ? fc.oneof(random, mutatedBody(base)) : random;
  const params =
    real && route.method !== 'DELETE'
      ? fc.oneof({ weight: 2, arbitrary: fc.constant(real) }, hostile)
      : hostile;
  return fc
    .record({
      anonymous: route.access === 'public' ? fc.boolean() : fc.constant(false),
      params,
      query,
      body: WRITES.has(route.method) ? body : fc.constant(null),
    })
    .map((c) => Object.assign(c, { [fc.toStringMethod]: () => shortCase(route, c) }));
}

async function send(route: Route, fx: Fixture, c: Case): Promise<ApiResponse> {
  const path = fillPath(route.path, c.params ?? {});
  const headers: Record<string, string> = {};
  if (!c.anonymous) headers.authorization = `Bearer ${fx.org.key}`;
  if (c.body?.contentType) headers['content-type'] = c.body.contentType;
  const res = await apiRouter.dispatch(
    new Request(`${BASE}/api${path}${c.query ? `?${c.query}` : ''}`, {
      method: route.method,
      headers,
      body: c.body ? c.body.text : undefined,
    }),
  );
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}

/**
 * Routes whose refusals may take another documented shape than the §0 envelope, each with
 * why. Anything else non-2xx must be the envelope.
 */
const OTHER_ERROR_SHAPES: Record<string, { why: string; accepts: (body: unknown) => boolean }> = {
  'POST /ai-assistants/:id/mcp': {
    why: 'the MCP transport answers protocol errors as JSON-RPC error objects, as MCP clients expect',
    accepts: (body) =>
      typeof body === 'object' &&
      body !== null &&
      (body as { jsonrpc?: unknown }).jsonrpc === '2.0' &&
      typeof (body as { error?: { code?: unknown } }).error?.code === 'number',
  },
};

function checkAnswer(route: Route, res: ApiResponse, label: string) {
  expect(res.status, label).toBeLessThan(500);
  expectNoStack(res);
  if (OTHER_ERROR_SHAPES[`${route.method} ${route.path}`]?.accepts(res.body)) return;
  if (res.status >= 300 && res.status !== 304) {
    expect(res.headers.get('content-type') ?? '', label).toMatch(/^application\/json/);
    const body = res.body as { error?: Record<string, unknown> };
    expect(Object.keys(body ?? {}), label).toEqual(['error']);
    expect(body.error!.code, label).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(typeof body.error!.message, label).toBe('string');
    for (const k of Object.keys(body.error!)) expect(['code', 'message', 'details']).toContain(k);
    if (body.error!.details !== undefined) expect(Array.isArray(body.error!.details)).toBe(true);
  }
}

const clip = (text: string, n = 200) =>
  text.length > n ? `${text.slice(0, n)}…(${text.length})` : text;

/** A failing case, short enough to read (bodies can be over 1 MiB). */
function shortCase(route: Route, c: Case) {
  const body =
    typeof c.body?.text === 'string'
      ? clip(c.body.text)
      : c.body?.text
        ? `<${c.body.text.length} bytes>`
        : '';
  const who = c.anonymous ? 'anonymous' : 'admin key';
  return `${who} ${route.method} ${clip(fillPath(route.path, c.params ?? {}))}?${clip(c.query)} [${c.body?.contentType ?? ''}] ${body}`;
}

function describeCase(route: Route, c: Case, res: ApiResponse) {
  return `${shortCase(route, c)} → ${res.status} ${clip(JSON.stringify(res.body) ?? '', 400)}`;
}

describe(`fuzzing every route (${RUNS} cases each, seed ${SEED})`, () => {
  let fx: Fixture;
  let cases = 0;
  let rejectedWrites = 0;
  /** The organization's row counts as of the last accepted write (refusals change nothing). */
  let counts: Record<string, number>;

  beforeAll(async () => {
    fx = await createFixture();
    counts = await organizationRowCounts(fx.org.id);
  }, 120_000);

  afterAll(() => {
    console.info(
      `fuzz: ${cases} requests over ${routes.length} routes (${rejectedWrites} refused writes checked for unchanged rows), seed ${SEED}`,
    );
  });

  // Paths that cannot be decoded (sent raw, not escaped): a 400 with the envelope, never a 500
  // (Next answered them with a plain-text 500; lib/http/malformed-url.ts).
  const MALFORMED_SEGMENTS = ['%ZZ', '%', '%E0%A4%A', '%FF', '%C3%28', '%0A', 'a%2'];
  it.each(
    routes
      .filter((r) => r.path.includes(':'))
      .flatMap((r) => MALFORMED_SEGMENTS.map((seg) => [`${r.method} ${r.path}`, seg] as const)),
  )('a malformed path: %s with %s → 400 envelope', async (label, segment) => {
    const route = routes.find((r) => `${r.method} ${r.path}` === label)!;
    const path = route.path.replace(/:([A-Za-z_]+)/g, segment);
    const res = await apiRouter.dispatch(
      new Request(`${BASE}/api${path}`, {
        method: route.method,
        headers: { authorization: `Bearer ${fx.org.key}`, 'content-type': 'application/json' },
        body: WRITES.has(route.method) ? '{}' : undefined,
      }),
    );
    const text = await res.text();
    const answer = { status: res.status, body: JSON.parse(text) as unknown, headers: res.headers };
    checkAnswer(route, answer, `${label} ${path}`);
    if (segment !== '%0A') expect(res.status, `${label} ${path}`).toBe(400);
  });

  // Requests that once failed, kept as fixed cases whatever the seed ({service}: the
  // fixture's bookable service, {bare}: its service without links).
  it.each([
    // The day after 9999-12-31 has no YYYY-MM-DD: the filter's end of day threw (500).
    '/reservations?date=9999-12-31',
    '/reservations?date=0001-01-01',
    // Available days stepped past 9999-12-31 on date strings and threw (500).
    '/reservation-available-days?service_id={bare}&date=9999-12-31',
    '/reservation-available-days?service_id={service}&date=9999-12-31',
    '/reservation-available-days?service_id={bare}&date=9999-11-01&end_date=9999-12-31',
    '/reservation-available-slots?service_id={service}&date=9999-12-31',
    '/public/booking-links/:slug/days?service_id={bare}&date=9999-12-31',
    '/public/booking-links/:slug/days?service_id={service}&date=9999-12-31',
    '/public/booking-links/:slug/slots?service_id={service}&date=9999-12-31',
  ])('regression: GET %s is answered', async (path) => {
    const [routePath, query] = path.split('?') as [string, string];
    const route = routes.find((r) => r.method === 'GET' && r.path === routePath)!;
    const res = await send(route, fx, {
      anonymous: routePath.startsWith('/public/'),
      params: fixtureParams(route, fx) ?? {},
      query: query.replace('{bare}', fx.bareServiceId).replace('{service}', fx.serviceId),
      body: null,
    });
    checkAnswer(route, res, path);
    // A far date is a valid date: it is answered (with nothing in it), not refused.
    expect(res.status, path).toBe(200);
  });

  it.each(routes.map((r, i) => [`${r.method} ${r.path}`, r, i] as const))(
    '%s',
    async (_, route, index) => {
      await fc.assert(
        fc.asyncProperty(caseArbitrary(route, fx), async (c) => {
          const res = await send(route, fx, c);
          cases++;
          const label = describeCase(route, c, res);
          checkAnswer(route, res, label);
          if (!WRITES.has(route.method)) return;
          const after = await organizationRowCounts(fx.org.id);
          if (res.status >= 400 && res.status < 500) {
            rejectedWrites++;
            expect(after, label).toEqual(counts);
          }
          counts = after;
        }),
        { numRuns: RUNS, seed: SEED + index, endOnFailure: !SLOW },
      );
    },
    SLOW ? 600_000 : 60_000,
  );
});
